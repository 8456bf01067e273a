using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Hezhou.Exchange.Server.Telemetry;

/// <summary>
/// The outermost interceptor: times every RPC (gRPC and transcoded REST alike) and records it with the status it
/// ended with, after the error mapping and authorization inside it have had their say.
/// </summary>
public sealed class RpcTelemetryInterceptor(ExchangeMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(request, context);
            Record(context, started, context.Status.StatusCode);
            return response;
        }
        catch (Exception exception)
        {
            Record(context, started, StatusOf(exception));
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(requestStream, context);
            Record(context, started, context.Status.StatusCode);
            return response;
        }
        catch (Exception exception)
        {
            Record(context, started, StatusOf(exception));
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(request, responseStream, context);
            Record(context, started, context.Status.StatusCode);
        }
        catch (Exception exception)
        {
            Record(context, started, StatusOf(exception));
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(requestStream, responseStream, context);
            Record(context, started, context.Status.StatusCode);
        }
        catch (Exception exception)
        {
            Record(context, started, StatusOf(exception));
            throw;
        }
    }

    private static StatusCode StatusOf(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException => StatusCode.Cancelled,
        _ => StatusCode.Unknown,
    };

    private void Record(ServerCallContext context, long started, StatusCode status) =>
        metrics.RpcCompleted(context.Method, StatusName(status), Stopwatch.GetElapsedTime(started));

    /// <summary>The status as gRPC names it on the wire, e.g. "NOT_FOUND".</summary>
    private static string StatusName(StatusCode status) => status switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
