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
        var auth = AuthConfiguration.Read(section, builder.Environment);
        var certificates = auth.Certificates;

        var authentication = builder.Services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "API key or client certificate", policy =>
                policy.ForwardDefaultSelector = context =>
                    certificates.Enabled && context.Connection.ClientCertificate is not null
                        ? ClientCertificateAuthentication.SchemeName
                        : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        if (certificates.Enabled)
        {
            var trustedCas = ClientCertificateAuthentication.LoadTrustedCas(
                Path.Combine(builder.Environment.ContentRootPath, certificates.TrustedCaFile));
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
        WarnIfNoPrincipals(app);
        app.UseAuthentication();
        if (app.Configuration.GetValue($"{RateLimitOptions.SectionName}:{nameof(RateLimitOptions.Enabled)}", true))
        {
            app.UseRateLimiter();
        }
        return app;
    }

    /// <summary>
    /// A server nobody can call starts (a health check still answers), but it says so: otherwise the first sign is
    /// every department's push failing.
    /// </summary>
    private static void WarnIfNoPrincipals(WebApplication app)
    {
        var auth = app.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var certificatePrincipals = auth.Certificates.Enabled ? auth.Certificates.Principals.Count : 0;
        if (auth.ApiKeys.Count + certificatePrincipals == 0)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecuritySetup)).LogWarning(
                "No principals are configured (Auth:ApiKeys and Auth:Certificates:Principals are empty) in the {Environment} " +
                "environment: every call except the health check will be refused as UNAUTHENTICATED. Configure the " +
                "SHA-256 of each API key under Auth:ApiKeys, or a client certificate authority (Auth:Certificates:TrustedCaFile) " +
                "and its principals (Auth:Certificates:Principals); see docs/operations.md, Client certificates.",
                app.Environment.EnvironmentName);
        }
    }
}
