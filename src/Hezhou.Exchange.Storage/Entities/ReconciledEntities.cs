using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Storage.Entities;

// The reconciled store: rebuilt unit by unit from the current source versions. Each row names the unit that wrote it
// (a household ID, or "person:" and a citizen ID) so that reconciling the unit again replaces exactly its rows.
// Money is in fen; provenance is JSON: [{field, source, values: [{department, value, source: {department, kind,
// sourceKey, version}}]}].

/// <summary>A resettlement site as the relocation office last described it.</summary>
public sealed class ReconciledSite
{
    public required string SiteCode { get; set; }
    public required string Name { get; set; }
    public required string CountyCode { get; set; }
    public SiteKind Kind { get; set; }
    public long SourceVersion { get; set; }
}

/// <summary>A reconciled household.</summary>
public sealed class ReconciledHousehold
{
    public required string HouseholdId { get; set; }
    public required string SiteCode { get; set; }
    public string? CountyCode { get; set; }
    public required string Address { get; set; }
    public DateOnly RelocationDate { get; set; }
    public int MemberCount { get; set; }
    public long SourceVersion { get; set; }
    public required string Provenance { get; set; }
}

/// <summary>A reconciled person, owned by the lowest household holding them or, if none does, by themselves.</summary>
public sealed class ReconciledPerson
{
    public required string CitizenId { get; set; }
    public required string UnitKey { get; set; }
    public string? HouseholdId { get; set; }
    public string? SiteCode { get; set; }
    public string? CountyCode { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public Ethnicity Ethnicity { get; set; }
    public RelationToHead RelationToHead { get; set; }
    public LabourCapacity LabourCapacity { get; set; }
    public bool WillingToWork { get; set; }
    public bool InSchool { get; set; }
    public DisabilityCategory DisabilityCategory { get; set; }
    public int DisabilityGrade { get; set; }
    public DateOnly? DeathDate { get; set; }
    public required string Provenance { get; set; }
}

/// <summary>An employment as human resources holds it, attached to its reconciled person.</summary>
public sealed class ReconciledEmployment
{
    public required string SourceKey { get; set; }
    public long Version { get; set; }
    public required string UnitKey { get; set; }
    public required string CitizenId { get; set; }
    public string? HouseholdId { get; set; }
    public EmploymentChannel Channel { get; set; }
    public required string EmployerName { get; set; }
    public required string EmployerCreditCode { get; set; }
    public WorkLocation Location { get; set; }
    public required string LocationDetail { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public long MonthlyIncomeFen { get; set; }
}

/// <summary>A welfare entitlement as civil affairs holds it, attached to its reconciled person.</summary>
public sealed class ReconciledEntitlement
{
    public required string SourceKey { get; set; }
    public long Version { get; set; }
    public required string UnitKey { get; set; }
    public required string CitizenId { get; set; }
    public string? HouseholdId { get; set; }
    public WelfareProgramme Programme { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public long MonthlyAmountFen { get; set; }
}

/// <summary>A monthly welfare payment as civil affairs holds it; <see cref="Month"/> is the month's first day.</summary>
public sealed class ReconciledPayment
{
    public required string SourceKey { get; set; }
    public long Version { get; set; }
    public required string UnitKey { get; set; }
    public required string EntitlementKey { get; set; }
    public required string CitizenId { get; set; }
    public string? HouseholdId { get; set; }
    public WelfareProgramme Programme { get; set; }
    public DateOnly Month { get; set; }
    public long AmountFen { get; set; }
    public DateOnly? PaidDate { get; set; }
}

/// <summary>A conflict between departments' records, kept across reconciliations under its stable key.</summary>
public sealed class DiscrepancyEntry
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public DiscrepancyRule Rule { get; set; }
    public required string Subject { get; set; }
    public required string Period { get; set; }
    public Severity Severity { get; set; }
    public DiscrepancyStatus Status { get; set; }
    public required string UnitKey { get; set; }
    public string? HouseholdId { get; set; }
    public string? SiteCode { get; set; }
    public string? CountyCode { get; set; }
    public bool InvolvesRelocation { get; set; }
    public bool InvolvesHumanResources { get; set; }
    public bool InvolvesCivilAffairs { get; set; }
    /// <summary>The source versions that caused it, JSON: [{department, kind, sourceKey, version}].</summary>
    public required string Sources { get; set; }
    public required string ExplanationZh { get; set; }
    public required string ExplanationEn { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public List<DiscrepancyEvent> History { get; set; } = [];
}

/// <summary>One step of a discrepancy's life: found, answered by a department, acted on by an auditor, resolved.</summary>
public sealed class DiscrepancyEvent
{
    public long Id { get; set; }
    public long DiscrepancyId { get; set; }
    public DateTime At { get; set; }
    public required string Principal { get; set; }
    public DiscrepancyStatus Status { get; set; }
    public DepartmentAnswer? Answer { get; set; }
    public Department? Department { get; set; }
    public required string Note { get; set; }
}
