using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>
/// Takes the oldest entries of the dirty queue, reconciles every unit they touch from the current source versions
/// and removes the entries, all in one transaction: a crash before the commit leaves the entries queued.
/// </summary>
public sealed class DirtyQueueDrain(
    ExchangeDbContext db,
    UnitLoader loader,
    ReconciledStoreWriter writer,
    ReconciliationPolicy policy,
    TimeProvider clock)
{
    /// <summary>Reconciles what up to <paramref name="maxEntries"/> queued entries touch; returns how many were taken.</summary>
    public async Task<int> DrainOnceAsync(int maxEntries, CancellationToken cancellationToken)
    {
        // Look before taking the write lock, so an idle reconciler never holds up a department's batch.
        if (!await db.DirtyQueue.AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entries = await db.DirtyQueue.AsNoTracking().OrderBy(d => d.Id).Take(maxEntries).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var asOf = ChinaTime.DateOf(now);

        var units = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            switch (entry.SubjectKind)
            {
                case SubjectKind.Household:
                    units.Add(entry.SubjectKey);
                    break;
                case SubjectKind.Person:
                    // The person's households, and the person on their own: that unit empties once a household holds them.
                    units.Add(ReconciliationUnit.KeyForUnheldPerson(entry.SubjectKey));
                    units.UnionWith(await loader.HoldersOfAsync(entry.SubjectKey, cancellationToken));
                    break;
                case SubjectKind.Site:
                    await RefreshSiteAsync(entry.SubjectKey, cancellationToken);
                    units.UnionWith(await db.Households.Where(h => h.SiteCode == entry.SubjectKey)
                        .Select(h => h.HouseholdId).ToListAsync(cancellationToken));
                    break;
            }
        }

        foreach (var unitKey in units)
        {
            var unit = unitKey.StartsWith(ReconciliationUnit.UnheldPersonPrefix, StringComparison.Ordinal)
                ? await loader.LoadUnheldPersonAsync(unitKey[ReconciliationUnit.UnheldPersonPrefix.Length..], cancellationToken)
                : await loader.LoadHouseholdAsync(unitKey, cancellationToken);
            var result = unit is null ? null : UnitReconciler.Reconcile(unit, policy, asOf);
            await writer.WriteAsync(unitKey, unit, result, now.UtcDateTime, cancellationToken);
        }

        // Every entry of these subjects is settled, not only those read: the transaction took the write lock before
        // reading, so whatever queued them was committed before, and the units were rebuilt from it.
        foreach (var kind in entries.Select(e => e.SubjectKind).Distinct())
        {
            var keys = entries.Where(e => e.SubjectKind == kind).Select(e => e.SubjectKey).Distinct().ToList();
            await db.DirtyQueue.Where(d => d.SubjectKind == kind && keys.Contains(d.SubjectKey)).ExecuteDeleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return entries.Count;
    }

    private async Task RefreshSiteAsync(string siteCode, CancellationToken cancellationToken)
    {
        await db.Sites.Where(s => s.SiteCode == siteCode).ExecuteDeleteAsync(cancellationToken);
        if (await loader.LoadSiteAsync(siteCode, cancellationToken) is { } site)
        {
            db.Sites.Add(new ReconciledSite
            {
                SiteCode = site.SiteCode,
                Name = site.Name,
                CountyCode = site.CountyCode,
                Kind = site.Kind,
                SourceVersion = site.Source.Version,
            });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
