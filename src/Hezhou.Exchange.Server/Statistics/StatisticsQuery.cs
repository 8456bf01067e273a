using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Server.Audit;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Statistics;

/// <summary>
/// The city's indicators (DESIGN section 7) for the city, a county or a site, as of a day, computed from the
/// reconciled store: the members of the households in scope, their employments, entitlements and payments.
/// </summary>
public sealed class StatisticsQuery(ExchangeDbContext db, ReconciliationPolicy policy, TimeProvider clock)
{
    public async Task<V1.GetStatisticsResponse> GetAsync(V1.GetStatisticsRequest request, CancellationToken cancellationToken)
    {
        var asOf = ValidatedAsOf(request);
        var county = request.ScopeCase == V1.GetStatisticsRequest.ScopeOneofCase.CountyCode ? request.CountyCode : null;
        var site = request.ScopeCase == V1.GetStatisticsRequest.ScopeOneofCase.SiteCode ? request.SiteCode : null;

        var persons =
            from p in db.Persons.AsNoTracking()
            join h in db.Households.AsNoTracking() on p.HouseholdId equals h.HouseholdId
            where (county == null || h.CountyCode == county) && (site == null || h.SiteCode == site)
            select new { Person = p, h.SiteCode, h.RelocationDate };

        var members = await persons
            .Select(x => new MemberStatus(
                x.Person.CitizenId, x.Person.HouseholdId!, x.SiteCode, x.RelocationDate, x.Person.BirthDate,
                x.Person.LabourCapacity, x.Person.WillingToWork, x.Person.InSchool, x.Person.DisabilityCategory,
                x.Person.DeathDate))
            .ToListAsync(cancellationToken);
        var employments = (await (
                from e in db.Employments.AsNoTracking()
                join x in persons on e.CitizenId equals x.Person.CitizenId
                select new { e.CitizenId, e.SourceKey, e.Channel, e.StartDate, e.EndDate, e.MonthlyIncomeFen })
            .ToListAsync(cancellationToken))
            .Select(e => new EmploymentSpan(e.CitizenId, e.SourceKey, e.Channel, new DatePeriod(e.StartDate, e.EndDate), e.MonthlyIncomeFen))
            .ToList();
        var entitlements = (await (
                from e in db.Entitlements.AsNoTracking()
                join x in persons on e.CitizenId equals x.Person.CitizenId
                select new { e.CitizenId, e.Programme, e.StartDate, e.EndDate })
            .ToListAsync(cancellationToken))
            .Select(e => new EntitlementSpan(e.CitizenId, e.Programme, new DatePeriod(e.StartDate, e.EndDate)))
            .ToList();
        var paid = await (
                from payment in db.Payments.AsNoTracking()
                join x in persons on payment.CitizenId equals x.Person.CitizenId
                where payment.Month <= asOf
                group payment.AmountFen by payment.Programme into programme
                select new { Programme = programme.Key, Fen = programme.Sum() })
            .ToDictionaryAsync(p => p.Programme, p => p.Fen, cancellationToken);

        var indicators = CityIndicators.Compute(asOf, members, employments, entitlements, paid, policy);
        var openByRule = await db.Discrepancies.AsNoTracking().StillOpen()
            .Where(d => (county == null || d.CountyCode == county) && (site == null || d.SiteCode == site))
            .GroupBy(d => d.Rule)
            .Select(g => new { Rule = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        var response = indicators.ToProto();
        response.OpenDiscrepanciesByRule.Add(openByRule.OrderBy(r => r.Rule)
            .Select(r => new V1.RuleCount { Rule = (V1.DiscrepancyRule)r.Rule, Count = r.Count }));
        return response;
    }

    private DateOnly ValidatedAsOf(V1.GetStatisticsRequest request)
    {
        var violations = new AuditArguments.Violations();
        if (request.ScopeCase == V1.GetStatisticsRequest.ScopeOneofCase.CountyCode
            && (request.CountyCode.Length != 6 || !request.CountyCode.All(char.IsAsciiDigit)))
        {
            violations.Add("county_code", "must be a 6-digit administrative division code, e.g. 451102");
        }
        if (request.ScopeCase == V1.GetStatisticsRequest.ScopeOneofCase.SiteCode)
        {
            violations.Required("site_code", request.SiteCode);
        }

        var asOf = violations.AsOfDate("as_of_date", request.AsOfDate, AuditArguments.Today(clock));
        violations.ThrowIfAny();
        return asOf;
    }
}
