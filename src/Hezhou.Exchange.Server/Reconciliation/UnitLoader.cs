using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>
/// Reads the current source versions of many reconciliation units at once, as domain facts: a handful of set-based
/// queries for the lot, whatever their number, so that reconciling costs little per household.
/// </summary>
public sealed class UnitLoader(ExchangeDbContext db)
{
    private static readonly RecordKind[] PersonKinds =
        [RecordKind.Employment, RecordKind.WelfareEntitlement, RecordKind.WelfarePayment];

    // Only the relocation office submits households (RecordAuthority), so the look-ups by member below do not name the
    // department: with it, SQLite chose the (department, kind) prefix of the subjects' key and read the members of
    // every household in the store, once per round; without it, it seeks the (citizen ID, kind) index.

    /// <summary>For each citizen ID, the households whose current version lists it.</summary>
    public async Task<ILookup<string, string>> HoldersOfAsync(IReadOnlyCollection<string> citizenIds, CancellationToken cancellationToken)
    {
        var ids = citizenIds.ToList();
        var rows = await db.SourceRecordSubjects.AsNoTracking()
            .Where(s => ids.Contains(s.CitizenId) && s.Kind == RecordKind.Household)
            .Select(s => new { s.CitizenId, s.SourceKey })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.CitizenId, r => r.SourceKey, StringComparer.Ordinal);
    }

    /// <summary>
    /// The units named by the keys. A unit that no longer exists — a withdrawn household, a person a household now
    /// holds or whom nothing names — maps to null.
    /// </summary>
    public async Task<Dictionary<UnitKey, ReconciliationUnit?>> LoadAsync(
        IReadOnlyCollection<UnitKey> unitKeys, CancellationToken cancellationToken)
    {
        var householdIds = unitKeys.Select(k => k.HouseholdId).OfType<string>().ToList();
        var personIds = unitKeys.Select(k => k.UnheldCitizenId).OfType<string>().ToList();

        var households = (await CurrentAsync(Department.Relocation, RecordKind.Household, householdIds, cancellationToken))
            .OfType<HouseholdFact>().ToDictionary(h => h.HouseholdId, StringComparer.Ordinal);
        var held = await HoldersOfAsync(personIds, cancellationToken);
        var unheld = personIds.Where(id => !held.Contains(id)).ToList();

        var members = households.Values.SelectMany(h => h.Members.Select(m => m.CitizenId)).Distinct(StringComparer.Ordinal).ToList();
        var records = (await PersonRecordsAsync([.. members, .. unheld], cancellationToken))
            .ToLookup(PersonOf, StringComparer.Ordinal);
        var holders = await HolderReferencesAsync(members, cancellationToken);
        var sites = (await CurrentAsync(
                Department.Relocation, RecordKind.Site, [.. households.Values.Select(h => h.SiteCode).Distinct()], cancellationToken))
            .OfType<SiteFact>().ToDictionary(s => s.SiteCode, StringComparer.Ordinal);

        var units = new Dictionary<UnitKey, ReconciliationUnit?>();
        foreach (var id in householdIds)
        {
            units[UnitKey.Household(id)] = households.TryGetValue(id, out var household)
                ? HouseholdUnit(household, sites.GetValueOrDefault(household.SiteCode), records, holders)
                : null;
        }
        foreach (var id in personIds)
        {
            var key = UnitKey.UnheldPerson(id);
            units[key] = held.Contains(id) || !records.Contains(id)
                ? null
                : new ReconciliationUnit(
                    key, null, null, id,
                    [.. records[id].OfType<EmploymentFact>()], [.. records[id].OfType<EntitlementFact>()],
                    [.. records[id].OfType<PaymentFact>()], new Dictionary<string, IReadOnlyList<SourceReference>>());
        }
        return units;
    }

    /// <summary>The sites' current records; a withdrawn site is absent.</summary>
    public async Task<Dictionary<string, SiteFact>> LoadSitesAsync(IReadOnlyCollection<string> siteCodes, CancellationToken cancellationToken) =>
        (await CurrentAsync(Department.Relocation, RecordKind.Site, [.. siteCodes], cancellationToken))
            .OfType<SiteFact>().ToDictionary(s => s.SiteCode, StringComparer.Ordinal);

    private static ReconciliationUnit HouseholdUnit(
        HouseholdFact household, SiteFact? site, ILookup<string, ISourceFact> records,
        ILookup<string, SourceReference> holders)
    {
        var facts = household.Members.SelectMany(m => records[m.CitizenId]).Distinct().ToList();
        var otherHouseholds = household.Members
            .Select(m => (m.CitizenId, Others: holders[m.CitizenId].Where(h => h.SourceKey != household.HouseholdId).ToList()))
            .Where(m => m.Others.Count > 0)
            .ToDictionary(
                m => m.CitizenId,
                m => (IReadOnlyList<SourceReference>)[.. m.Others.OrderBy(r => r.SourceKey, StringComparer.Ordinal)],
                StringComparer.Ordinal);
        return new ReconciliationUnit(
            UnitKey.Household(household.HouseholdId), household, site, null,
            [.. facts.OfType<EmploymentFact>()], [.. facts.OfType<EntitlementFact>()], [.. facts.OfType<PaymentFact>()],
            otherHouseholds);
    }

    private static string PersonOf(ISourceFact fact) => fact switch
    {
        EmploymentFact e => e.Person.CitizenId,
        EntitlementFact e => e.Person.CitizenId,
        PaymentFact p => p.Person.CitizenId,
        _ => throw new ArgumentException($"{fact.GetType().Name} names no person.", nameof(fact)),
    };

    /// <summary>For each citizen ID, the current household records that list it.</summary>
    private async Task<ILookup<string, SourceReference>> HolderReferencesAsync(
        List<string> citizenIds, CancellationToken cancellationToken)
    {
        var rows = await (
            from s in db.SourceRecordSubjects.AsNoTracking()
            where citizenIds.Contains(s.CitizenId) && s.Kind == RecordKind.Household
            join r in db.SourceRecords on new { s.Department, s.Kind, s.SourceKey } equals new { r.Department, r.Kind, r.SourceKey }
            select new { s.CitizenId, r.SourceKey, r.CurrentVersion })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(
            r => r.CitizenId,
            r => new SourceReference(Department.Relocation, RecordKind.Household, r.SourceKey, r.CurrentVersion),
            StringComparer.Ordinal);
    }

    private async Task<List<ISourceFact>> PersonRecordsAsync(List<string> citizenIds, CancellationToken cancellationToken)
    {
        var rows = await (
            from s in db.SourceRecordSubjects.AsNoTracking()
            where citizenIds.Contains(s.CitizenId) && PersonKinds.Contains(s.Kind)
            join r in db.SourceRecords on new { s.Department, s.Kind, s.SourceKey } equals new { r.Department, r.Kind, r.SourceKey }
            join v in db.SourceVersions
                on new { r.Department, r.Kind, r.SourceKey, Version = r.CurrentVersion }
                equals new { v.Department, v.Kind, v.SourceKey, v.Version }
            select new CurrentVersion(v.Department, v.Kind, v.SourceKey, v.Version, v.Payload))
            .ToListAsync(cancellationToken);
        return [.. rows.DistinctBy(r => (r.Department, r.Kind, r.SourceKey)).Select(Fact).OfType<ISourceFact>()];
    }

    private async Task<List<ISourceFact>> CurrentAsync(
        Department department, RecordKind kind, List<string> keys, CancellationToken cancellationToken)
    {
        var rows = await (
            from r in db.SourceRecords.AsNoTracking()
            where r.Department == department && r.Kind == kind && keys.Contains(r.SourceKey) && !r.Withdrawn
            join v in db.SourceVersions
                on new { r.Department, r.Kind, r.SourceKey, Version = r.CurrentVersion }
                equals new { v.Department, v.Kind, v.SourceKey, v.Version }
            select new CurrentVersion(v.Department, v.Kind, v.SourceKey, v.Version, v.Payload))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(Fact).OfType<ISourceFact>()];
    }

    private static ISourceFact? Fact(CurrentVersion version) =>
        SourceFacts.From(
            new SourceReference(version.Department, version.Kind, version.SourceKey, version.Version),
            SourcePayload.ToDomain(version.Payload));

    private sealed record CurrentVersion(Department Department, RecordKind Kind, string SourceKey, long Version, byte[] Payload);
}
