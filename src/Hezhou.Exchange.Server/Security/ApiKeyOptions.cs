using Hezhou.Exchange.Domain;

namespace Hezhou.Exchange.Server.Security;

/// <summary>
/// The "Auth" configuration section: the principals that may call, each with the SHA-256 of its key, and those
/// that authenticate with a client certificate.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public List<ApiKeyPrincipal> ApiKeys { get; set; } = [];

    public ClientCertificateOptions Certificates { get; set; } = new();
}

/// <summary>Who a configured principal is, whatever credential it presents.</summary>
public abstract class ConfiguredPrincipal
{
    /// <summary>The principal's name, recorded with every batch and access-log entry.</summary>
    public string Name { get; set; } = "";

    public ExchangeRole Role { get; set; }

    /// <summary>The department a Department principal submits for; ignored for other roles.</summary>
    public Department Department { get; set; }

    /// <summary>Extra scopes, e.g. "personal-data" to see citizen IDs unmasked.</summary>
    public List<string> Scopes { get; set; } = [];
}

/// <summary>One configured principal. The key itself is never stored, only its SHA-256.</summary>
public sealed class ApiKeyPrincipal : ConfiguredPrincipal
{
    /// <summary>SHA-256 of the API key, 64 hex digits.</summary>
    public string KeySha256 { get; set; } = "";
}
