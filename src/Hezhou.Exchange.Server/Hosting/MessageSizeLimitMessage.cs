using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Hezhou.Exchange.Server.Errors;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>
/// gRPC refuses a message above the configured size before any service code runs, with a status that neither says
/// the limit nor carries an ErrorInfo. This middleware rewrites that status (sent as a trailers-only response) so a
/// department learns the limit and can branch on the reason MESSAGE_TOO_LARGE like on every other error.
/// </summary>
public sealed class MessageSizeLimitMessage(RequestDelegate next, int maxMessageBytes)
{
    internal const string GrpcLimitMessage = "Received message exceeds the maximum configured message size.";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var headers = context.Response.Headers;
        if (context.Response.HasStarted
            || headers["grpc-status"] != ((int)Code.ResourceExhausted).ToString()
            || headers["grpc-message"] != GrpcLimitMessage)
        {
            return;
        }

        var message = $"A message larger than the limit of {maxMessageBytes:N0} bytes (Limits:MaxMessageBytes) was " +
            "refused and nothing of it was stored; send fewer records per message, or stream them.";
        var info = new ErrorInfo { Reason = ErrorReasons.MessageTooLarge, Domain = ErrorReasons.Domain };
        info.Metadata["limit"] = maxMessageBytes.ToString();
        var status = new Google.Rpc.Status { Code = (int)Code.ResourceExhausted, Message = message };
        status.Details.Add(Any.Pack(info));
        headers["grpc-message"] = Uri.EscapeDataString(message);
        headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
    }
}
