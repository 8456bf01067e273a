using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Statistics;

/// <summary>
/// Keeps the indicator tallies up to date as the reconciler writes: each household's tally as of the reconciler's day,
/// and the sum of them for every scope GetStatistics answers for (the city, each county, each site). GetStatistics
/// then reads one row, so its cost follows neither the size of the store nor the number of sites.
/// </summary>
public sealed class IndicatorAggregates(ExchangeDbContext db, ReconciliationPolicy policy, TransactionLocks locks)
{
    private const string City = "city";

    /// <summary>The scope key of a GetStatistics request's county or site (at most one is given), or of the city.</summary>
    private static string ScopeOf(string? county, string? site) =>
        site is not null ? $"site:{site}" : county is not null ? $"county:{county}" : City;

    /// <summary>The scopes a household counts in: the city, its county once known, and its site.</summary>
    private static IEnumerable<string> ScopesOf(string siteCode, string? countyCode) =>
        countyCode is null ? [City, ScopeOf(null, siteCode)] : [City, ScopeOf(countyCode, null), ScopeOf(null, siteCode)];

    /// <summary>
    /// Recomputes the tallies of these households from the reconciled tables as of the day, and adds the difference to
    /// the sums of the scopes they were and are in. Call it inside the transaction that wrote the households, having
    /// claimed them (<see cref="TransactionLocks.Units"/>).
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

        var scopes = before.SelectMany(h => ScopesOf(h.SiteCode, h.CountyCode))
            .Concat(after.SelectMany(h => ScopesOf(h.SiteCode, h.CountyCode)))
            .Distinct(StringComparer.Ordinal).ToList();
        await locks.ClaimAsync(TransactionLocks.Scopes, scopes, cancellationToken);
        var sums = new IndicatorScopeSums(await db.IndicatorSums.Where(s => scopes.Contains(s.Scope)).ToListAsync(cancellationToken));
        foreach (var old in before)
        {
            sums.Subtract(ScopesOf(old.SiteCode, old.CountyCode), StoredJson.Read<IndicatorTally>(old.Tally), old.AsOf);
        }
        foreach (var now in after)
        {
            sums.Add(ScopesOf(now.SiteCode, now.CountyCode), now.Tally, asOf);
        }
        sums.WriteTo(db);

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
    /// Sums every scope afresh from the household tallies, when the store has tallies but no sums: a store written
    /// before the sums were kept per scope. Runs on start, before the service takes calls; returns the scopes written.
    /// </summary>
    public async Task<int> SumFromHouseholdsIfMissingAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replicas starting at once on SQL Server take turns here, as reconcilers do at the city's row, so that the one
        // that comes second finds the sums written rather than writing them again. (SQLite lets one writer in anyway.)
        await locks.ClaimAsync(TransactionLocks.Scopes, [City], cancellationToken);
        if (await db.IndicatorSums.AnyAsync(cancellationToken) || !await db.HouseholdIndicators.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var sums = new IndicatorScopeSums([]);
        await foreach (var household in db.HouseholdIndicators.AsNoTracking().OrderBy(h => h.AsOf).AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
        {
            sums.Add(ScopesOf(household.SiteCode, household.CountyCode), StoredJson.Read<IndicatorTally>(household.Tally), household.AsOf);
        }
        var written = sums.WriteTo(db);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return written;
    }

    /// <summary>
    /// Brings up to <paramref name="maxHouseholds"/> tallies of an earlier day to <paramref name="asOf"/>; returns how
    /// many it refreshed. Ages, stable employment and entitlements in force all change with the day.
    /// </summary>
    public async Task<int> RefreshStaleAsync(DateOnly asOf, int maxHouseholds, CancellationToken cancellationToken)
    {
        var stale = await db.HouseholdIndicators.Where(h => h.AsOf < asOf || h.AsOf > asOf).OrderBy(h => h.HouseholdId)
            .Select(h => h.HouseholdId).Take(maxHouseholds).ToListAsync(cancellationToken);
        await locks.ClaimAsync(TransactionLocks.Units, stale, cancellationToken);
        await RefreshAsync(stale, asOf, cancellationToken);
        return stale.Count;
    }

    /// <summary>The tally of a scope as of a day from its sum, or null when the sum is not of that day.</summary>
    public static async Task<IndicatorTally?> TallyAsync(
        ExchangeDbContext db, string? county, string? site, DateOnly asOf, CancellationToken cancellationToken)
    {
        var scope = ScopeOf(county, site);
        var row = await db.IndicatorSums.AsNoTracking()
            .Where(s => s.Scope == scope)
            .Select(s => new { s.AsOf, s.Households, s.HouseholdsOfAsOf, s.Tally })
            .SingleOrDefaultAsync(cancellationToken);
        return row switch
        {
            // No household counts in the scope.
            null => IndicatorTally.Zero,
            _ when row.AsOf == asOf && row.HouseholdsOfAsOf == row.Households => StoredJson.Read<IndicatorTally>(row.Tally),
            _ => null,
        };
    }
}
