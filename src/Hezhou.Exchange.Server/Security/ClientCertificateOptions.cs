namespace Hezhou.Exchange.Server.Security;

/// <summary>
/// The "Auth:Certificates" section: the certificate authority that issues the departments' and auditors' client
/// certificates, and which principal each certificate is. Client certificates are off while TrustedCaFile is empty.
/// </summary>
public sealed class ClientCertificateOptions
{
    /// <summary>
    /// A PEM file with the CA certificate(s) a client certificate must be issued by; a relative path is under the
    /// content root. Only these are trusted, never the machine's certificate store.
    /// </summary>
    public string TrustedCaFile { get; set; } = "";

    /// <summary>
    /// Whether every TLS connection must present a client certificate. Off by default, so that API keys also work
    /// over TLS; a certificate, when presented, is always checked and used.
    /// </summary>
    public bool Required { get; set; }

    public List<CertificatePrincipal> Principals { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(TrustedCaFile);
}

/// <summary>A principal that authenticates with a client certificate, named by its subject or by one of its SANs.</summary>
public sealed class CertificatePrincipal : ConfiguredPrincipal
{
    /// <summary>The certificate's whole subject distinguished name, e.g. "CN=hr-system, O=Hezhou HR".</summary>
    public string? Subject { get; set; }

    /// <summary>One subject alternative name of the certificate: a DNS name, URI or e-mail address.</summary>
    public string? San { get; set; }
}
