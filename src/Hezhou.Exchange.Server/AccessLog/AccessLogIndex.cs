using Hezhou.Exchange.Server.Ledger;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.AccessLog;

/// <summary>
/// The access log's index by subject (<c>access_log_subjects</c>), kept behind the log. A read's entries are committed
/// before the read returns, and an index by subject on the log itself would add to each commit one page at random per
/// entry: most of what the commit writes. Here the index is written in batches of thousands, sorted into each page once
/// for the many entries it gains. A look-up by subject reads the index up to the last entry indexed and the log's short
/// unindexed tail beyond it, so it sees every entry committed, indexed or not.
/// </summary>
public static class AccessLogIndex
{
    /// <summary>The last entry indexed, 0 if none. Batches are indexed in the log's order and committed whole, so every entry up to it is indexed.</summary>
    public static async Task<long> IndexedThroughAsync(ExchangeDbContext db, CancellationToken cancellationToken) =>
        await db.AccessLogSubjects.MaxAsync(s => (long?)s.EntryId, cancellationToken) ?? 0;

    /// <summary>How many entries at most are not yet indexed: keys may have gaps, where a transaction was rolled back.</summary>
    public static async Task<long> UnindexedAsync(ExchangeDbContext db, CancellationToken cancellationToken) =>
        (await db.AccessLog.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0) - await IndexedThroughAsync(db, cancellationToken);

    /// <summary>Indexes up to <paramref name="batch"/> entries after the last indexed, in the caller's transaction; returns how many.</summary>
    public static async Task<int> IndexNextAsync(ExchangeDbContext db, int batch, CancellationToken cancellationToken)
    {
        // Held at the chain's head, where entries are appended: the indexers of servers sharing a SQL Server store take
        // turns rather than index the same entries, and no entry can commit below the last one read here, as entries
        // take their keys and commit in turn at the same lock.
        await LedgerWriter.LockHeadAsync(db, LedgerChains.AccessLog, cancellationToken);
        var through = await IndexedThroughAsync(db, cancellationToken);
        var rows = await db.AccessLog
            .Where(a => a.Id > through)
            .OrderBy(a => a.Id)
            .Take(batch)
            .Select(a => new AccessLogSubject { EntryId = a.Id, Subject = a.Subject })
            .ToListAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, rows, cancellationToken);
        return rows.Count;
    }

    /// <summary>Up to <paramref name="count"/> of one subject's entries below <paramref name="before"/>, newest first.</summary>
    public static async Task<List<AccessLogEntry>> BySubjectAsync(
        ExchangeDbContext db, string subject, long before, int count, CancellationToken cancellationToken)
    {
        // Read first: every entry up to it is then in the index whatever is indexed meanwhile, and the two reads below
        // neither miss nor repeat an entry, at any isolation level.
        var through = await IndexedThroughAsync(db, cancellationToken);
        var entries = await db.AccessLog.AsNoTracking()
            .Where(a => a.Id > through && a.Id < before && a.Subject == subject)
            .OrderByDescending(a => a.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        if (entries.Count < count)
        {
            entries.AddRange(await (
                    from indexed in db.AccessLogSubjects
                    join entry in db.AccessLog.AsNoTracking() on indexed.EntryId equals entry.Id
                    where indexed.Subject == subject && indexed.EntryId <= through && indexed.EntryId < before
                    orderby indexed.EntryId descending
                    select entry)
                .Take(count - entries.Count)
                .ToListAsync(cancellationToken));
        }
        return entries;
    }
}
