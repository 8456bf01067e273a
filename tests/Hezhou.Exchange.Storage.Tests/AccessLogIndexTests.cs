using Hezhou.Exchange.Server.AccessLog;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Storage.Tests;

/// <summary>
/// The access log's index by subject, written behind the log in batches: a batch indexes the oldest unindexed entries
/// in the log's order, and a look-up by subject reads the unindexed tail and the index as one list, newest first,
/// wherever the boundary between them falls.
/// </summary>
public sealed class AccessLogIndexTests
{
    private const string A = "451102198005120011";
    private const string B = "451102198107230026";

    [Fact]
    public async Task IndexNext_IndexesTheOldestUnindexedEntriesUpToTheBatch()
    {
        await using var store = await TemporaryStore.CreateAsync();
        var ids = await AppendAsync(store, A, B, A, A, B);
        Assert.Equal(5, await AccessLogIndex.UnindexedAsync(store.Db, CancellationToken.None));

        Assert.Equal(3, await IndexNextAsync(store, batch: 3));
        Assert.Equal(ids[2], await AccessLogIndex.IndexedThroughAsync(store.Db, CancellationToken.None));
        Assert.Equal(2, await AccessLogIndex.UnindexedAsync(store.Db, CancellationToken.None));
        Assert.Equal(2, await IndexNextAsync(store, batch: 3));
        Assert.Equal(0, await IndexNextAsync(store, batch: 3));
        Assert.Equal(0, await AccessLogIndex.UnindexedAsync(store.Db, CancellationToken.None));

        var indexed = await store.Db.AccessLogSubjects.AsNoTracking().OrderBy(s => s.EntryId).ToListAsync();
        Assert.Equal(ids, indexed.Select(s => s.EntryId));
        Assert.Equal([A, B, A, A, B], indexed.Select(s => s.Subject));
    }

    [Theory]
    [InlineData(0)] // nothing indexed: all in the tail
    [InlineData(4)] // the boundary among the subject's entries
    [InlineData(7)] // all indexed
    public async Task BySubject_WhereverTheIndexEnds_ListsEveryEntryNewestFirst(int indexedEntries)
    {
        await using var store = await TemporaryStore.CreateAsync();
        var ids = await AppendAsync(store, A, B, A, A, B, A, A);
        if (indexedEntries > 0)
        {
            await IndexNextAsync(store, indexedEntries);
        }
        long[] ofA = [ids[6], ids[5], ids[3], ids[2], ids[0]];

        Assert.Equal(ofA, await BySubjectAsync(store, A, long.MaxValue, 10));
        Assert.Equal([ids[4], ids[1]], await BySubjectAsync(store, B, long.MaxValue, 10));
        Assert.Equal(ofA[..3], await BySubjectAsync(store, A, long.MaxValue, 3));
        Assert.Equal(ofA[2..4], await BySubjectAsync(store, A, before: ofA[1], count: 2));
        Assert.Equal(ofA[4..], await BySubjectAsync(store, A, before: ofA[3], count: 2));
        Assert.Empty(await BySubjectAsync(store, A, before: ofA[4], count: 2));
        Assert.Empty(await BySubjectAsync(store, "451102199001010000", long.MaxValue, 10));
    }

    /// <summary>Appends one entry per subject, in order, and returns their keys.</summary>
    private static async Task<List<long>> AppendAsync(TemporaryStore store, params string[] subjects)
    {
        var ids = new List<long>();
        foreach (var subject in subjects)
        {
            var entry = new AccessLogEntry
            {
                Principal = "auditor",
                Method = "/hezhou.exchange.v1.AuditService/GetPerson",
                Subject = subject,
                Purpose = "case 2024-17",
                RecordCount = 1,
                AccessedAt = DateTime.UtcNow,
            };
            store.Db.AccessLog.Add(entry);
            await store.Db.SaveChangesAsync();
            ids.Add(entry.Id);
        }
        store.Db.ChangeTracker.Clear();
        return ids;
    }

    /// <summary>One batch in a transaction of its own, as the server's writer indexes it.</summary>
    private static Task<int> IndexNextAsync(TemporaryStore store, int batch) =>
        store.Db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await store.Db.Database.BeginTransactionAsync();
            var indexed = await AccessLogIndex.IndexNextAsync(store.Db, batch, CancellationToken.None);
            await transaction.CommitAsync();
            return indexed;
        });

    private static async Task<List<long>> BySubjectAsync(TemporaryStore store, string subject, long before, int count) =>
        [.. (await AccessLogIndex.BySubjectAsync(store.Db, subject, before, count, CancellationToken.None)).Select(e => e.Id)];
}
