using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Hezhou.Exchange.Server.Security;

/// <summary>Who may call (API keys, client certificates) and how often (rate limits per principal).</summary>
public static class SecuritySetup
{
    /// <summary>The default scheme: a client certificate when the connection has one, otherwise the API key.</summary>
    public const string SchemeName = "ApiKeyOrCertificate";

    public static WebApplicationBuilder AddExchangeSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.SectionName);
        builder.Services.Configure<AuthOptions>(section);
        var certificates = section.Get<AuthOptions>()?.Certificates ?? new ClientCertificateOptions();

        var authentication = builder.Services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "API key or client certificate", policy =>
                policy.ForwardDefaultSelector = context =>
                    certificates.Enabled && context.Connection.ClientCertificate is not null
                        ? ClientCertificateAuthentication.SchemeName
                        : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        if (!certificates.Enabled && certificates.Principals.Count > 0)
        {
            throw new InvalidOperationException(
                "Auth:Certificates:Principals are configured but Auth:Certificates:TrustedCaFile is not: " +
                "name the PEM file of the CA that issues the client certificates.");
        }
        if (certificates.Enabled)
        {
            var trustedCas = ClientCertificateAuthentication.LoadTrustedCas(
                Path.Combine(builder.Environment.ContentRootPath, certificates.TrustedCaFile));
            ClientCertificateAuthentication.Validate(certificates.Principals);
            authentication.AddCertificate(options => ClientCertificateAuthentication.Configure(options, trustedCas));

            // HTTP/2 cannot ask for a certificate after the handshake, so every TLS endpoint asks during it.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ClientCertificateMode = certificates.Required
                    ? ClientCertificateMode.RequireCertificate
                    : ClientCertificateMode.AllowCertificate;
                // Kestrel would check the chain against the machine's store and drop the connection; the handler
                // checks it against the configured CA instead, and can tell the caller what is wrong.
                https.AllowAnyClientCertificate();
            }));
        }

        var limits = builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (limits.Enabled)
        {
            PrincipalRateLimits.Validate(limits);
            builder.Services.AddRateLimiter(options => PrincipalRateLimits.Configure(options, limits));
        }
        return builder;
    }

    /// <summary>Authenticates every call first, so that the rate limiter knows whose call it is.</summary>
    public static WebApplication UseExchangeSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        if (app.Configuration.GetValue($"{RateLimitOptions.SectionName}:{nameof(RateLimitOptions.Enabled)}", true))
        {
            app.UseRateLimiter();
        }
        return app;
    }
}
