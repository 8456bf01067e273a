using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Hezhou.Exchange.Server.Errors;

/// <summary>
/// The one place exceptions become statuses. RpcExceptions pass through; a store that cannot take the request (locked,
/// full, read-only, failing transiently) becomes UNAVAILABLE naming the cause; anything else is logged and becomes
/// INTERNAL without its text.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (Map(exception, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (Map(exception, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (Map(exception, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (Map(exception, context) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>The status to fail with instead of the exception, or null to let it pass unchanged.</summary>
    private RpcException? Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RpcException:
                return null;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
            case var _ when StorageFault.Of(exception) is { } fault:
                logger.LogWarning(exception, "Store unavailable ({Cause}) during {Method}", fault.Cause, context.Method);
                return ExchangeErrors.Create(
                    Google.Rpc.Code.Unavailable, ErrorReasons.StorageUnavailable, fault.Message,
                    new Dictionary<string, string> { ["cause"] = fault.Cause });
            default:
                logger.LogError(exception, "Unexpected failure in {Method}", context.Method);
                return ExchangeErrors.Create(
                    Google.Rpc.Code.Internal, ErrorReasons.Internal, "An unexpected error occurred; it has been logged.");
        }
    }
}
