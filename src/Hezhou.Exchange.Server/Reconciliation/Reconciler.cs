using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Statistics;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>
/// Runs the reconciler's rounds. A round takes the oldest entries of the dirty queue, refreshes the sites they name,
/// reconciles every unit they touch from the current source versions, brings those units' indicator tallies and sums
/// up to date and removes the entries, all in one transaction: a crash before the commit leaves the entries queued.
/// When the queue is idle, <see cref="RefreshIndicatorsAsync"/> brings the tallies of an earlier day to today.
/// </summary>
public sealed class Reconciler(
    ExchangeDbContext db,
    UnitLoader loader,
    ReconciledStoreWriter writer,
    IndicatorAggregates indicators,
    ReconciliationPolicy policy,
    StoreWriteGate writeGate,
    DirtyQueueClaims claims,
    TimeProvider clock,
    ILogger<Reconciler> logger)
{
    private const int UnitsPerStep = 500;

    /// <summary>
    /// Brings up to <paramref name="maxHouseholds"/> indicator tallies of an earlier day to today, in one transaction;
    /// returns how many it refreshed.
    /// </summary>
    public async Task<int> RefreshIndicatorsAsync(int maxHouseholds, CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        // Two ranges rather than "not today", so that SQLite seeks the AsOf index instead of reading all of it: this
        // runs every second the reconciler is idle, and would read every household's entry each time, a cost that grows with the store.
        if (!await db.HouseholdIndicators.AnyAsync(h => h.AsOf < today || h.AsOf > today, cancellationToken))
        {
            return 0;
        }
        await using var transaction = await writeGate.BeginAsync(db, cancellationToken);
        var refreshed = await indicators.RefreshStaleAsync(today, maxHouseholds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return refreshed;
    }

    /// <summary>When the oldest queued entry was queued, or null when the queue is empty.</summary>
    public async Task<DateTime?> OldestQueuedAtAsync(CancellationToken cancellationToken) =>
        await db.DirtyQueue.OrderBy(d => d.Id).Select(d => (DateTime?)d.EnqueuedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Reconciles what up to <paramref name="maxEntries"/> queued entries touch; returns how many were taken.</summary>
    public async Task<int> DrainOnceAsync(int maxEntries, CancellationToken cancellationToken)
    {
        // Look before taking the write lock, so an idle reconciler never holds up a department's batch.
        if (!await db.DirtyQueue.AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var transaction = await writeGate.BeginAsync(db, cancellationToken);
        var entries = await claims.ClaimEntriesAsync(maxEntries, cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var asOf = ChinaTime.DateOf(now);
        var units = await UnitsTouchedAsync(entries, cancellationToken);
        await claims.ClaimUnitsAsync(units.Select(unit => unit.Value), cancellationToken);
        // A few hundred units at a time, so that what a round holds in memory does not grow with the queue it takes.
        foreach (var step in units.Chunk(UnitsPerStep))
        {
            var loaded = await loader.LoadAsync(step, cancellationToken);
            var outcomes = step
                .Select(key => new ReconciledStoreWriter.UnitOutcome(
                    key, loaded[key], loaded[key] is { } unit ? UnitReconciler.Reconcile(unit, policy, asOf) : null))
                .ToList();
            await writer.WriteAsync(outcomes, now.UtcDateTime, cancellationToken);
            await indicators.RefreshAsync([.. step.Select(key => key.HouseholdId).OfType<string>()], asOf, cancellationToken);
        }

        await claims.SettleAsync(entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogDebug(
            "Reconciled {Units} units for {Entries} queue entries in {Elapsed:N0} ms",
            units.Count, entries.Count, (clock.GetUtcNow() - now).TotalMilliseconds);
        return entries.Count;
    }

    /// <summary>
    /// The units the entries touch: each household; each person's households and the person on their own (a unit
    /// that empties once a household holds them); each site's households, after the site's own row is refreshed.
    /// </summary>
    private async Task<SortedSet<UnitKey>> UnitsTouchedAsync(List<DirtySubject> entries, CancellationToken cancellationToken)
    {
        var units = new SortedSet<UnitKey>();
        units.UnionWith(Keys(entries, SubjectKind.Household).Select(UnitKey.Household));

        var persons = Keys(entries, SubjectKind.Person);
        units.UnionWith(persons.Select(UnitKey.UnheldPerson));
        units.UnionWith((await loader.HoldersOfAsync(persons, cancellationToken)).SelectMany(holders => holders).Select(UnitKey.Household));

        var sites = Keys(entries, SubjectKind.Site);
        if (sites.Count > 0)
        {
            await RefreshSitesAsync(sites, cancellationToken);
            units.UnionWith((await db.Households.Where(h => sites.Contains(h.SiteCode))
                .Select(h => h.HouseholdId).ToListAsync(cancellationToken)).Select(UnitKey.Household));
        }
        return units;
    }

    private static List<string> Keys(List<DirtySubject> entries, SubjectKind kind) =>
        [.. entries.Where(e => e.SubjectKind == kind).Select(e => e.SubjectKey).Distinct(StringComparer.Ordinal)];

    private async Task RefreshSitesAsync(List<string> siteCodes, CancellationToken cancellationToken)
    {
        await db.Sites.Where(s => siteCodes.Contains(s.SiteCode)).ExecuteDeleteAsync(cancellationToken);
        db.Sites.AddRange((await loader.LoadSitesAsync(siteCodes, cancellationToken)).Values.Select(site => new ReconciledSite
        {
            SiteCode = site.SiteCode,
            Name = site.Name,
            CountyCode = site.CountyCode,
            Kind = site.Kind,
            SourceVersion = site.Source.Version,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
