using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>
/// Replaces one unit's rows in the reconciled store with what reconciling it yielded, and brings its discrepancies
/// up to date: new findings open, findings seen again are touched, findings no longer made resolve.
/// </summary>
public sealed class ReconciledStoreWriter(ExchangeDbContext db)
{
    public const string ReconcilerPrincipal = "reconciler";

    /// <summary>Writes the unit's result; a null result (the unit no longer exists) removes its rows.</summary>
    public async Task WriteAsync(
        string unitKey, ReconciliationUnit? unit, ReconciledUnit? result, DateTime now, CancellationToken cancellationToken)
    {
        var persons = result?.Persons ?? [];
        var owned = persons.Select(p => p.CitizenId).ToHashSet(StringComparer.Ordinal);
        var employments = unit?.Employments.Where(e => owned.Contains(e.Person.CitizenId)).ToList() ?? [];
        var entitlements = unit?.Entitlements.Where(e => owned.Contains(e.Person.CitizenId)).ToList() ?? [];
        var payments = unit?.Payments.Where(p => owned.Contains(p.Person.CitizenId)).ToList() ?? [];

        // Remove what the unit wrote before, and any row it now owns that another unit wrote (a person who moved).
        var citizenIds = owned.ToList();
        var employmentKeys = employments.Select(e => e.Source.SourceKey).ToList();
        var entitlementKeys = entitlements.Select(e => e.Source.SourceKey).ToList();
        var paymentKeys = payments.Select(p => p.Source.SourceKey).ToList();
        await db.Persons.Where(p => p.UnitKey == unitKey || citizenIds.Contains(p.CitizenId)).ExecuteDeleteAsync(cancellationToken);
        await db.Employments.Where(e => e.UnitKey == unitKey || employmentKeys.Contains(e.SourceKey)).ExecuteDeleteAsync(cancellationToken);
        await db.Entitlements.Where(e => e.UnitKey == unitKey || entitlementKeys.Contains(e.SourceKey)).ExecuteDeleteAsync(cancellationToken);
        await db.Payments.Where(p => p.UnitKey == unitKey || paymentKeys.Contains(p.SourceKey)).ExecuteDeleteAsync(cancellationToken);
        await db.Households.Where(h => h.HouseholdId == unitKey).ExecuteDeleteAsync(cancellationToken);

        var household = result?.Household;
        if (household is not null)
        {
            db.Households.Add(new ReconciledHousehold
            {
                HouseholdId = household.HouseholdId,
                SiteCode = household.SiteCode,
                CountyCode = household.CountyCode,
                Address = household.Address,
                RelocationDate = household.RelocationDate,
                MemberCount = unit!.Household!.Members.Count,
                SourceVersion = unit.Household.Source.Version,
                Provenance = StoredJson.Write(household.Provenance),
            });
        }

        db.Persons.AddRange(persons.Select(p => new ReconciledPerson
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
        }));
        var householdOf = persons.ToDictionary(p => p.CitizenId, p => p.HouseholdId, StringComparer.Ordinal);
        db.Employments.AddRange(employments.Select(e => new ReconciledEmployment
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
        }));
        db.Entitlements.AddRange(entitlements.Select(e => new ReconciledEntitlement
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
        }));
        db.Payments.AddRange(payments.Select(p => new ReconciledPayment
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
        }));

        await WriteDiscrepanciesAsync(unitKey, household, result?.Findings ?? [], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task WriteDiscrepanciesAsync(
        string unitKey, ReconciledHouseholdView? household, IReadOnlyList<Finding> findings, DateTime now,
        CancellationToken cancellationToken)
    {
        var keys = findings.Select(f => f.Key).ToList();
        var existing = await db.Discrepancies
            .Where(d => d.UnitKey == unitKey || keys.Contains(d.Key))
            .ToDictionaryAsync(d => d.Key, StringComparer.Ordinal, cancellationToken);

        foreach (var finding in findings)
        {
            if (!existing.Remove(finding.Key, out var entry))
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

        // What the unit found before and no longer finds has been corrected.
        foreach (var entry in existing.Values.Where(e => e.UnitKey == unitKey))
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
}
