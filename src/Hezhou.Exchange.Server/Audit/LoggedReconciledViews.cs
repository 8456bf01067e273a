using Google.Rpc;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Server.AccessLog;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Requests;
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
public sealed class LoggedReconciledViews(
    ExchangeDbContext db,
    StoreReaders readers,
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
        PersonRead person;
        // One connection and one snapshot for the call's several look-ups (StoreReaders.RentSnapshotAsync).
        using (var reads = await readers.RentSnapshotAsync(db, cancellationToken))
        {
            var row = await PersonById(reads.Db, request.CitizenId, cancellationToken)
                ?? throw ExchangeErrors.Create(
                    Code.NotFound, ErrorReasons.PersonNotFound, "No reconciled person has this citizen ID.");
            person = (await PersonsAsync(reads.Db, [row], asOf, caller, cancellationToken)).Single();
        }
        await accessLog.WriteAsync(
            caller, method, request.Purpose, [new(person.CitizenId, person.RecordCount)], cancellationToken);
        return new V1.GetPersonResponse { Person = person.View };
    }

    public async Task<V1.GetHouseholdResponse> GetHouseholdAsync(
        Caller caller, string method, V1.GetHouseholdRequest request, CancellationToken cancellationToken)
    {
        var violations = new AuditArguments.Violations();
        violations.Required("household_id", request.HouseholdId);
        violations.Purpose("purpose", request.Purpose);
        violations.ThrowIfAny();
        V1.ReconciledHousehold household;
        List<PersonRead> members;
        using (var reads = await readers.RentSnapshotAsync(db, cancellationToken))
        {
            var store = reads.Db;
            var row = await HouseholdById(store, request.HouseholdId, cancellationToken)
                ?? throw ExchangeErrors.Create(
                    Code.NotFound, ErrorReasons.HouseholdNotFound, $"No reconciled household \"{request.HouseholdId}\".");
            var siteName = await SiteName(store, row.SiteCode, cancellationToken);
            var memberRows = (await MembersOf(store, request.HouseholdId).ToListAsync(cancellationToken))
                .OrderBy(p => p.RelationToHead == RelationToHead.Unspecified ? int.MaxValue : (int)p.RelationToHead)
                .ThenBy(p => p.CitizenId, StringComparer.Ordinal)
                .ToList();
            members = await PersonsAsync(store, memberRows, AuditArguments.Today(clock), caller, cancellationToken);
            household = row.ToProto(siteName);
            var memberIds = memberRows.Select(p => p.CitizenId).ToList();
            var open = (await DiscrepanciesOfHousehold(store, request.HouseholdId, memberIds).ToListAsync(cancellationToken))
                .StillOpen();
            household.OpenDiscrepancies.Add(open.Select(d => d.ToProto(caller)));
        }
        household.Members.Add(members.Select(m => m.View));

        await accessLog.WriteAsync(
            caller, method, request.Purpose,
            members.Select(m => new PersonalDataAccessLog.Read(m.CitizenId, m.RecordCount)), cancellationToken);
        return new V1.GetHouseholdResponse { Household = household };
    }

    /// <summary>A person's view, and how many records it returns: the person, their employments and their entitlements.</summary>
    private sealed record PersonRead(string CitizenId, V1.ReconciledPerson View, int RecordCount);

    /// <summary>A reconciled employment and the record it was reconciled from, exactly as it was sent.</summary>
    private sealed record EmploymentRead(E.ReconciledEmployment Row, byte[]? Sent);

    /// <summary>A reconciled entitlement, the record it was reconciled from, and the payments made under it.</summary>
    private sealed record EntitlementRead(E.ReconciledEntitlement Row, byte[]? Sent, int PaymentCount, long PaidFen);

    // A person's reads are compiled once: translating their expressions again on every call (EF's parameter extraction
    // and query cache look-up) was a large share of GetPerson's CPU. Each kind is one statement: its rows, the version each
    // was reconciled from (a seek on the source versions' unique key) and, for entitlements, their payments' count and
    // sum.
    private static readonly Func<ExchangeDbContext, string, CancellationToken, Task<E.ReconciledPerson?>> PersonById =
        EF.CompileAsyncQuery((ExchangeDbContext db, string citizenId, CancellationToken _) =>
            db.Persons.AsNoTracking().SingleOrDefault(p => p.CitizenId == citizenId));

    private static readonly Func<ExchangeDbContext, List<string>, IAsyncEnumerable<EmploymentRead>> EmploymentsOf =
        EF.CompileAsyncQuery((ExchangeDbContext db, List<string> ids) => db.Employments.AsNoTracking()
            .Where(e => ids.Contains(e.CitizenId))
            .Select(e => new EmploymentRead(
                e,
                db.SourceVersions
                    .Where(v => v.Department == Department.HumanResources && v.Kind == RecordKind.Employment
                        && v.SourceKey == e.SourceKey && v.Version == e.Version)
                    .Select(v => v.Payload)
                    .FirstOrDefault())));

    private static readonly Func<ExchangeDbContext, List<string>, IAsyncEnumerable<EntitlementRead>> EntitlementsOf =
        EF.CompileAsyncQuery((ExchangeDbContext db, List<string> ids) => db.Entitlements.AsNoTracking()
            .Where(e => ids.Contains(e.CitizenId))
            .Select(e => new EntitlementRead(
                e,
                db.SourceVersions
                    .Where(v => v.Department == Department.CivilAffairs && v.Kind == RecordKind.WelfareEntitlement
                        && v.SourceKey == e.SourceKey && v.Version == e.Version)
                    .Select(v => v.Payload)
                    .FirstOrDefault(),
                db.Payments.Count(p => p.EntitlementKey == e.SourceKey),
                db.Payments.Where(p => p.EntitlementKey == e.SourceKey).Sum(p => p.AmountFen))));

    // Every status is read and the open ones kept in memory (DiscrepancyQueries.StillOpen): a seek on the subject.
    private static readonly Func<ExchangeDbContext, List<string>, IAsyncEnumerable<E.DiscrepancyEntry>> DiscrepanciesOf =
        EF.CompileAsyncQuery<ExchangeDbContext, List<string>, E.DiscrepancyEntry>((db, ids) => db.Discrepancies.AsNoTracking()
            .Include(d => d.History)
            .Where(d => ids.Contains(d.Subject))
            .OrderBy(d => d.Id));

    private static readonly Func<ExchangeDbContext, string, CancellationToken, Task<E.ReconciledHousehold?>> HouseholdById =
        EF.CompileAsyncQuery((ExchangeDbContext db, string householdId, CancellationToken _) =>
            db.Households.AsNoTracking().SingleOrDefault(h => h.HouseholdId == householdId));

    private static readonly Func<ExchangeDbContext, string, CancellationToken, Task<string?>> SiteName =
        EF.CompileAsyncQuery((ExchangeDbContext db, string siteCode, CancellationToken _) =>
            db.Sites.AsNoTracking().Where(s => s.SiteCode == siteCode).Select(s => s.Name).FirstOrDefault());

    private static readonly Func<ExchangeDbContext, string, IAsyncEnumerable<E.ReconciledPerson>> MembersOf =
        EF.CompileAsyncQuery((ExchangeDbContext db, string householdId) =>
            db.Persons.AsNoTracking().Where(p => p.HouseholdId == householdId));

    // The household's own discrepancies and its members'.
    private static readonly Func<ExchangeDbContext, string, List<string>, IAsyncEnumerable<E.DiscrepancyEntry>> DiscrepanciesOfHousehold =
        EF.CompileAsyncQuery<ExchangeDbContext, string, List<string>, E.DiscrepancyEntry>((db, householdId, memberIds) =>
            db.Discrepancies.AsNoTracking()
                .Include(d => d.History)
                .Where(d => d.HouseholdId == householdId || memberIds.Contains(d.Subject))
                .OrderBy(d => d.Id));

    /// <summary>The full views of the persons, in the order given, with employments judged stable on <paramref name="asOf"/>.</summary>
    private async Task<List<PersonRead>> PersonsAsync(
        ExchangeDbContext store, IReadOnlyList<E.ReconciledPerson> rows, DateOnly asOf, Caller caller, CancellationToken cancellationToken)
    {
        var ids = rows.Select(p => p.CitizenId).ToList();
        var employments = await EmploymentsOf(store, ids).ToListAsync(cancellationToken);
        var entitlements = await EntitlementsOf(store, ids).ToListAsync(cancellationToken);
        var open = (await DiscrepanciesOf(store, ids).ToListAsync(cancellationToken)).StillOpen().ToList();

        var reads = new List<PersonRead>(rows.Count);
        foreach (var row in rows)
        {
            var view = row.ToProto();
            var own = employments.Where(e => e.Row.CitizenId == row.CitizenId)
                .OrderBy(e => e.Row.StartDate).ThenBy(e => e.Row.SourceKey, StringComparer.Ordinal).ToList();
            foreach (var (employment, sent) in own)
            {
                var source = Reference(Department.HumanResources, RecordKind.Employment, employment.SourceKey, employment.Version);
                view.Employments.Add(AuditMapping.PersonEmployment(
                    source, sent, EmploymentStability.IsStableOn(Fact(source, employment), asOf, policy)));
            }

            var welfare = entitlements.Where(e => e.Row.CitizenId == row.CitizenId)
                .OrderBy(e => e.Row.StartDate).ThenBy(e => e.Row.SourceKey, StringComparer.Ordinal).ToList();
            foreach (var (entitlement, sent, paymentCount, paidFen) in welfare)
            {
                var source = Reference(Department.CivilAffairs, RecordKind.WelfareEntitlement, entitlement.SourceKey, entitlement.Version);
                view.Welfare.Add(AuditMapping.PersonWelfare(source, sent, paymentCount, paidFen));
            }

            view.OpenDiscrepancies.Add(open.Where(d => d.Subject == row.CitizenId).Select(d => d.ToProto(caller)));
            reads.Add(new PersonRead(row.CitizenId, view, 1 + own.Count + welfare.Count));
        }
        return reads;
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
