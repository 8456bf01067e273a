namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>One department's own value of a field, and the source version it comes from.</summary>
public sealed record DepartmentValue(Department Department, string Value, SourceReference Source);

/// <summary>A reconciled field: the department whose value is shown, and every department's own value beside it.</summary>
public sealed record FieldProvenance(string Field, Department Source, IReadOnlyList<DepartmentValue> Values);

/// <summary>One reconciled person: the values of the authoritative department, with provenance.</summary>
/// <param name="HouseholdId">The household holding the person (the lowest household ID if several do); null if none.</param>
public sealed record ReconciledPersonView(
    string CitizenId,
    string? HouseholdId,
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
    DateOnly? DeathDate,
    IReadOnlyList<FieldProvenance> Provenance);

public sealed record ReconciledHouseholdView(
    string HouseholdId,
    string SiteCode,
    string? SiteName,
    string? CountyCode,
    SiteKind SiteKind,
    string Address,
    DateOnly RelocationDate,
    IReadOnlyList<FieldProvenance> Provenance);

/// <summary>What reconciling one unit yields: its reconciled rows and the conflicts found in it.</summary>
/// <param name="Persons">The persons this unit owns: its members (those it is the lowest household ID of), or the single unheld person.</param>
public sealed record ReconciledUnit(
    UnitKey Key,
    ReconciledHouseholdView? Household,
    IReadOnlyList<ReconciledPersonView> Persons,
    IReadOnlyList<Finding> Findings);
