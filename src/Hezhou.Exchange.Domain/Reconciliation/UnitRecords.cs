namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>A unit's records grouped by person and sorted, and which persons the unit judges.</summary>
/// <remarks>
/// Everything is sorted here (members by citizen ID, records by source) so that no rule's output can depend on the
/// order in which the server happened to list the unit's records.
/// </remarks>
internal sealed class UnitRecords
{
    private readonly Dictionary<string, MemberFact> members;
    private readonly ILookup<string, EmploymentFact> employments;
    private readonly ILookup<string, EntitlementFact> entitlements;
    private readonly ILookup<string, PaymentFact> payments;

    private UnitRecords(ReconciliationUnit unit)
    {
        Unit = unit;
        Members = [.. (unit.Household?.Members ?? []).OrderBy(m => m.CitizenId, StringComparer.Ordinal)];

        // A validated household lists a citizen ID once; should one come twice anyway, the first in order speaks.
        members = new Dictionary<string, MemberFact>(StringComparer.Ordinal);
        foreach (var member in Members)
        {
            members.TryAdd(member.CitizenId, member);
        }

        employments = ByPerson(unit.Employments, e => e.Person);
        entitlements = ByPerson(unit.Entitlements, e => e.Person);
        payments = ByPerson(unit.Payments, p => p.Person);

        // Person-scoped rules judge only the persons the unit owns, so a person two households list is judged once,
        // by one unit, and each finding has one unit that finds it or stops finding it.
        JudgedPersons = unit.Household is null
            ? unit.UnheldCitizenId is { } unheld ? [unheld] : []
            : [.. members.Keys.Where(Owns).Order(StringComparer.Ordinal)];
    }

    public ReconciliationUnit Unit { get; }

    /// <summary>The household's members by citizen ID; none for an unheld person.</summary>
    public IReadOnlyList<MemberFact> Members { get; }

    /// <summary>The persons this unit owns: its members no lower household also lists, or the unheld person.</summary>
    public IReadOnlyList<string> JudgedPersons { get; }

    public static UnitRecords Of(ReconciliationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new UnitRecords(unit);
    }

    public MemberFact? MemberOf(string citizenId) => members.GetValueOrDefault(citizenId);

    public IReadOnlyList<EmploymentFact> EmploymentsOf(string citizenId) => [.. employments[citizenId]];

    public IReadOnlyList<EntitlementFact> EntitlementsOf(string citizenId) => [.. entitlements[citizenId]];

    public IReadOnlyList<PaymentFact> PaymentsOf(string citizenId) => [.. payments[citizenId]];

    /// <summary>Every employment and welfare record about the person, with the claim it makes, in source order.</summary>
    public IReadOnlyList<(SourceReference Source, PersonClaim Claim)> ClaimsAbout(string citizenId) =>
    [
        .. employments[citizenId].Select(e => (e.Source, e.Person))
            .Concat(entitlements[citizenId].Select(e => (e.Source, e.Person)))
            .Concat(payments[citizenId].Select(p => (p.Source, p.Person)))
            .OrderBy(c => c.Source, SourceReferenceOrder.Instance),
    ];

    /// <summary>The household records of the other households that also list the person.</summary>
    public IReadOnlyList<SourceReference> OtherHoldersOf(string citizenId)
    {
        var own = Unit.Household?.HouseholdId;
        return Unit.OtherHouseholds.TryGetValue(citizenId, out var others)
            ? SourceReferenceOrder.Sorted(others.Where(o => o.SourceKey != own))
            : [];
    }

    /// <summary>
    /// Whether this unit owns the person: the unheld person of a person unit, or a member of a household unit whose
    /// household ID is the lowest (ordinal) of all the households listing the member.
    /// </summary>
    public bool Owns(string citizenId)
    {
        if (Unit.Household is not { } household)
        {
            return citizenId == Unit.UnheldCitizenId;
        }

        return members.ContainsKey(citizenId)
            && OtherHoldersOf(citizenId).All(o => string.CompareOrdinal(o.SourceKey, household.HouseholdId) > 0);
    }

    private static ILookup<string, T> ByPerson<T>(IEnumerable<T> facts, Func<T, PersonClaim> person)
        where T : ISourceFact =>
        facts.OrderBy(f => f.Source, SourceReferenceOrder.Instance).ToLookup(f => person(f).CitizenId, StringComparer.Ordinal);
}
