using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Statistics;

/// <summary>One household's indicator tally, with where the household is.</summary>
public sealed record HouseholdTally(string HouseholdId, string SiteCode, string? CountyCode, IndicatorTally Tally);

/// <summary>Reads what the indicators need of some reconciled households and tallies each household.</summary>
public static class IndicatorFacts
{
    public static async Task<List<HouseholdTally>> PerHouseholdAsync(
        ExchangeDbContext db, IQueryable<ReconciledHousehold> households, DateOnly asOf, ReconciliationPolicy policy,
        CancellationToken cancellationToken)
    {
        var persons =
            from p in db.Persons.AsNoTracking()
            join h in households.AsNoTracking() on p.HouseholdId equals h.HouseholdId
            select new { Person = p, h.SiteCode, h.RelocationDate };

        var members = await persons
            .Select(x => new MemberStatus(
                x.Person.CitizenId, x.Person.HouseholdId!, x.SiteCode, x.RelocationDate, x.Person.BirthDate,
                x.Person.LabourCapacity, x.Person.WillingToWork, x.Person.InSchool, x.Person.DisabilityCategory,
                x.Person.DeathDate))
            .ToListAsync(cancellationToken);
        var householdOf = members.ToDictionary(m => m.CitizenId, m => m.HouseholdId, StringComparer.Ordinal);
        var employments = (await (
                from e in db.Employments.AsNoTracking()
                join x in persons on e.CitizenId equals x.Person.CitizenId
                select new { e.CitizenId, e.SourceKey, e.Channel, e.StartDate, e.EndDate, e.MonthlyIncomeFen })
            .ToListAsync(cancellationToken))
            .ToLookup(
                e => householdOf[e.CitizenId],
                e => new EmploymentSpan(e.CitizenId, e.SourceKey, e.Channel, new DatePeriod(e.StartDate, e.EndDate), e.MonthlyIncomeFen),
                StringComparer.Ordinal);
        var entitlements = (await (
                from e in db.Entitlements.AsNoTracking()
                join x in persons on e.CitizenId equals x.Person.CitizenId
                select new { e.CitizenId, e.Programme, e.StartDate, e.EndDate })
            .ToListAsync(cancellationToken))
            .ToLookup(
                e => householdOf[e.CitizenId],
                e => new EntitlementSpan(e.CitizenId, e.Programme, new DatePeriod(e.StartDate, e.EndDate)),
                StringComparer.Ordinal);
        var paid = (await (
                from payment in db.Payments.AsNoTracking()
                join x in persons on payment.CitizenId equals x.Person.CitizenId
                where payment.Month <= asOf
                group payment.AmountFen by new { x.Person.HouseholdId, payment.Programme } into paidTo
                select new { paidTo.Key.HouseholdId, paidTo.Key.Programme, Fen = paidTo.Sum() })
            .ToListAsync(cancellationToken))
            .ToLookup(p => p.HouseholdId!, StringComparer.Ordinal);
        var byHousehold = members.ToLookup(m => m.HouseholdId, StringComparer.Ordinal);

        var rows = await households.AsNoTracking()
            .Select(h => new { h.HouseholdId, h.SiteCode, h.CountyCode })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(h => new HouseholdTally(
            h.HouseholdId, h.SiteCode, h.CountyCode,
            IndicatorTally.Of(
                asOf, [.. byHousehold[h.HouseholdId]], [.. employments[h.HouseholdId]], [.. entitlements[h.HouseholdId]],
                paid[h.HouseholdId].ToDictionary(p => p.Programme, p => p.Fen), policy)))];
    }
}
