using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Server.Reconciliation;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Hezhou.Exchange.Storage.Ingestion;
using Hezhou.Exchange.Storage.Reconciliation;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Statistics;

/// <summary>
/// Keeps the indicator tallies up to date as the reconciler writes: each household's tally as of the reconciler's day,
/// and each site's sum of them. GetStatistics then adds up a few site rows instead of reading every person, so its
/// cost follows the number of sites, not the size of the store.
/// </summary>
public sealed class IndicatorAggregates(ExchangeDbContext db, ReconciliationPolicy policy, DirtyQueueClaims claims)
{
    /// <summary>
    /// Recomputes the tallies of these households from the reconciled tables as of the day, and adds the difference to
    /// the sums of the sites they were and are at. Call it inside the transaction that wrote the households, having
    /// claimed them (<see cref="DirtyQueueClaims.ClaimUnitsAsync"/>).
    /// </summary>
    public async Task RefreshAsync(IReadOnlyCollection<string> householdIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (householdIds.Count == 0)
        {
            return;
        }
        var ids = householdIds.ToList();
        var before = await db.HouseholdIndicators.AsNoTracking().Where(h => ids.Contains(h.HouseholdId))
            .ToListAsync(cancellationToken);
        var after = await IndicatorFacts.PerHouseholdAsync(
            db, db.Households.Where(h => ids.Contains(h.HouseholdId)), asOf, policy, cancellationToken);

        var siteCodes = before.Select(h => h.SiteCode).Concat(after.Select(h => h.SiteCode)).Distinct().ToList();
        await claims.ClaimSitesAsync(siteCodes, cancellationToken);
        var sites = await db.SiteIndicators.Where(s => siteCodes.Contains(s.SiteCode)).ToDictionaryAsync(s => s.SiteCode, cancellationToken);
        var sums = sites.Values.ToDictionary(s => s.SiteCode, s => StoredJson.Read<IndicatorTally>(s.Tally));
        foreach (var old in before)
        {
            var site = sites[old.SiteCode];
            sums[old.SiteCode] = sums[old.SiteCode].Subtract(StoredJson.Read<IndicatorTally>(old.Tally));
            site.Households--;
            site.HouseholdsOfAsOf -= old.AsOf == site.AsOf ? 1 : 0;
        }
        foreach (var now in after)
        {
            if (!sites.TryGetValue(now.SiteCode, out var site))
            {
                site = sites[now.SiteCode] = new SiteIndicators { SiteCode = now.SiteCode, AsOf = asOf, Tally = "" };
                sums[now.SiteCode] = IndicatorTally.Zero;
                db.SiteIndicators.Add(site);
            }
            if (site.AsOf != asOf)
            {
                // The first tally of a new day: the site's sum counts for it once every household has been refreshed.
                site.AsOf = asOf;
                site.HouseholdsOfAsOf = 0;
            }
            sums[now.SiteCode] = sums[now.SiteCode].Add(now.Tally);
            site.CountyCode ??= now.CountyCode;
            site.Households++;
            site.HouseholdsOfAsOf++;
        }
        foreach (var site in sites.Values)
        {
            site.Tally = StoredJson.Write(sums[site.SiteCode]);
            if (site.Households == 0)
            {
                db.SiteIndicators.Remove(site);
            }
        }

        await db.HouseholdIndicators.Where(h => ids.Contains(h.HouseholdId)).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.InsertAsync(
            db,
            [.. after.Select(t => new HouseholdIndicators
            {
                HouseholdId = t.HouseholdId,
                SiteCode = t.SiteCode,
                CountyCode = t.CountyCode,
                AsOf = asOf,
                Tally = StoredJson.Write(t.Tally),
            })],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Brings up to <paramref name="maxHouseholds"/> tallies of an earlier day to <paramref name="asOf"/>; returns how
    /// many it refreshed. Ages, stable employment and entitlements in force all change with the day.
    /// </summary>
    public async Task<int> RefreshStaleAsync(DateOnly asOf, int maxHouseholds, CancellationToken cancellationToken)
    {
        var stale = await db.HouseholdIndicators.Where(h => h.AsOf != asOf).OrderBy(h => h.HouseholdId)
            .Select(h => h.HouseholdId).Take(maxHouseholds).ToListAsync(cancellationToken);
        await claims.ClaimUnitsAsync(stale, cancellationToken);
        await RefreshAsync(stale, asOf, cancellationToken);
        return stale.Count;
    }

    /// <summary>The tally of a scope as of a day from the site sums, or null when they are not all of that day.</summary>
    public async Task<IndicatorTally?> TallyAsync(string? county, string? site, DateOnly asOf, CancellationToken cancellationToken)
    {
        var rows = await db.SiteIndicators.AsNoTracking()
            .Where(s => (county == null || s.CountyCode == county) && (site == null || s.SiteCode == site))
            .Select(s => new { s.AsOf, s.Households, s.HouseholdsOfAsOf, s.Tally })
            .ToListAsync(cancellationToken);
        return rows.All(r => r.AsOf == asOf && r.HouseholdsOfAsOf == r.Households)
            ? IndicatorTally.Sum(rows.Select(r => StoredJson.Read<IndicatorTally>(r.Tally)))
            : null;
    }
}
