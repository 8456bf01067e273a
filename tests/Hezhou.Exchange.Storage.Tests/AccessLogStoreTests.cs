using Hezhou.Exchange.Server.Ledger;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Storage.Tests;

/// <summary>
/// A store written before the access log had a SQLite file of its own: its log moves to the log's file on start, with
/// its keys and its chain's head, and a start cut short between the copy and the emptying of the store finishes it.
/// </summary>
public sealed class AccessLogStoreTests
{
    [Fact]
    public void PathFor_StoreFile_NamesTheLogsFileBesideIt()
    {
        Assert.Equal(Path.Combine("data", "exchange.access-log.db"), AccessLogStore.PathFor(Path.Combine("data", "exchange.db")));
        Assert.Equal("demo.access-log", AccessLogStore.PathFor("demo"));
    }

    [Fact]
    public async Task MoveFromStore_StoreWithALog_CopiesItsEntriesAndHeadAndEmptiesTheStore()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await using var log = await TemporaryStore.CreateAsync();
        var written = await AppendChainedAsync(store, 3);
        var head = await HeadAsync(store);

        Assert.Equal(3, await AccessLogStore.MoveFromStoreAsync(store.Db, log.Db, CancellationToken.None));

        var moved = await log.Db.AccessLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(written.Select(e => (e.Id, e.Subject, e.LedgerSequence, e.LedgerHash)),
            moved.Select(e => (e.Id, e.Subject, e.LedgerSequence, e.LedgerHash)));
        Assert.Equal(head, await HeadAsync(log));
        Assert.Equal(0, await store.Db.AccessLog.CountAsync());
        Assert.Equal(0, await store.Db.AccessLogSubjects.CountAsync());
        Assert.Equal((0L, LedgerChains.Genesis), await HeadAsync(store));
        // Entries written after the move follow on from the moved ones.
        var next = await AppendChainedAsync(log, 1);
        Assert.Equal(written[^1].Id + 1, next.Single().Id);
        Assert.Equal(head.Hash, next.Single().LedgerPreviousHash);

        // A second start finds nothing left to move.
        Assert.Equal(0, await AccessLogStore.MoveFromStoreAsync(store.Db, log.Db, CancellationToken.None));
        Assert.Equal(4, await log.Db.AccessLog.CountAsync());
    }

    [Fact]
    public async Task MoveFromStore_StartCutShortAfterTheCopy_OnlyEmptiesTheStore()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await using var log = await TemporaryStore.CreateAsync();
        await AppendChainedAsync(store, 2);
        // The copy committed, as if the start had ended before the store was emptied.
        await AppendChainedAsync(log, 2, sameAs: store);

        Assert.Equal(2, await AccessLogStore.MoveFromStoreAsync(store.Db, log.Db, CancellationToken.None));

        Assert.Equal(2, await log.Db.AccessLog.CountAsync());
        Assert.Equal(0, await store.Db.AccessLog.CountAsync());
    }

    [Fact]
    public async Task MoveFromStore_BothFilesHoldDifferentLogs_FailsAndChangesNeither()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await using var log = await TemporaryStore.CreateAsync();
        await AppendChainedAsync(store, 2);
        await AppendChainedAsync(log, 3);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AccessLogStore.MoveFromStoreAsync(store.Db, log.Db, CancellationToken.None));

        Assert.Contains("sequence 2 in the store, 3 in the log's file", failure.Message);
        Assert.Equal(2, await store.Db.AccessLog.CountAsync());
        Assert.Equal(3, await log.Db.AccessLog.CountAsync());
    }

    [Fact]
    public async Task MoveFromStore_RowsAddedToTheStoresLogAfterTheMove_FailsNamingThemAndChangesNeither()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await using var log = await TemporaryStore.CreateAsync();
        await AppendChainedAsync(store, 2);
        await AccessLogStore.MoveFromStoreAsync(store.Db, log.Db, CancellationToken.None);
        var head = await HeadAsync(log);
        // Behind the server's back, outside the ledger: the server writes only the log's own file now.
        await store.Db.Database.ExecuteSqlRawAsync(
            "INSERT INTO access_log (Principal, Method, Subject, Purpose, RecordCount, AccessedAt) " +
            "VALUES ('someone', '/hezhou.exchange.v1.AuditService/GetPerson', '451102198005120000', 'none', 1, '2024-06-15 04:00:00')");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AccessLogStore.MoveFromStoreAsync(store.Db, log.Db, CancellationToken.None));

        Assert.Contains("access-log entries outside the ledger", failure.Message);
        Assert.Contains("head at sequence 2", failure.Message);
        Assert.DoesNotContain("restore", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await store.Db.AccessLog.CountAsync());
        Assert.Equal(2, await log.Db.AccessLog.CountAsync());
        Assert.Equal(head, await HeadAsync(log));
    }

    /// <summary>
    /// Appends entries chained in the ledger, as the server's writer does; with <paramref name="sameAs"/>, copies of the
    /// first entries of that store, so that both chains end on the same head.
    /// </summary>
    private static async Task<List<AccessLogEntry>> AppendChainedAsync(TemporaryStore store, int count, TemporaryStore? sameAs = null)
    {
        var entries = sameAs is null
            ? [.. Enumerable.Range(0, count).Select(i => new AccessLogEntry
            {
                Principal = "auditor",
                Method = "/hezhou.exchange.v1.AuditService/GetPerson",
                Subject = $"45110219800512{i:D4}",
                Purpose = "case 2024-17",
                RecordCount = 1,
                AccessedAt = new DateTime(2024, 6, 15, 4, 0, i, DateTimeKind.Utc),
            })]
            : (await sameAs.Db.AccessLog.AsNoTracking().OrderBy(e => e.Id).Take(count).ToListAsync())
                .Select(e => new AccessLogEntry
                {
                    Principal = e.Principal,
                    Method = e.Method,
                    Subject = e.Subject,
                    Purpose = e.Purpose,
                    RecordCount = e.RecordCount,
                    AccessedAt = e.AccessedAt,
                })
                .ToList();
        await store.Db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await store.Db.Database.BeginTransactionAsync();
            var ledger = await LedgerWriter.OpenAsync(store.Db, LedgerChains.AccessLog, CancellationToken.None);
            await ledger.AppendAsync(entries, CancellationToken.None);
            store.Db.AccessLog.AddRange(entries);
            await store.Db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        store.Db.ChangeTracker.Clear();
        return entries;
    }

    private static async Task<(long Sequence, string Hash)> HeadAsync(TemporaryStore store)
    {
        var head = await store.Db.LedgerHeads.AsNoTracking().SingleAsync(h => h.Chain == LedgerChains.AccessLog);
        return (head.Sequence, head.Hash);
    }
}
