using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;

namespace Hezhou.Exchange.Server.Security;

/// <summary>
/// Reads the "Auth" section entry by entry and stops the server at start on a principal that cannot work, or that
/// would let the wrong caller in, naming the entry: "Auth:ApiKeys:3 (name 'x'): ...".
/// </summary>
public static class AuthConfiguration
{
    /// <summary>
    /// The SHA-256 of the development keys of appsettings.Development.json, whose plain values README.md publishes:
    /// anyone can present them, so a server outside the Development environment refuses to start with any of them.
    /// </summary>
    public static readonly IReadOnlySet<string> DevelopmentKeyHashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "d18089e9a1b27c01dd2fdf114c394ac587489945067d38b16bd3bfccd7472fc1",
        "9ae3d7aa41cb7799db95109f0b0fef2912fa103921f24b57126c93cc658381f0",
        "67fa77b8e644462bbe6dee44d32f01479ab3593724ac6834c75df2a7d302022d",
        "46151c35c1c09bca0b049ce55099e4f67fd04efe91716eec70fd1fa8ce898163",
        "f893446693464c4c6b08178ab630db1a63ac0b9f904125d2360c0a0a94004caf",
        "9c19517c0438594c5c86905d3181bba83233424ba739a09fd5f0e395cb974c3b",
    };

    /// <summary>The scopes a principal may hold; any other is a typo that would silently grant nothing.</summary>
    public static readonly IReadOnlySet<string> KnownScopes = new HashSet<string>(StringComparer.Ordinal) { ExchangeClaims.PersonalDataScope };

    /// <summary>The principals of the section, each checked; throws <see cref="ServerConfigurationException"/> naming the first bad entry.</summary>
    public static AuthOptions Read(IConfigurationSection section, IHostEnvironment environment)
    {
        var apiKeys = Entries<ApiKeyPrincipal>(section.GetSection(nameof(AuthOptions.ApiKeys)));
        var certificates = section.GetSection(nameof(AuthOptions.Certificates));
        var certificatePrincipals = Entries<CertificatePrincipal>(certificates.GetSection(nameof(ClientCertificateOptions.Principals)));
        bool required;
        try
        {
            required = certificates.GetValue<bool>(nameof(ClientCertificateOptions.Required));
        }
        catch (InvalidOperationException exception)
        {
            throw new ServerConfigurationException($"{certificates.Path}:{nameof(ClientCertificateOptions.Required)} must be true or false.", exception);
        }
        var options = new AuthOptions
        {
            ApiKeys = [.. apiKeys.Select(entry => entry.Principal)],
            Certificates = new ClientCertificateOptions
            {
                TrustedCaFile = certificates[nameof(ClientCertificateOptions.TrustedCaFile)] ?? "",
                Required = required,
                Principals = [.. certificatePrincipals.Select(entry => entry.Principal)],
            },
        };

        ValidateApiKeys(apiKeys, environment);
        ClientCertificateAuthentication.Validate(options.Certificates.Principals);
        if (!options.Certificates.Enabled && certificatePrincipals.Count > 0)
        {
            throw new ServerConfigurationException(
                "Auth:Certificates:Principals are configured but Auth:Certificates:TrustedCaFile is not: " +
                "name the PEM file of the CA that issues the client certificates.");
        }
        ValidateSameNameSamePrincipal([.. apiKeys.Select(Widen), .. certificatePrincipals.Select(Widen)]);
        return options;
    }

    /// <summary>What every principal needs, whatever its credential: a name, a role, a department for a department, known scopes.</summary>
    public static void ValidatePrincipal(string entry, ConfiguredPrincipal principal)
    {
        if (string.IsNullOrWhiteSpace(principal.Name))
        {
            throw new ServerConfigurationException($"{entry}: a principal needs a Name.");
        }
        if (!Enum.IsDefined(principal.Role))
        {
            throw new ServerConfigurationException(
                $"{entry}: Role must be one of {string.Join(", ", Enum.GetNames<ExchangeRole>())}.");
        }
        if (principal.Role == ExchangeRole.Department
            && (principal.Department == Department.Unspecified || !Enum.IsDefined(principal.Department)))
        {
            throw new ServerConfigurationException(
                $"{entry}: a Department principal needs a Department, one of {string.Join(", ", Departments)}.");
        }
        foreach (var scope in principal.Scopes)
        {
            if (!KnownScopes.Contains(scope))
            {
                throw new ServerConfigurationException(
                    $"{entry}: scope '{scope}' is not known; the scopes are {string.Join(", ", KnownScopes.Select(s => $"'{s}'"))}.");
            }
        }
    }

    /// <summary>How an entry is named in a refusal: its setting, and its principal's name when it has one.</summary>
    public static string Describe(string setting, string? name) =>
        string.IsNullOrWhiteSpace(name) ? setting : $"{setting} (name '{name}')";

    /// <summary>
    /// Principals that share a name are one principal with two credentials (a key and a certificate, or an old and a
    /// new key): batches, access-log entries and page tokens know a principal by its name, so they must agree on
    /// what it may do.
    /// </summary>
    public static void ValidateSameNameSamePrincipal(IEnumerable<(string Entry, ConfiguredPrincipal Principal)> principals)
    {
        var first = new Dictionary<string, (string Entry, ConfiguredPrincipal Principal)>(StringComparer.Ordinal);
        foreach (var (entry, principal) in principals)
        {
            if (!first.TryGetValue(principal.Name, out var earlier))
            {
                first[principal.Name] = (entry, principal);
                continue;
            }
            var same = earlier.Principal.Role == principal.Role
                && (principal.Role != ExchangeRole.Department || earlier.Principal.Department == principal.Department)
                && earlier.Principal.Scopes.Order(StringComparer.Ordinal).SequenceEqual(principal.Scopes.Order(StringComparer.Ordinal));
            if (!same)
            {
                throw new ServerConfigurationException(
                    $"{entry}: {earlier.Entry} has the same Name with another Role, Department or Scopes; " +
                    "principals that share a name must be the same principal.");
            }
        }
    }

    private static (string, ConfiguredPrincipal) Widen<T>((string Entry, T Principal) entry)
        where T : ConfiguredPrincipal => (entry.Entry, entry.Principal);

    private static IEnumerable<string> Departments =>
        Enum.GetNames<Department>().Where(name => name != nameof(Department.Unspecified));

    private static List<(string Entry, T Principal)> Entries<T>(IConfigurationSection list)
        where T : ConfiguredPrincipal, new() =>
        [.. list.GetChildren().Select(child => (Describe(child.Path, child[nameof(ConfiguredPrincipal.Name)]), Bind<T>(child)))];

    /// <summary>
    /// One entry, bound. The binder's own error for a value that does not convert names the path but not the
    /// choices, and for an enum comes from deep in a type converter; the enums are checked first to say what is allowed.
    /// </summary>
    private static T Bind<T>(IConfigurationSection child)
        where T : ConfiguredPrincipal, new()
    {
        var entry = Describe(child.Path, child[nameof(ConfiguredPrincipal.Name)]);
        CheckEnum<ExchangeRole>(entry, child, nameof(ConfiguredPrincipal.Role), Enum.GetNames<ExchangeRole>());
        CheckEnum<Department>(entry, child, nameof(ConfiguredPrincipal.Department), Departments);
        try
        {
            return child.Get<T>() ?? new T();
        }
        catch (InvalidOperationException exception)
        {
            throw new ServerConfigurationException($"{entry}: {exception.Message}", exception);
        }
    }

    private static void CheckEnum<TEnum>(string entry, IConfigurationSection child, string key, IEnumerable<string> allowed)
        where TEnum : struct, Enum
    {
        if (child[key] is not { } value)
        {
            return;
        }
        // The binder accepts what Enum.Parse accepts, names in any case and numbers; a number must still be a value.
        if (!Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            throw new ServerConfigurationException($"{entry}: {key} '{value}' is not one of {string.Join(", ", allowed)}.");
        }
    }

    private static void ValidateApiKeys(List<(string Entry, ApiKeyPrincipal Principal)> keys, IHostEnvironment environment)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entry, principal) in keys)
        {
            ValidatePrincipal(entry, principal);
            // The value is not shown: a malformed hash is often the plain key pasted in by mistake.
            if (principal.KeySha256.Length != 64 || !principal.KeySha256.All(char.IsAsciiHexDigit))
            {
                throw new ServerConfigurationException(
                    $"{entry}: KeySha256 must be the SHA-256 of the key as 64 hexadecimal digits " +
                    $"(printf '%s' 'the-key' | sha256sum), not {principal.KeySha256.Length} characters of something else.");
            }
            if (!seen.TryAdd(principal.KeySha256, entry))
            {
                throw new ServerConfigurationException(
                    $"{entry}: {seen[principal.KeySha256]} has the same KeySha256; one key can name only one principal.");
            }
            if (!environment.IsDevelopment() && DevelopmentKeyHashes.Contains(principal.KeySha256))
            {
                throw new ServerConfigurationException(
                    $"{entry}: KeySha256 is one of the development keys, whose plain values are published in README.md; " +
                    $"they are refused outside the Development environment (this is {environment.EnvironmentName}). " +
                    "Configure keys of your own under Auth:ApiKeys, or run with ASPNETCORE_ENVIRONMENT=Development.");
            }
        }
    }
}
