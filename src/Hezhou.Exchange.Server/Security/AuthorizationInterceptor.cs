using Grpc.Core;
using Grpc.Core.Interceptors;
using Hezhou.Exchange.Server.Errors;
using Microsoft.AspNetCore.Authentication;

namespace Hezhou.Exchange.Server.Security;

/// <summary>
/// Checks every call against <see cref="MethodPermissions"/>: UNAUTHENTICATED without a known credential,
/// PERMISSION_DENIED when the principal's role may not call the method. Runs before any service code.
/// </summary>
public sealed class AuthorizationInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private static async Task AuthorizeAsync(ServerCallContext context)
    {
        var roles = MethodPermissions.For(context.Method)
            ?? throw ExchangeErrors.Create(
                Google.Rpc.Code.PermissionDenied, ErrorReasons.RoleNotPermitted,
                $"{context.Method} is not open to any caller.");
        if (roles.Count == 0)
        {
            return;
        }

        var httpContext = context.GetHttpContext();
        var result = await httpContext.AuthenticateAsync();
        if (!result.Succeeded)
        {
            throw result.Failure is null
                ? ExchangeErrors.Create(
                    Google.Rpc.Code.Unauthenticated, ErrorReasons.CredentialMissing,
                    $"No credential: send an API key in the \"{ApiKeyAuthenticationHandler.HeaderName}\" metadata, " +
                    "or a client certificate over TLS.")
                : ExchangeErrors.Create(
                    Google.Rpc.Code.Unauthenticated, ErrorReasons.CredentialInvalid,
                    result.Failure is CredentialRefusedException refused
                        ? refused.Message
                        : "The credential is not known to this server.");
        }

        httpContext.User = result.Principal;
        var caller = Caller.From(result.Principal);
        if (!roles.Contains(caller.Role))
        {
            throw ExchangeErrors.Create(
                Google.Rpc.Code.PermissionDenied, ErrorReasons.RoleNotPermitted,
                $"A principal with the {caller.Role} role may not call {context.Method}.",
                new Dictionary<string, string> { ["role"] = caller.Role.ToString(), ["method"] = context.Method });
        }
    }
}
