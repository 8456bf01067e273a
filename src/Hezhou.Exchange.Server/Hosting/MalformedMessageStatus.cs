using System.Globalization;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Hezhou.Exchange.Server.Errors;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>
/// gRPC reads a unary call's request, and the frames of every call, before any service code runs. When the bytes are
/// not the method's message (not protobuf, cut short, invalid UTF-8, garbage where compressed data should be) or the
/// frames lie about their length, it answers UNKNOWN or INTERNAL without an ErrorInfo, as if the server had failed. This
/// middleware rewrites those answers, sent as trailers-only responses, to INVALID_ARGUMENT with the reason
/// MESSAGE_MALFORMED. Messages of a stream that do not parse are answered the same way by the service itself.
/// </summary>
public sealed class MalformedMessageStatus(RequestDelegate next, ILogger<MalformedMessageStatus> logger)
{
    // What grpc-dotnet answers, with INTERNAL, when the length-prefixed frames themselves are broken.
    private static readonly HashSet<string> FramingFaults = new(StringComparer.Ordinal)
    {
        "Incomplete message.",
        "Additional data after the message received.",
        "Request did not include grpc-encoding value with compressed message.",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var headers = context.Response.Headers;
        if (context.Response.HasStarted || !int.TryParse(headers["grpc-status"], out var code))
        {
            return;
        }

        var message = Uri.UnescapeDataString(headers["grpc-message"].ToString());
        var failure = context.Features.Get<IServerCallContextFeature>()?.ServerCallContext.Status.DebugException;
        if ((StatusCode)code == StatusCode.Unknown
            && failure is IOException && failure.Message.StartsWith("Message too large", StringComparison.Ordinal))
        {
            // A frame announcing more than 2 GB fails with an IOException instead of the size limit's status: answer it
            // as the limit does, which MessageSizeLimitMessage then explains.
            headers["grpc-status"] = ((int)StatusCode.ResourceExhausted).ToString(CultureInfo.InvariantCulture);
            headers["grpc-message"] = MessageSizeLimitMessage.GrpcLimitMessage;
            return;
        }

        var problem = (StatusCode)code switch
        {
            StatusCode.Unknown => failure switch
            {
                InvalidProtocolBufferException e => e.Message,
                InvalidDataException e => $"the compressed message cannot be decompressed: {e.Message}",
                _ => null,
            },
            StatusCode.Internal when FramingFaults.Contains(message) => $"gRPC framing: {message}",
            _ => null,
        };
        if (problem is null)
        {
            return;
        }

        var method = context.Request.Path.ToString();
        logger.LogInformation("Refused a malformed request to {Method}: {Problem}", method, problem);
        var status = ExchangeErrors.MessageMalformed(method, problem).GetRpcStatus()!;
        headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
        headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
    }
}
