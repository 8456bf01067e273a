namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>The rules that compare departments' records (DESIGN section 6); numbered as in the contract.</summary>
public enum DiscrepancyRule
{
    Unspecified = 0,
    IdentityMismatch = 1,
    DuplicateMembership = 2,
    BenefitAfterDeath = 3,
    UrbanAndRuralDibao = 4,
    DibaoWithTekun = 5,
    RuralBenefitAtUrbanSite = 6,
    IncomeAboveDibaoLine = 7,
    ZeroEmploymentHousehold = 8,
    EmploymentWithoutCapacity = 9,
    UnknownPerson = 10,
}

public enum Severity
{
    Unspecified = 0,
    Info = 1,
    Warning = 2,
    Critical = 3,
}

/// <summary>
/// A conflict a rule found in one unit. Its <see cref="Key"/> (rule, subject, period) is stable: the same conflict
/// found again has the same key, so it is updated rather than duplicated, and it resolves when no longer found.
/// </summary>
/// <param name="Subject">A citizen ID or a household ID.</param>
/// <param name="Period">ISO 8601 "start..end" (or "start.." while open); empty when the conflict is not about a period.</param>
public sealed record Finding(
    DiscrepancyRule Rule,
    string Subject,
    string Period,
    Severity Severity,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<SourceReference> Sources,
    string ExplanationZh,
    string ExplanationEn)
{
    public string Key => $"{Slug(Rule)}/{Subject}/{Period}";

    /// <summary>The rule's name in keys: kebab-case, e.g. "dibao-with-tekun".</summary>
    public static string Slug(DiscrepancyRule rule) => rule switch
    {
        DiscrepancyRule.IdentityMismatch => "identity-mismatch",
        DiscrepancyRule.DuplicateMembership => "duplicate-membership",
        DiscrepancyRule.BenefitAfterDeath => "benefit-after-death",
        DiscrepancyRule.UrbanAndRuralDibao => "urban-and-rural-dibao",
        DiscrepancyRule.DibaoWithTekun => "dibao-with-tekun",
        DiscrepancyRule.RuralBenefitAtUrbanSite => "rural-benefit-at-urban-site",
        DiscrepancyRule.IncomeAboveDibaoLine => "income-above-dibao-line",
        DiscrepancyRule.ZeroEmploymentHousehold => "zero-employment-household",
        DiscrepancyRule.EmploymentWithoutCapacity => "employment-without-capacity",
        DiscrepancyRule.UnknownPerson => "unknown-person",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a rule."),
    };
}

/// <summary>One rule of DESIGN section 6: a pure function from a unit's current facts to the conflicts in it.</summary>
public interface IReconciliationRule
{
    DiscrepancyRule Rule { get; }

    IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf);
}
