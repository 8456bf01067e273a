namespace Hezhou.Exchange.Testing;

/// <summary>The development keys of appsettings.Development.json, as README.md publishes them.</summary>
public static class DevelopmentKeys
{
    public const string Relocation = "dev-relocation-key";
    public const string HumanResources = "dev-human-resources-key";
    public const string CivilAffairs = "dev-civil-affairs-key";
    public const string Auditor = "dev-auditor-key";
    public const string AuditorWithPersonalData = "dev-auditor-personal-data-key";
    public const string Administrator = "dev-administrator-key";
}
