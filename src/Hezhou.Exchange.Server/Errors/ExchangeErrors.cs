using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Hezhou.Exchange.Server.Errors;

/// <summary>Builds the rich statuses this service fails with: every one carries an ErrorInfo (AIP-193).</summary>
public static class ExchangeErrors
{
    public static RpcException Create(
        Code code,
        string reason,
        string message,
        IReadOnlyDictionary<string, string>? metadata = null,
        params IMessage[] extraDetails) =>
        Status(code, reason, message, metadata, extraDetails).ToRpcException();

    /// <summary>The status itself, for refusals written before any gRPC code runs.</summary>
    public static Google.Rpc.Status Status(
        Code code,
        string reason,
        string message,
        IReadOnlyDictionary<string, string>? metadata = null,
        params IMessage[] extraDetails)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorReasons.Domain };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            info.Metadata[key] = value;
        }
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(info));
        foreach (var detail in extraDetails)
        {
            status.Details.Add(Any.Pack(detail));
        }
        return status;
    }

    /// <summary>
    /// Answers a gRPC call with the status alone, as a trailers-only response (HTTP 200, the status in the headers),
    /// which every gRPC client reads like a status the service returned.
    /// </summary>
    public static void WriteTrailersOnly(Microsoft.AspNetCore.Http.HttpResponse response, Google.Rpc.Status status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
    }

    /// <summary>INVALID_ARGUMENT naming each bad field and the rule it breaks.</summary>
    public static RpcException InvalidArgument(params (string Field, string Description)[] violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(violations.Select(v =>
            new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var message = string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
        return Create(Code.InvalidArgument, ErrorReasons.InvalidArgument, message, null, badRequest);
    }

    /// <summary>RESOURCE_EXHAUSTED (STREAM_TOO_LONG): more records than one batch may hold.</summary>
    public static RpcException StreamTooLong(int limit) =>
        Create(
            Code.ResourceExhausted, ErrorReasons.StreamTooLong,
            $"A batch may hold at most {limit:N0} records; split it into several batches.",
            new Dictionary<string, string> { ["limit"] = limit.ToString(CultureInfo.InvariantCulture) });

    /// <summary>
    /// INVALID_ARGUMENT (MESSAGE_MALFORMED) for a request whose bytes cannot be read as the method's message. gRPC's own
    /// answer would be INTERNAL or UNKNOWN, as if the server had failed; the fault is the sender's, and sending the same
    /// bytes again cannot succeed.
    /// </summary>
    public static RpcException MessageMalformed(string method, string problem) =>
        Create(
            Code.InvalidArgument, ErrorReasons.MessageMalformed,
            $"The request to {method} cannot be read as its protobuf message ({problem.TrimEnd('.')}); nothing of it " +
            "was stored. Send messages serialized from the contract.",
            new Dictionary<string, string> { ["method"] = method });
}
