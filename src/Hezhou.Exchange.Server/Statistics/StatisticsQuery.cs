using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Server.Audit;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Statistics;

/// <summary>
/// The city's indicators (DESIGN section 7) for the city, a county or a site, as of a day, computed from the
/// reconciled store: from the sites' indicator sums when they count for the day asked, otherwise from the members of
/// the households in scope, their employments, entitlements and payments.
/// </summary>
public sealed class StatisticsQuery(
    ExchangeDbContext own, StoreReaders readers, ReconciliationPolicy policy, TimeProvider clock)
{
    public async Task<V1.GetStatisticsResponse> GetAsync(V1.GetStatisticsRequest request, CancellationToken cancellationToken)
    {
        var asOf = ValidatedAsOf(request);
        var county = request.ScopeCase == V1.GetStatisticsRequest.ScopeOneofCase.CountyCode ? request.CountyCode : null;
        var site = request.ScopeCase == V1.GetStatisticsRequest.ScopeOneofCase.SiteCode ? request.SiteCode : null;

        using var reads = readers.Rent(own);
        var db = reads.Db;
        // The site sums answer for the reconciler's day; another day is counted from the reconciled households.
        var tally = await IndicatorAggregates.TallyAsync(db, county, site, asOf, cancellationToken)
            ?? IndicatorTally.Sum((await IndicatorFacts.PerHouseholdAsync(
                db,
                db.Households.Where(h => (county == null || h.CountyCode == county) && (site == null || h.SiteCode == site)),
                asOf, policy, cancellationToken)).Select(h => h.Tally));
        var indicators = CityIndicators.From(asOf, tally);
        var openByRule = await db.Discrepancies.AsNoTracking().StillOpen()
            .Where(d => (county == null || d.CountyCode == county) && (site == null || d.SiteCode == site))
            .GroupBy(d => d.Rule)
            .Select(g => new { Rule = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        var response = indicators.ToProto();
        response.OpenDiscrepanciesByRule.Add(openByRule.OrderBy(r => r.Rule)
            .Select(r => StatisticsMapping.RuleCount(r.Rule, r.Count)));
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
