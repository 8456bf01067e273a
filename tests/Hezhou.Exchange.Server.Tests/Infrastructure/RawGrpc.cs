using System.Net;
using System.Net.Http.Headers;
using Google.Rpc;
using Grpc.Core;

namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>What a call ended with, whichever way it was made.</summary>
public sealed record CallOutcome(StatusCode Code, string Message, ErrorInfo? Info, Google.Rpc.Status? Details, byte[]? Response, int HttpStatus = 200)
{
    public override string ToString() => $"{Code} {Info?.Reason ?? "(no ErrorInfo)"}: {Message}";
}

/// <summary>
/// Calls the server with bytes the test chooses, as a client with a broken or hostile serializer would: through
/// Grpc.Net.Client with marshallers that pass bytes through, or as a bare HTTP/2 request whose body is the gRPC frames.
/// </summary>
public static class RawGrpc
{
    private static readonly Marshaller<byte[]> Bytes = new(bytes => bytes, bytes => bytes);

    /// <summary>A method of the server by its full name, "/package.Service/Method", carrying raw bytes.</summary>
    public static Method<byte[], byte[]> Method(MethodType type, string fullName)
    {
        var parts = fullName.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return new Method<byte[], byte[]>(type, parts[0], parts[1], Bytes, Bytes);
    }

    public static async Task<CallOutcome> UnaryAsync(CallInvoker invoker, string method, byte[] request)
    {
        try
        {
            var response = await invoker.AsyncUnaryCall(
                Method(MethodType.Unary, method), null, new CallOptions(deadline: Deadlines.Long), request);
            return new CallOutcome(StatusCode.OK, "", null, null, response);
        }
        catch (RpcException e)
        {
            return Failed(e);
        }
    }

    /// <summary>
    /// Writes each message in turn and half-closes. The server may answer before the last message (a message above
    /// the size limit ends the call); the writes it no longer reads are abandoned and its answer returned.
    /// </summary>
    public static async Task<CallOutcome> ClientStreamingAsync(CallInvoker invoker, string method, IEnumerable<byte[]> messages)
    {
        using var call = invoker.AsyncClientStreamingCall(
            Method(MethodType.ClientStreaming, method), null, new CallOptions(deadline: Deadlines.Long));
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The call has ended; its status says why.
        }
        try
        {
            return new CallOutcome(StatusCode.OK, "", null, null, await call.ResponseAsync);
        }
        catch (RpcException e)
        {
            return Failed(e);
        }
    }

    /// <summary>
    /// Sends one request and reads the first response: a server stream such as a health watch never ends by itself,
    /// so the first message, or the status it ends with before one, is the outcome.
    /// </summary>
    public static async Task<CallOutcome> ServerStreamingAsync(CallInvoker invoker, string method, byte[] request)
    {
        using var call = invoker.AsyncServerStreamingCall(
            Method(MethodType.ServerStreaming, method), null, new CallOptions(deadline: Deadlines.Short), request);
        try
        {
            return await call.ResponseStream.MoveNext()
                ? new CallOutcome(StatusCode.OK, "", null, null, call.ResponseStream.Current)
                : new CallOutcome(call.GetStatus().StatusCode, call.GetStatus().Detail, null, null, null);
        }
        catch (RpcException e)
        {
            return Failed(e);
        }
    }

    /// <summary>Writes each message, half-closes and reads every response until the server ends the call.</summary>
    public static async Task<CallOutcome> DuplexStreamingAsync(CallInvoker invoker, string method, IEnumerable<byte[]> messages)
    {
        using var call = invoker.AsyncDuplexStreamingCall(
            Method(MethodType.DuplexStreaming, method), null, new CallOptions(deadline: Deadlines.Short));
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }
            await call.RequestStream.CompleteAsync();
            byte[]? last = null;
            while (await call.ResponseStream.MoveNext())
            {
                last = call.ResponseStream.Current;
            }
            return new CallOutcome(StatusCode.OK, "", null, null, last);
        }
        catch (RpcException e)
        {
            return Failed(e);
        }
    }

    /// <summary>
    /// POSTs <paramref name="body"/> as it is (length prefixes and all) over HTTP/2 cleartext with prior knowledge, the
    /// way a gRPC client frames a call, and reads the gRPC status from the headers or trailers.
    /// </summary>
    public static async Task<CallOutcome> HttpAsync(
        Uri server, string method, byte[] body, string? apiKey, IReadOnlyDictionary<string, string> headers)
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromMinutes(1) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(
            headers.GetValueOrDefault("content-type") ?? "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        }
        foreach (var (name, value) in headers.Where(h => h.Key != "content-type"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        var content = await response.Content.ReadAsByteArrayAsync();
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values)
                ? values.First()
                : null;
        var code = Header("grpc-status") is { } status ? (StatusCode)int.Parse(status) : StatusCode.Unknown;
        var details = Header("grpc-status-details-bin") is { } bin
            ? Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(bin))
            : null;
        return new CallOutcome(
            code, Uri.UnescapeDataString(Header("grpc-message") ?? ""), details?.GetDetail<ErrorInfo>(), details,
            code == StatusCode.OK ? content : null, (int)response.StatusCode);
    }

    private static CallOutcome Failed(RpcException e)
    {
        var status = e.GetRpcStatus();
        return new CallOutcome(e.StatusCode, e.Status.Detail, status?.GetDetail<ErrorInfo>(), status, null);
    }
}
