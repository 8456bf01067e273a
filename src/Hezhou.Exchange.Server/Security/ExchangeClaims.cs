using System.Security.Claims;
using Hezhou.Exchange.Domain;

namespace Hezhou.Exchange.Server.Security;

/// <summary>The claims an authenticated exchange principal carries, and typed access to them.</summary>
public static class ExchangeClaims
{
    public const string Department = "hezhou:department";
    public const string Scope = "hezhou:scope";
    public const string PersonalDataScope = "personal-data";

    public static ClaimsIdentity CreateIdentity(ConfiguredPrincipal principal, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, principal.Name),
            new(ClaimTypes.Role, principal.Role.ToString()),
        };
        if (principal.Role == ExchangeRole.Department)
        {
            claims.Add(new Claim(Department, principal.Department.ToString()));
        }
        claims.AddRange(principal.Scopes.Select(scope => new Claim(Scope, scope)));
        return new ClaimsIdentity(claims, authenticationType);
    }
}

/// <summary>The caller of an RPC as the services see it.</summary>
public sealed record Caller(string Name, ExchangeRole Role, Department Department, IReadOnlySet<string> Scopes)
{
    /// <summary>Whether the caller holds the personal-data scope: sees citizen IDs in full.</summary>
    public bool SeesPersonalData => Scopes.Contains(ExchangeClaims.PersonalDataScope);

    public static Caller From(ClaimsPrincipal user)
    {
        var role = Enum.Parse<ExchangeRole>(user.FindFirstValue(ClaimTypes.Role)!);
        var department = user.FindFirstValue(ExchangeClaims.Department) is { } value
            ? Enum.Parse<Department>(value)
            : Department.Unspecified;
        var scopes = user.FindAll(ExchangeClaims.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(user.Identity!.Name!, role, department, scopes);
    }
}
