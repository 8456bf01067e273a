using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Reconciliation;

// The current, validated source records about one reconciliation unit, in domain terms: real dates, money in fen,
// each with a reference to the source version it comes from. Reconciliation reads only these.

/// <summary>Points to one version of one department's source record.</summary>
public sealed record SourceReference(Department Department, RecordKind Kind, string SourceKey, long Version);

/// <summary>A validated source record in domain terms; <see cref="SourceFacts.From"/> makes one of these.</summary>
public interface ISourceFact
{
    /// <summary>The source version the fact was read from.</summary>
    SourceReference Source { get; }
}

public sealed record SiteFact(SourceReference Source, string SiteCode, string Name, string CountyCode, SiteKind Kind)
    : ISourceFact;

public sealed record MemberFact(
    string CitizenId,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    Ethnicity Ethnicity,
    RelationToHead RelationToHead,
    LabourCapacity LabourCapacity,
    bool WillingToWork,
    bool InSchool,
    DisabilityCategory DisabilityCategory,
    int DisabilityGrade,
    DateOnly? DeathDate);

public sealed record HouseholdFact(
    SourceReference Source,
    string HouseholdId,
    string SiteCode,
    string Address,
    DateOnly RelocationDate,
    IReadOnlyList<MemberFact> Members) : ISourceFact;

/// <summary>How a department that is not authoritative for identity names a person; unset parts are null.</summary>
public sealed record PersonClaim(string CitizenId, string Name, Gender? Gender, DateOnly? BirthDate);

public sealed record EmploymentFact(
    SourceReference Source,
    PersonClaim Person,
    EmploymentChannel Channel,
    string EmployerName,
    string EmployerCreditCode,
    WorkLocation Location,
    string LocationDetail,
    DatePeriod Period,
    long MonthlyIncomeFen) : ISourceFact;

public sealed record EntitlementFact(
    SourceReference Source,
    PersonClaim Person,
    WelfareProgramme Programme,
    DatePeriod Period,
    long MonthlyAmountFen) : ISourceFact;

/// <summary>A monthly payment; <see cref="Month"/> is the first day of the month paid for.</summary>
public sealed record PaymentFact(
    SourceReference Source,
    string EntitlementKey,
    PersonClaim Person,
    WelfareProgramme Programme,
    DateOnly Month,
    long AmountFen,
    DateOnly? PaidDate) : ISourceFact;

/// <summary>
/// Everything the departments currently hold about one unit of reconciliation: a household (<see cref="Household"/>
/// set) with the employment and welfare records of its members, or a single person no household holds
/// (<see cref="Household"/> null, <see cref="UnheldCitizenId"/> set) with that person's records.
/// </summary>
/// <param name="OtherHouseholds">For each member also listed by another household: those households' records.</param>
public sealed record ReconciliationUnit(
    UnitKey Key,
    HouseholdFact? Household,
    SiteFact? Site,
    string? UnheldCitizenId,
    IReadOnlyList<EmploymentFact> Employments,
    IReadOnlyList<EntitlementFact> Entitlements,
    IReadOnlyList<PaymentFact> Payments,
    IReadOnlyDictionary<string, IReadOnlyList<SourceReference>> OtherHouseholds)
;
