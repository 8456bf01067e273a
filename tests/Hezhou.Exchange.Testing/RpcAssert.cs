using Google.Rpc;
using Grpc.Core;

namespace Hezhou.Exchange.Testing;

/// <summary>Asserts on a failed call's status code and ErrorInfo reason, as AIP-193 clients branch on them.</summary>
public static class RpcAssert
{
    public static async Task<Google.Rpc.Status> FailsAsync(StatusCode code, string reason, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("exchange.hezhou.gov.cn", info.Domain);
        Assert.Equal(reason, info.Reason);
        return status;
    }
}
