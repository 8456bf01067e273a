using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Server.Reconciliation;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Statistics;

/// <summary>
/// Keeps the indicator tallies up to date as the reconciler writes: each household's tally as of the reconciler's day,
/// and each site's sum of them. GetStatistics then adds up a few site rows instead of reading every person, so its
/// cost follows the number of sites, not the size of the store.
/// </summary>
public sealed class IndicatorAggregates(ExchangeDbContext db, ReconciliationPolicy policy)
{
    /// <summary>
    /// Recomputes the tallies of these households from the reconciled tables as of the day, and the sums of every
    /// site they were or are at. Call it inside the transaction that wrote the households.
    /// </summary>
    public async Task RefreshAsync(IReadOnlyCollection<string> householdIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (householdIds.Count == 0)
        {
            return;
        }
        var ids = householdIds.ToList();
        var sites = (await db.HouseholdIndicators.Where(h => ids.Contains(h.HouseholdId)).Select(h => h.SiteCode)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var tallies = await IndicatorFacts.PerHouseholdAsync(
            db, db.Households.Where(h => ids.Contains(h.HouseholdId)), asOf, policy, cancellationToken);

        await db.HouseholdIndicators.Where(h => ids.Contains(h.HouseholdId)).ExecuteDeleteAsync(cancellationToken);
        db.HouseholdIndicators.AddRange(tallies.Select(t => new HouseholdIndicators
        {
            HouseholdId = t.HouseholdId,
            SiteCode = t.SiteCode,
            CountyCode = t.CountyCode,
            AsOf = asOf,
            Tally = StoredJson.Write(t.Tally),
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        sites.UnionWith(tallies.Select(t => t.SiteCode));
        await RefreshSitesAsync([.. sites], cancellationToken);
    }

    /// <summary>
    /// Brings up to <paramref name="maxHouseholds"/> tallies of an earlier day to <paramref name="asOf"/>; returns how
    /// many it refreshed. Ages, stable employment and entitlements in force all change with the day.
    /// </summary>
    public async Task<int> RefreshStaleAsync(DateOnly asOf, int maxHouseholds, CancellationToken cancellationToken)
    {
        var stale = await db.HouseholdIndicators.Where(h => h.AsOf != asOf).OrderBy(h => h.HouseholdId)
            .Select(h => h.HouseholdId).Take(maxHouseholds).ToListAsync(cancellationToken);
        await RefreshAsync(stale, asOf, cancellationToken);
        return stale.Count;
    }

    /// <summary>The tally of a scope as of a day from the site sums, or null when they are not all of that day.</summary>
    public async Task<IndicatorTally?> TallyAsync(string? county, string? site, DateOnly asOf, CancellationToken cancellationToken)
    {
        var rows = await db.SiteIndicators.AsNoTracking()
            .Where(s => (county == null || s.CountyCode == county) && (site == null || s.SiteCode == site))
            .Select(s => new { s.AsOf, s.Tally })
            .ToListAsync(cancellationToken);
        return rows.All(r => r.AsOf == asOf) ? IndicatorTally.Sum(rows.Select(r => StoredJson.Read<IndicatorTally>(r.Tally))) : null;
    }

    private async Task RefreshSitesAsync(List<string> siteCodes, CancellationToken cancellationToken)
    {
        var households = await db.HouseholdIndicators.AsNoTracking().Where(h => siteCodes.Contains(h.SiteCode))
            .ToListAsync(cancellationToken);
        await db.SiteIndicators.Where(s => siteCodes.Contains(s.SiteCode)).ExecuteDeleteAsync(cancellationToken);
        db.SiteIndicators.AddRange(households.GroupBy(h => h.SiteCode, StringComparer.Ordinal).Select(site => new SiteIndicators
        {
            SiteCode = site.Key,
            CountyCode = site.Select(h => h.CountyCode).FirstOrDefault(c => c is not null),
            AsOf = site.Select(h => h.AsOf).Distinct().Count() == 1 ? site.First().AsOf : null,
            Households = site.Count(),
            Tally = StoredJson.Write(IndicatorTally.Sum(site.Select(h => StoredJson.Read<IndicatorTally>(h.Tally)))),
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
