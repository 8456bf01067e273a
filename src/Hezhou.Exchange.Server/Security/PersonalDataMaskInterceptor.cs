using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Hezhou.Exchange.Domain.Identity;

namespace Hezhou.Exchange.Server.Security;

/// <summary>
/// The one place citizen IDs are masked for a caller without the personal-data scope: every string of every response
/// message (identifiers, source keys, free text, notes, purposes) and every error (its message and each detail) leaves
/// through <see cref="CitizenId.MaskAllIn"/>. It sits outside the error mapping, so the statuses it sees are final, and
/// serves the REST API too, which runs through the same interceptors.
/// </summary>
public sealed class PersonalDataMaskInterceptor : Interceptor
{
    private const string StatusDetailsTrailer = "grpc-status-details-bin";

    private static readonly TypeRegistry ErrorDetails = TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(request, context);
            return Masks(context) ? Masked(response) : response;
        }
        catch (RpcException exception) when (Masks(context))
        {
            throw Masked(exception);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(requestStream, context);
            return Masks(context) ? Masked(response) : response;
        }
        catch (RpcException exception) when (Masks(context))
        {
            throw Masked(exception);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, new MaskingWriter<TResponse>(responseStream, context), context);
        }
        catch (RpcException exception) when (Masks(context))
        {
            throw Masked(exception);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, new MaskingWriter<TResponse>(responseStream, context), context);
        }
        catch (RpcException exception) when (Masks(context))
        {
            throw Masked(exception);
        }
    }

    /// <summary>Whether the call's principal sees masked IDs: anyone, authenticated or not, without the scope.</summary>
    private static bool Masks(ServerCallContext context) =>
        !context.GetHttpContext().User.HasClaim(ExchangeClaims.Scope, ExchangeClaims.PersonalDataScope);

    /// <summary>
    /// The response with every ID masked: the same instance when it holds none, otherwise a masked copy, so a response
    /// kept elsewhere (a cache) is never changed.
    /// </summary>
    public static TResponse Masked<TResponse>(TResponse response)
    {
        if (response is not IMessage message || !Walk(message, change: false))
        {
            return response;
        }
        var copy = response is IDeepCloneable<TResponse> cloneable
            ? cloneable.Clone()
            : (TResponse)message.Descriptor.Parser.ParseFrom(message.ToByteString());
        Walk((IMessage)copy!, change: true);
        return copy;
    }

    /// <summary>The same failure with its message and details masked; other trailers are kept.</summary>
    private static RpcException Masked(RpcException exception)
    {
        var trailers = new Metadata();
        foreach (var entry in exception.Trailers)
        {
            if (entry.Key == StatusDetailsTrailer)
            {
                var status = Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
                status.Message = CitizenId.MaskAllIn(status.Message);
                for (var i = 0; i < status.Details.Count; i++)
                {
                    if (status.Details[i].Unpack(ErrorDetails) is { } detail)
                    {
                        status.Details[i] = Any.Pack(MaskedDetail(detail));
                    }
                }
                trailers.Add(StatusDetailsTrailer, status.ToByteArray());
            }
            else if (!entry.IsBinary)
            {
                trailers.Add(entry.Key, CitizenId.MaskAllIn(entry.Value));
            }
            else
            {
                trailers.Add(entry.Key, entry.ValueBytes);
            }
        }
        return new RpcException(
            new Grpc.Core.Status(exception.StatusCode, CitizenId.MaskAllIn(exception.Status.Detail)),
            trailers,
            CitizenId.MaskAllIn(exception.Message));
    }

    /// <summary>Masks every string in the message (or, without <paramref name="change"/>, only says if one needs it).</summary>
    private static bool Walk(IMessage message, bool change)
    {
        var found = false;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (IsDigest(field))
            {
                continue;
            }
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var map = (System.Collections.IDictionary)value;
                var valueField = field.MessageType.FindFieldByNumber(2);
                foreach (var key in map.Keys.Cast<object>().ToList())
                {
                    found |= WalkValue(valueField, map[key], masked => map[key] = masked, change);
                    if (key is string text && CitizenId.MaskAllIn(text) != text)
                    {
                        found = true;
                        if (change)
                        {
                            var entry = map[key];
                            map.Remove(key);
                            map[CitizenId.MaskAllIn(text)] = entry;
                        }
                    }
                }
            }
            else if (field.IsRepeated)
            {
                var list = (System.Collections.IList)value;
                for (var i = 0; i < list.Count; i++)
                {
                    var index = i;
                    found |= WalkValue(field, list[i], masked => list[index] = masked, change);
                }
            }
            else if (field.FieldType == FieldType.Message ? field.Accessor.HasValue(message) : value is string)
            {
                found |= WalkValue(field, value, masked => field.Accessor.SetValue(message, masked), change);
            }
            if (found && !change)
            {
                return true;
            }
        }
        return found;
    }

    private static bool WalkValue(FieldDescriptor field, object? value, Action<object> set, bool change)
    {
        switch (value)
        {
            case string text:
                var masked = CitizenId.MaskAllIn(text);
                if (ReferenceEquals(masked, text))
                {
                    return false;
                }
                if (change)
                {
                    set(masked);
                }
                return true;
            case IMessage nested when field.FieldType == FieldType.Message:
                return Walk(nested, change);
            default:
                return false;
        }
    }

    private static IMessage MaskedDetail(IMessage detail)
    {
        Walk(detail, change: true);
        return detail;
    }

    // A ledger hash is hex, not text: it cannot carry an ID, and masking a digit run in it would break the hash.
    private static bool IsDigest(FieldDescriptor field) => field.Name.EndsWith("hash", StringComparison.Ordinal);

    /// <summary>Masks each message of a server stream as it is written.</summary>
    private sealed class MaskingWriter<T>(IServerStreamWriter<T> inner, ServerCallContext context) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message) => inner.WriteAsync(Masks(context) ? Masked(message) : message);
    }
}
