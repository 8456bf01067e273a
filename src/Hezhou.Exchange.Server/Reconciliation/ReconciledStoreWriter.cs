using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>
/// Replaces the rows of the units just reconciled with what reconciling them yielded, and brings their discrepancies
/// up to date: new findings open, findings seen again are touched, findings no longer made resolve. Set-based: a
/// fixed number of statements for any number of units, with the rows written by the store's bulk path.
/// </summary>
public sealed class ReconciledStoreWriter(ExchangeDbContext db)
{
    public const string ReconcilerPrincipal = "reconciler";

    /// <summary>One reconciled unit: its current facts and result, both null when the unit no longer exists.</summary>
    public sealed record UnitOutcome(UnitKey Key, ReconciliationUnit? Unit, ReconciledUnit? Result);

    public async Task WriteAsync(IReadOnlyList<UnitOutcome> outcomes, DateTime now, CancellationToken cancellationToken)
    {
        var rows = outcomes.Select(Rows).ToList();
        var unitKeys = outcomes.Select(o => o.Key.Value).ToList();

        // What the units wrote before, and any row they now own that another unit wrote (a person who moved). Each
        // statement uses one index: SQLite would scan a table for an OR of the two conditions.
        await db.Persons.Where(p => unitKeys.Contains(p.UnitKey)).ExecuteDeleteAsync(cancellationToken);
        await db.Employments.Where(e => unitKeys.Contains(e.UnitKey)).ExecuteDeleteAsync(cancellationToken);
        await db.Entitlements.Where(e => unitKeys.Contains(e.UnitKey)).ExecuteDeleteAsync(cancellationToken);
        await db.Payments.Where(p => unitKeys.Contains(p.UnitKey)).ExecuteDeleteAsync(cancellationToken);
        await db.Households.Where(h => unitKeys.Contains(h.HouseholdId)).ExecuteDeleteAsync(cancellationToken);
        var persons = rows.SelectMany(r => r.Persons).ToList();
        var employments = rows.SelectMany(r => r.Employments).ToList();
        var entitlements = rows.SelectMany(r => r.Entitlements).ToList();
        var payments = rows.SelectMany(r => r.Payments).ToList();
        var citizenIds = persons.Select(p => p.CitizenId).ToList();
        var employmentKeys = employments.Select(e => e.SourceKey).ToList();
        var entitlementKeys = entitlements.Select(e => e.SourceKey).ToList();
        var paymentKeys = payments.Select(p => p.SourceKey).ToList();
        await db.Persons.Where(p => citizenIds.Contains(p.CitizenId)).ExecuteDeleteAsync(cancellationToken);
        await db.Employments.Where(e => employmentKeys.Contains(e.SourceKey)).ExecuteDeleteAsync(cancellationToken);
        await db.Entitlements.Where(e => entitlementKeys.Contains(e.SourceKey)).ExecuteDeleteAsync(cancellationToken);
        await db.Payments.Where(p => paymentKeys.Contains(p.SourceKey)).ExecuteDeleteAsync(cancellationToken);

        await BulkInsert.InsertAsync(db, [.. rows.Select(r => r.Household).OfType<ReconciledHousehold>()], cancellationToken);
        await BulkInsert.InsertAsync(db, persons, cancellationToken);
        await BulkInsert.InsertAsync(db, employments, cancellationToken);
        await BulkInsert.InsertAsync(db, entitlements, cancellationToken);
        await BulkInsert.InsertAsync(db, payments, cancellationToken);
        await WriteDiscrepanciesAsync(outcomes, unitKeys, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The rows one unit owns: its household, the persons it owns and their records.</summary>
    private static UnitRows Rows(UnitOutcome outcome)
    {
        var (key, unit, result) = outcome;
        var unitKey = key.Value;
        var household = result?.Household;
        var persons = result?.Persons ?? [];
        var householdOf = persons.ToDictionary(p => p.CitizenId, p => p.HouseholdId, StringComparer.Ordinal);
        bool Owned(PersonClaim person) => householdOf.ContainsKey(person.CitizenId);

        return new UnitRows(
            household is null ? null : new ReconciledHousehold
            {
                HouseholdId = household.HouseholdId,
                SiteCode = household.SiteCode,
                CountyCode = household.CountyCode,
                Address = household.Address,
                RelocationDate = household.RelocationDate,
                MemberCount = unit!.Household!.Members.Count,
                SourceVersion = unit.Household.Source.Version,
                Provenance = StoredJson.Write(household.Provenance),
            },
            [.. persons.Select(p => new ReconciledPerson
            {
                CitizenId = p.CitizenId,
                UnitKey = unitKey,
                HouseholdId = p.HouseholdId,
                SiteCode = household?.SiteCode,
                CountyCode = household?.CountyCode,
                Name = p.Name,
                Gender = p.Gender,
                BirthDate = p.BirthDate,
                Ethnicity = p.Ethnicity,
                RelationToHead = p.RelationToHead,
                LabourCapacity = p.LabourCapacity,
                WillingToWork = p.WillingToWork,
                InSchool = p.InSchool,
                DisabilityCategory = p.DisabilityCategory,
                DisabilityGrade = p.DisabilityGrade,
                DeathDate = p.DeathDate,
                Provenance = StoredJson.Write(p.Provenance),
            })],
            [.. (unit?.Employments ?? []).Where(e => Owned(e.Person)).Select(e => new ReconciledEmployment
            {
                SourceKey = e.Source.SourceKey,
                Version = e.Source.Version,
                UnitKey = unitKey,
                CitizenId = e.Person.CitizenId,
                HouseholdId = householdOf[e.Person.CitizenId],
                Channel = e.Channel,
                EmployerName = e.EmployerName,
                EmployerCreditCode = e.EmployerCreditCode,
                Location = e.Location,
                LocationDetail = e.LocationDetail,
                StartDate = e.Period.Start,
                EndDate = e.Period.End,
                MonthlyIncomeFen = e.MonthlyIncomeFen,
            })],
            [.. (unit?.Entitlements ?? []).Where(e => Owned(e.Person)).Select(e => new ReconciledEntitlement
            {
                SourceKey = e.Source.SourceKey,
                Version = e.Source.Version,
                UnitKey = unitKey,
                CitizenId = e.Person.CitizenId,
                HouseholdId = householdOf[e.Person.CitizenId],
                Programme = e.Programme,
                StartDate = e.Period.Start,
                EndDate = e.Period.End,
                MonthlyAmountFen = e.MonthlyAmountFen,
            })],
            [.. (unit?.Payments ?? []).Where(p => Owned(p.Person)).Select(p => new ReconciledPayment
            {
                SourceKey = p.Source.SourceKey,
                Version = p.Source.Version,
                UnitKey = unitKey,
                EntitlementKey = p.EntitlementKey,
                CitizenId = p.Person.CitizenId,
                HouseholdId = householdOf[p.Person.CitizenId],
                Programme = p.Programme,
                Month = p.Month,
                AmountFen = p.AmountFen,
                PaidDate = p.PaidDate,
            })]);
    }

    private async Task WriteDiscrepanciesAsync(
        IReadOnlyList<UnitOutcome> outcomes, List<string> unitKeys, DateTime now, CancellationToken cancellationToken)
    {
        var findings = outcomes
            .SelectMany(o => (o.Result?.Findings ?? []).Select(f => (Finding: f, Household: o.Result!.Household, UnitKey: o.Key.Value)))
            .ToList();
        var keys = findings.Select(f => f.Finding.Key).ToList();
        var existing = (await db.Discrepancies.Where(d => unitKeys.Contains(d.UnitKey)).ToListAsync(cancellationToken))
            .Concat(await db.Discrepancies.Where(d => keys.Contains(d.Key) && !unitKeys.Contains(d.UnitKey)).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Key, StringComparer.Ordinal);

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (finding, household, unitKey) in findings)
        {
            found.Add(finding.Key);
            if (!existing.TryGetValue(finding.Key, out var entry))
            {
                entry = new DiscrepancyEntry
                {
                    Key = finding.Key,
                    Subject = finding.Subject,
                    Period = finding.Period,
                    UnitKey = unitKey,
                    Sources = "",
                    ExplanationZh = "",
                    ExplanationEn = "",
                    Status = DiscrepancyStatus.Open,
                    FirstSeenAt = now,
                };
                entry.History.Add(Event(DiscrepancyStatus.Open, now, "found"));
                db.Discrepancies.Add(entry);
                existing[finding.Key] = entry;
            }
            else
            {
                var status = DiscrepancyLifecycle.AfterFound(entry.Status);
                if (status != entry.Status)
                {
                    entry.Status = status;
                    entry.ResolvedAt = null;
                    db.DiscrepancyEvents.Add(Event(status, now, "found again", entry.Id));
                }
            }

            entry.Rule = finding.Rule;
            entry.Severity = finding.Severity;
            entry.UnitKey = unitKey;
            entry.HouseholdId = household?.HouseholdId;
            entry.SiteCode = household?.SiteCode;
            entry.CountyCode = household?.CountyCode;
            entry.InvolvesRelocation = finding.Departments.Contains(Department.Relocation);
            entry.InvolvesHumanResources = finding.Departments.Contains(Department.HumanResources);
            entry.InvolvesCivilAffairs = finding.Departments.Contains(Department.CivilAffairs);
            entry.Sources = StoredJson.Write(finding.Sources);
            entry.ExplanationZh = finding.ExplanationZh;
            entry.ExplanationEn = finding.ExplanationEn;
            entry.LastSeenAt = now;
        }

        // What these units found before and no longer find has been corrected.
        var reconciled = unitKeys.ToHashSet(StringComparer.Ordinal);
        foreach (var entry in existing.Values.Where(e => reconciled.Contains(e.UnitKey) && !found.Contains(e.Key)))
        {
            var status = DiscrepancyLifecycle.AfterNoLongerFound(entry.Status);
            if (status != entry.Status)
            {
                entry.Status = status;
                entry.ResolvedAt = now;
                db.DiscrepancyEvents.Add(Event(status, now, "no longer found: the records were corrected", entry.Id));
            }
        }
    }

    private static DiscrepancyEvent Event(DiscrepancyStatus status, DateTime now, string note, long discrepancyId = 0) => new()
    {
        DiscrepancyId = discrepancyId,
        At = now,
        Principal = ReconcilerPrincipal,
        Status = status,
        Note = note,
    };

    private sealed record UnitRows(
        ReconciledHousehold? Household,
        List<ReconciledPerson> Persons,
        List<ReconciledEmployment> Employments,
        List<ReconciledEntitlement> Entitlements,
        List<ReconciledPayment> Payments);
}
