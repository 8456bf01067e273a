using Google.Rpc;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;
using E = Hezhou.Exchange.Storage.Entities;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Audit;

/// <summary>
/// The reconciled view of one person or one household: every field with its source, the person's employments and
/// welfare exactly as the departments sent them, and the discrepancies still open. Each read states a purpose and
/// is written to the access log before it is returned.
/// </summary>
public sealed class ReconciledViewReader(
    ExchangeDbContext db,
    ReconciliationPolicy policy,
    PersonalDataAccessLog accessLog,
    TimeProvider clock)
{
    public async Task<V1.GetPersonResponse> GetPersonAsync(
        Caller caller, string method, V1.GetPersonRequest request, CancellationToken cancellationToken)
    {
        var today = AuditArguments.Today(clock);
        var violations = new AuditArguments.Violations();
        violations.CitizenId("citizen_id", request.CitizenId, today);
        violations.Purpose("purpose", request.Purpose);
        var asOf = violations.AsOfDate("as_of_date", request.AsOfDate, today);
        violations.ThrowIfAny();
        // One connection for the call's several look-ups, rather than one taken from the pool and given back for each.
        await db.Database.OpenConnectionAsync(cancellationToken);

        var row = await db.Persons.AsNoTracking()
            .SingleOrDefaultAsync(p => p.CitizenId == request.CitizenId, cancellationToken)
            ?? throw ExchangeErrors.Create(
                Code.NotFound, ErrorReasons.PersonNotFound, "No reconciled person has this citizen ID.");

        var person = (await PersonsAsync([row], asOf, CitizenIdMask.For(caller), cancellationToken)).Single();
        await accessLog.WriteAsync(
            caller, method, request.Purpose, [new(row.CitizenId, person.RecordCount)], cancellationToken);
        return new V1.GetPersonResponse { Person = person.View };
    }

    public async Task<V1.GetHouseholdResponse> GetHouseholdAsync(
        Caller caller, string method, V1.GetHouseholdRequest request, CancellationToken cancellationToken)
    {
        var violations = new AuditArguments.Violations();
        violations.Required("household_id", request.HouseholdId);
        violations.Purpose("purpose", request.Purpose);
        violations.ThrowIfAny();
        await db.Database.OpenConnectionAsync(cancellationToken);

        var row = await db.Households.AsNoTracking()
            .SingleOrDefaultAsync(h => h.HouseholdId == request.HouseholdId, cancellationToken)
            ?? throw ExchangeErrors.Create(
                Code.NotFound, ErrorReasons.HouseholdNotFound, $"No reconciled household \"{request.HouseholdId}\".");
        var siteName = await db.Sites.AsNoTracking()
            .Where(s => s.SiteCode == row.SiteCode).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        var memberRows = (await db.Persons.AsNoTracking()
                .Where(p => p.HouseholdId == request.HouseholdId)
                .ToListAsync(cancellationToken))
            .OrderBy(p => p.RelationToHead == RelationToHead.Unspecified ? int.MaxValue : (int)p.RelationToHead)
            .ThenBy(p => p.CitizenId, StringComparer.Ordinal)
            .ToList();

        var mask = CitizenIdMask.For(caller);
        var members = await PersonsAsync(memberRows, AuditArguments.Today(clock), mask, cancellationToken);
        var household = row.ToProto(siteName, mask);
        household.Members.Add(members.Select(m => m.View));
        var memberIds = memberRows.Select(p => p.CitizenId).ToList();
        var open = (await db.Discrepancies.AsNoTracking().Include(d => d.History)
                .Where(d => d.HouseholdId == request.HouseholdId || memberIds.Contains(d.Subject))
                .OrderBy(d => d.Id)
                .ToListAsync(cancellationToken))
            .StillOpen();
        household.OpenDiscrepancies.Add(open.Select(d => d.ToProto(mask)));

        await accessLog.WriteAsync(
            caller, method, request.Purpose,
            members.Select(m => new PersonalDataAccessLog.Read(m.CitizenId, m.RecordCount)), cancellationToken);
        return new V1.GetHouseholdResponse { Household = household };
    }

    private sealed record PaymentTotal(string EntitlementKey, int Count, long TotalFen);

    /// <summary>A person's view, and how many records it returns: the person, their employments and their entitlements.</summary>
    private sealed record PersonRead(string CitizenId, V1.ReconciledPerson View, int RecordCount);

    /// <summary>The full views of the persons, in the order given, with employments judged stable on <paramref name="asOf"/>.</summary>
    private async Task<List<PersonRead>> PersonsAsync(
        IReadOnlyList<E.ReconciledPerson> rows, DateOnly asOf, CitizenIdMask mask, CancellationToken cancellationToken)
    {
        var ids = rows.Select(p => p.CitizenId).ToList();
        var employments = await db.Employments.AsNoTracking()
            .Where(e => ids.Contains(e.CitizenId)).ToListAsync(cancellationToken);
        var entitlements = await db.Entitlements.AsNoTracking()
            .Where(e => ids.Contains(e.CitizenId)).ToListAsync(cancellationToken);
        var entitlementKeys = entitlements.Select(e => e.SourceKey).ToList();
        // Most persons hold no entitlement: ask for payment totals only when there are entitlements to total.
        var paid = entitlementKeys.Count == 0
            ? []
            : await db.Payments.AsNoTracking()
                .Where(p => entitlementKeys.Contains(p.EntitlementKey))
                .GroupBy(p => p.EntitlementKey)
                .Select(g => new PaymentTotal(g.Key, g.Count(), g.Sum(p => p.AmountFen)))
                .ToDictionaryAsync(g => g.EntitlementKey, StringComparer.Ordinal, cancellationToken);
        var open = (await db.Discrepancies.AsNoTracking().Include(d => d.History)
                .Where(d => ids.Contains(d.Subject))
                .OrderBy(d => d.Id)
                .ToListAsync(cancellationToken))
            .StillOpen()
            .ToList();
        var sent = await AsSentAsync(
            [
                .. employments.Select(e => Reference(Department.HumanResources, RecordKind.Employment, e.SourceKey, e.Version)),
                .. entitlements.Select(e => Reference(Department.CivilAffairs, RecordKind.WelfareEntitlement, e.SourceKey, e.Version)),
            ],
            cancellationToken);

        var reads = new List<PersonRead>(rows.Count);
        foreach (var row in rows)
        {
            var view = row.ToProto(mask);
            var own = employments.Where(e => e.CitizenId == row.CitizenId)
                .OrderBy(e => e.StartDate).ThenBy(e => e.SourceKey, StringComparer.Ordinal).ToList();
            foreach (var employment in own)
            {
                var source = Reference(Department.HumanResources, RecordKind.Employment, employment.SourceKey, employment.Version);
                view.Employments.Add(new V1.PersonEmployment
                {
                    Source = source.ToProto(),
                    Employment = sent.TryGetValue(source, out var record) ? mask.Record(record).Employment : null,
                    Stable = EmploymentStability.IsStableOn(Fact(source, employment), asOf, policy),
                });
            }

            var welfare = entitlements.Where(e => e.CitizenId == row.CitizenId)
                .OrderBy(e => e.StartDate).ThenBy(e => e.SourceKey, StringComparer.Ordinal).ToList();
            foreach (var entitlement in welfare)
            {
                var source = Reference(Department.CivilAffairs, RecordKind.WelfareEntitlement, entitlement.SourceKey, entitlement.Version);
                var payments = paid.GetValueOrDefault(entitlement.SourceKey);
                view.Welfare.Add(new V1.PersonWelfare
                {
                    Source = source.ToProto(),
                    Entitlement = sent.TryGetValue(source, out var record) ? mask.Record(record).WelfareEntitlement : null,
                    PaymentCount = payments?.Count ?? 0,
                    PaidTotal = AuditMapping.FromFen(payments?.TotalFen ?? 0),
                });
            }

            view.OpenDiscrepancies.Add(open.Where(d => d.Subject == row.CitizenId).Select(d => d.ToProto(mask)));
            reads.Add(new PersonRead(row.CitizenId, view, 1 + own.Count + welfare.Count));
        }
        return reads;
    }

    /// <summary>The records exactly as the departments sent them, by the version they were reconciled from.</summary>
    private async Task<Dictionary<SourceReference, V1.SubmissionRecord>> AsSentAsync(
        IReadOnlyList<SourceReference> sources, CancellationToken cancellationToken)
    {
        var wanted = sources.ToHashSet();
        var versions = new List<(Department Department, RecordKind Kind, string SourceKey, long Version, byte[] Payload)>();
        // One look-up per department and kind, each a seek on the (department, kind, key, version) index.
        foreach (var group in sources.GroupBy(s => (s.Department, s.Kind)))
        {
            var (department, kind) = group.Key;
            var keys = group.Select(s => s.SourceKey).Distinct().ToList();
            versions.AddRange((await db.SourceVersions.AsNoTracking()
                    .Where(v => v.Department == department && v.Kind == kind && keys.Contains(v.SourceKey))
                    .Select(v => new { v.Version, v.SourceKey, v.Payload })
                    .ToListAsync(cancellationToken))
                .Select(v => (department, kind, v.SourceKey, v.Version, v.Payload)));
        }
        return versions
            .Select(v => (Source: Reference(v.Department, v.Kind, v.SourceKey, v.Version), v.Payload))
            .Where(v => wanted.Contains(v.Source))
            .ToDictionary(v => v.Source, v => V1.SubmissionRecord.Parser.ParseFrom(v.Payload));
    }

    // The reconciled row holds what stability is judged on: the period. The person's name is not needed for it.
    private static EmploymentFact Fact(SourceReference source, E.ReconciledEmployment row) =>
        new(
            source,
            new PersonClaim(row.CitizenId, "", null, null),
            row.Channel,
            row.EmployerName,
            row.EmployerCreditCode,
            row.Location,
            row.LocationDetail,
            new DatePeriod(row.StartDate, row.EndDate),
            row.MonthlyIncomeFen);

    private static SourceReference Reference(Department department, RecordKind kind, string sourceKey, long version) =>
        new(department, kind, sourceKey, version);
}
