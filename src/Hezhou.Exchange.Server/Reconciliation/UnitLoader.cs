using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>Reads the current source versions of one reconciliation unit from the store, as domain facts.</summary>
public sealed class UnitLoader(ExchangeDbContext db)
{
    private static readonly RecordKind[] PersonKinds =
        [RecordKind.Employment, RecordKind.WelfareEntitlement, RecordKind.WelfarePayment];

    /// <summary>The households whose current version lists the citizen ID.</summary>
    public Task<List<string>> HoldersOfAsync(string citizenId, CancellationToken cancellationToken) =>
        db.SourceRecordSubjects
            .Where(s => s.CitizenId == citizenId && s.Kind == RecordKind.Household && s.Department == Department.Relocation)
            .Select(s => s.SourceKey)
            .ToListAsync(cancellationToken);

    /// <summary>A household with its members' records; null when the household is withdrawn or was never sent.</summary>
    public async Task<ReconciliationUnit?> LoadHouseholdAsync(string householdId, CancellationToken cancellationToken)
    {
        var household = (await CurrentAsync(Department.Relocation, RecordKind.Household, [householdId], cancellationToken))
            .Select(Fact).OfType<HouseholdFact>().SingleOrDefault();
        if (household is null)
        {
            return null;
        }

        var site = (await CurrentAsync(Department.Relocation, RecordKind.Site, [household.SiteCode], cancellationToken))
            .Select(Fact).OfType<SiteFact>().SingleOrDefault();
        var citizenIds = household.Members.Select(m => m.CitizenId).ToList();
        var facts = await PersonRecordsAsync(citizenIds, cancellationToken);

        var others = await (
            from s in db.SourceRecordSubjects
            where citizenIds.Contains(s.CitizenId) && s.Kind == RecordKind.Household
                && s.Department == Department.Relocation && s.SourceKey != householdId
            join r in db.SourceRecords on new { s.Department, s.Kind, s.SourceKey } equals new { r.Department, r.Kind, r.SourceKey }
            select new { s.CitizenId, r.SourceKey, r.CurrentVersion })
            .ToListAsync(cancellationToken);
        var otherHouseholds = others
            .GroupBy(o => o.CitizenId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<SourceReference>)g
                    .Select(o => new SourceReference(Department.Relocation, RecordKind.Household, o.SourceKey, o.CurrentVersion))
                    .OrderBy(r => r.SourceKey, StringComparer.Ordinal)
                    .ToList());

        return new ReconciliationUnit(
            householdId, household, site, null,
            [.. facts.OfType<EmploymentFact>()], [.. facts.OfType<EntitlementFact>()], [.. facts.OfType<PaymentFact>()],
            otherHouseholds);
    }

    /// <summary>A person no household holds, with their records; null when a household holds them or nothing names them.</summary>
    public async Task<ReconciliationUnit?> LoadUnheldPersonAsync(string citizenId, CancellationToken cancellationToken)
    {
        if ((await HoldersOfAsync(citizenId, cancellationToken)).Count > 0)
        {
            return null;
        }

        var facts = await PersonRecordsAsync([citizenId], cancellationToken);
        if (facts.Count == 0)
        {
            return null;
        }

        return new ReconciliationUnit(
            ReconciliationUnit.KeyForUnheldPerson(citizenId), null, null, citizenId,
            [.. facts.OfType<EmploymentFact>()], [.. facts.OfType<EntitlementFact>()], [.. facts.OfType<PaymentFact>()],
            new Dictionary<string, IReadOnlyList<SourceReference>>());
    }

    /// <summary>The site's current record, or null when withdrawn or never sent.</summary>
    public async Task<SiteFact?> LoadSiteAsync(string siteCode, CancellationToken cancellationToken) =>
        (await CurrentAsync(Department.Relocation, RecordKind.Site, [siteCode], cancellationToken))
            .Select(Fact).OfType<SiteFact>().SingleOrDefault();

    private async Task<List<object>> PersonRecordsAsync(List<string> citizenIds, CancellationToken cancellationToken)
    {
        var rows = await (
            from s in db.SourceRecordSubjects
            where citizenIds.Contains(s.CitizenId) && PersonKinds.Contains(s.Kind)
            join r in db.SourceRecords on new { s.Department, s.Kind, s.SourceKey } equals new { r.Department, r.Kind, r.SourceKey }
            join v in db.SourceVersions
                on new { r.Department, r.Kind, r.SourceKey, Version = r.CurrentVersion }
                equals new { v.Department, v.Kind, v.SourceKey, v.Version }
            select new CurrentVersion(v.Department, v.Kind, v.SourceKey, v.Version, v.Payload))
            .ToListAsync(cancellationToken);
        return [.. rows.DistinctBy(r => (r.Department, r.Kind, r.SourceKey)).Select(Fact).OfType<object>()];
    }

    private Task<List<CurrentVersion>> CurrentAsync(
        Department department, RecordKind kind, List<string> keys, CancellationToken cancellationToken) =>
        (from r in db.SourceRecords
         where r.Department == department && r.Kind == kind && keys.Contains(r.SourceKey) && !r.Withdrawn
         join v in db.SourceVersions
             on new { r.Department, r.Kind, r.SourceKey, Version = r.CurrentVersion }
             equals new { v.Department, v.Kind, v.SourceKey, v.Version }
         select new CurrentVersion(v.Department, v.Kind, v.SourceKey, v.Version, v.Payload))
        .ToListAsync(cancellationToken);

    private static object? Fact(CurrentVersion version) =>
        SourceFacts.From(
            new SourceReference(version.Department, version.Kind, version.SourceKey, version.Version),
            V1.SubmissionRecord.Parser.ParseFrom(version.Payload).ToDomain());

    private sealed record CurrentVersion(Department Department, RecordKind Kind, string SourceKey, long Version, byte[] Payload);
}
