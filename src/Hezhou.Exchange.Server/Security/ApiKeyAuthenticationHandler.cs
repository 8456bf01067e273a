using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hezhou.Exchange.Server.Security;

/// <summary>
/// Authenticates a call by its "x-api-key" metadata: the key's SHA-256 is looked up among the configured principals.
/// Whether the call may proceed is decided by <see cref="AuthorizationInterceptor"/>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AuthOptions> auth) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "x-api-key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(values.ToString())));
        var principal = auth.CurrentValue.ApiKeys.FirstOrDefault(p =>
            CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(p.KeySha256.ToLowerInvariant()), Encoding.ASCII.GetBytes(hash)));
        if (principal is null)
        {
            return Task.FromResult(AuthenticateResult.Fail(new CredentialRefusedException("The API key is not known to this server.")));
        }

        var identity = ExchangeClaims.CreateIdentity(principal, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(
            new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
