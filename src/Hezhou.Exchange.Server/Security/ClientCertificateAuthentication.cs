using System.Formats.Asn1;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.Extensions.Options;

namespace Hezhou.Exchange.Server.Security;

/// <summary>
/// Authenticates a call by the client certificate of its TLS connection: the certificate must be issued by a CA of
/// Auth:Certificates:TrustedCaFile, be within its validity period and allow client authentication; then its subject or
/// one of its SANs names a configured principal, which gets the same claims an API key's principal gets.
/// </summary>
public static class ClientCertificateAuthentication
{
    public const string SchemeName = CertificateAuthenticationDefaults.AuthenticationScheme;

    private const string TrustedCaSetting = "Auth:Certificates:TrustedCaFile";
    private const string SubjectAlternativeNameOid = "2.5.29.17";
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    /// <summary>The CA certificates of a PEM file; a file that cannot be read or holds none stops the server.</summary>
    public static X509Certificate2Collection LoadTrustedCas(string path)
    {
        var cas = new X509Certificate2Collection();
        try
        {
            cas.ImportFromPemFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ServerConfigurationException($"{TrustedCaSetting}: {path} cannot be read as PEM certificates: {exception.Message}", exception);
        }
        if (cas.Count == 0)
        {
            throw new ServerConfigurationException($"{TrustedCaSetting}: {path} holds no PEM certificate.");
        }
        return cas;
    }

    /// <summary>Stops the server at start on a principal that no certificate, or more than one way, could name.</summary>
    public static void Validate(IReadOnlyList<CertificatePrincipal> principals)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < principals.Count; i++)
        {
            var principal = principals[i];
            var entry = AuthConfiguration.Describe($"Auth:Certificates:Principals:{i}", principal.Name);
            AuthConfiguration.ValidatePrincipal(entry, principal);
            if (string.IsNullOrWhiteSpace(principal.Subject) == string.IsNullOrWhiteSpace(principal.San))
            {
                throw new ServerConfigurationException($"{entry}: give either Subject or San, not both or neither.");
            }
            var name = principal.Subject is { Length: > 0 } subject ? "subject " + NormalizeSubject(subject, entry) : "SAN " + principal.San;
            if (!names.TryAdd(name, entry))
            {
                throw new ServerConfigurationException($"{entry}: {names[name]} has the same {name}.");
            }
        }
    }

    public static void Configure(CertificateAuthenticationOptions options, X509Certificate2Collection trustedCas)
    {
        options.AllowedCertificateTypes = CertificateTypes.Chained;
        options.ChainTrustValidationMode = X509ChainTrustMode.CustomRootTrust;
        options.CustomTrustStore = trustedCas;
        // The city's CA is offline and publishes no revocation list a check could reach, so none is made: a
        // certificate is withdrawn by removing its principal from Auth:Certificates:Principals, or by a new CA.
        options.RevocationMode = X509RevocationMode.NoCheck;
        options.ValidateCertificateUse = true;
        options.ValidateValidityPeriod = true;
        options.Events = new CertificateAuthenticationEvents
        {
            OnCertificateValidated = MapToPrincipalAsync,
            OnAuthenticationFailed = ExplainRefusalAsync,
        };
    }

    private static Task MapToPrincipalAsync(CertificateValidatedContext context)
    {
        var principals = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AuthOptions>>()
            .CurrentValue.Certificates.Principals;
        var certificate = context.ClientCertificate;
        var subject = certificate.SubjectName.Decode(X500DistinguishedNameFlags.Reversed);
        var alternativeNames = AlternativeNames(certificate);
        var matches = principals.Where(p =>
                (p.Subject is { Length: > 0 } s && string.Equals(NormalizeSubject(s, "Subject"), subject, StringComparison.OrdinalIgnoreCase))
                || (p.San is { Length: > 0 } san && alternativeNames.Contains(san, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        if (matches.Count == 1)
        {
            context.Principal = new ClaimsPrincipal(ExchangeClaims.CreateIdentity(matches[0], SchemeName));
            context.Success();
        }
        else
        {
            context.Fail(new CredentialRefusedException(matches.Count == 0
                ? $"The client certificate \"{subject}\" was refused: no principal is configured for its subject or " +
                  "subject alternative names (Auth:Certificates:Principals)."
                : $"The client certificate \"{subject}\" was refused: it names more than one principal " +
                  $"({string.Join(", ", matches.Select(m => m.Name))})."));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Replaces the handler's own failure ("Client certificate failed validation.") with what is wrong with the
    /// certificate, so that a department can tell an expired certificate from one of another CA.
    /// </summary>
    private static Task ExplainRefusalAsync(CertificateAuthenticationFailedContext context)
    {
        if (context.Exception is CredentialRefusedException)
        {
            return Task.CompletedTask;
        }

        var certificate = context.HttpContext.Connection.ClientCertificate;
        var message = certificate is null
            ? "The client certificate could not be read."
            : $"The client certificate \"{certificate.Subject}\" was refused: {Problem(certificate, context.Options)}.";
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
            .CreateLogger(typeof(ClientCertificateAuthentication))
            .LogInformation(context.Exception, "{Message}", message);
        context.Fail(new CredentialRefusedException(message));
        return Task.CompletedTask;
    }

    private static string Problem(X509Certificate2 certificate, CertificateAuthenticationOptions options)
    {
        if (certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return $"it is self-signed, not issued by a certificate authority this server trusts ({TrustedCaSetting})";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = options.ChainTrustValidationMode;
        chain.ChainPolicy.CustomTrustStore.AddRange(options.CustomTrustStore);
        chain.ChainPolicy.RevocationMode = options.RevocationMode;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);
        chain.Build(certificate);
        var status = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        foreach (var element in chain.ChainElements)
        {
            element.Certificate.Dispose();
        }

        if ((status & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            return $"it is not issued by a certificate authority this server trusts ({TrustedCaSetting})";
        }
        if (status.HasFlag(X509ChainStatusFlags.NotTimeValid))
        {
            return certificate.NotAfter < DateTime.Now
                ? $"it expired at {certificate.NotAfter.ToUniversalTime():u}"
                : $"it is not valid before {certificate.NotBefore.ToUniversalTime():u}";
        }
        if (status.HasFlag(X509ChainStatusFlags.NotValidForUsage))
        {
            return "it does not allow client authentication (extended key usage 1.3.6.1.5.5.7.3.2)";
        }
        return $"it failed validation ({status})";
    }

    /// <summary>The DNS names, URIs and e-mail addresses of the certificate's subject alternative name extension.</summary>
    private static List<string> AlternativeNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        if (certificate.Extensions[SubjectAlternativeNameOid] is not { } extension)
        {
            return names;
        }
        try
        {
            var generalNames = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (generalNames.HasData)
            {
                var tag = generalNames.PeekTag();
                // GeneralName (RFC 5280): rfc822Name [1], dNSName [2] and uniformResourceIdentifier [6] are IA5Strings.
                if (tag.TagClass == TagClass.ContextSpecific && tag.TagValue is 1 or 2 or 6)
                {
                    names.Add(generalNames.ReadCharacterString(UniversalTagNumber.IA5String, tag));
                }
                else
                {
                    generalNames.ReadEncodedValue();
                }
            }
        }
        catch (AsnContentException)
        {
            // A malformed extension names no one; the certificate is then refused as unknown.
            names.Clear();
        }
        return names;
    }

    /// <summary>A distinguished name as .NET prints a certificate's subject, so that spacing and quoting do not matter.</summary>
    private static string NormalizeSubject(string subject, string setting)
    {
        try
        {
            return new X500DistinguishedName(subject).Decode(X500DistinguishedNameFlags.Reversed);
        }
        catch (CryptographicException exception)
        {
            throw new ServerConfigurationException($"{setting}: \"{subject}\" is not a distinguished name.", exception);
        }
    }
}
