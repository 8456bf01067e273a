using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Storage.Tests;

/// <summary>
/// The kept SQLite readers: a query run again goes through the statement prepared the first time, with its new
/// parameters; a kept connection sees what was committed since its last read, and holds no read transaction between
/// reads, which would stop checkpoints and let the write-ahead log grow without end. A snapshot lease's reads share
/// one read transaction, which ends with the lease.
/// </summary>
public sealed class StoreReadersTests
{
    [Fact]
    public async Task SameQueryTwice_RunsTheKeptStatementWithTheNewParameters()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await AddAsync(store, "HH-1", "HH-2", "HH-2");
        using var readers = SqliteReaders(store);

        using var reads = readers.Rent(store.Db);
        var first = await EntriesOfAsync(reads.Db, "HH-1");
        var second = await EntriesOfAsync(reads.Db, "HH-2");

        Assert.NotSame(store.Db, reads.Db);
        Assert.Equal(["HH-1"], first);
        Assert.Equal(["HH-2", "HH-2"], second);
        Assert.Equal(1, reads.Reused);
    }

    [Fact]
    public async Task KeptReader_SeesWhatWasCommittedSinceItsLastRead()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await AddAsync(store, "HH-1");
        using var readers = SqliteReaders(store);
        using var reads = readers.Rent(store.Db);
        Assert.Equal(["HH-1"], await EntriesOfAsync(reads.Db, "HH-1"));

        await AddAsync(store, "HH-1");

        Assert.Equal(["HH-1", "HH-1"], await EntriesOfAsync(reads.Db, "HH-1"));
    }

    [Fact]
    public async Task KeptReader_BetweenReads_LetsACheckpointEmptyTheLog()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await AddAsync(store, "HH-1");
        using var readers = SqliteReaders(store);
        using var reads = readers.Rent(store.Db);
        await EntriesOfAsync(reads.Db, "HH-1");
        await EntriesOfAsync(reads.Db, "HH-1");
        await AddAsync(store, "HH-2");

        // The check can see a read in progress: a reader left open on the kept connection blocks the checkpoint.
        await using (var open = await reads.Db.DirtyQueue.AsAsyncEnumerable().GetAsyncEnumerator().AsReadInProgressAsync())
        {
            Assert.True(await CheckpointIsBlockedAsync(store));
        }
        Assert.False(await CheckpointIsBlockedAsync(store));
    }

    [Fact]
    public async Task SnapshotLease_ReadsTheStoreAsAtItsFirstRead_UntilDisposed()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await AddAsync(store, "HH-1");
        using var readers = SqliteReaders(store);

        using (var snapshot = await readers.RentSnapshotAsync(store.Db, CancellationToken.None))
        {
            Assert.Equal(["HH-1"], await EntriesOfAsync(snapshot.Db, "HH-1"));
            await AddAsync(store, "HH-1");

            Assert.Equal(["HH-1"], await EntriesOfAsync(snapshot.Db, "HH-1"));
            Assert.Equal(1, snapshot.Reused);
        }

        using var after = readers.Rent(store.Db);
        Assert.Equal(["HH-1", "HH-1"], await EntriesOfAsync(after.Db, "HH-1"));
    }

    [Fact]
    public async Task SnapshotLease_Disposed_LeavesNoReadTransactionOnTheKeptReader()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await AddAsync(store, "HH-1");
        using var readers = SqliteReaders(store);
        var snapshot = await readers.RentSnapshotAsync(store.Db, CancellationToken.None);
        await EntriesOfAsync(snapshot.Db, "HH-1");
        await AddAsync(store, "HH-2");

        // Between its reads the snapshot holds the log: the checkpoint cannot pass the reader's mark.
        Assert.True(await CheckpointIsBlockedAsync(store));
        snapshot.Dispose();

        Assert.False(await CheckpointIsBlockedAsync(store));
        using var again = readers.Rent(store.Db);
        Assert.Same(snapshot.Db, again.Db);
        Assert.Null(again.Db.Database.CurrentTransaction);
        Assert.Equal(["HH-2"], await EntriesOfAsync(again.Db, "HH-2"));
    }

    [Fact]
    public async Task BurstOfReaders_IsServedAndClosed()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await AddAsync(store, "HH-1");
        using var readers = SqliteReaders(store);

        // More than EF Core allows service providers (20), and more than are kept: each reader's context must share one.
        var leases = Enumerable.Range(0, StoreReaders.MostKept + 10).Select(_ => readers.Rent(store.Db)).ToList();
        foreach (var lease in leases)
        {
            Assert.Equal(["HH-1"], await EntriesOfAsync(lease.Db, "HH-1"));
        }
        leases.ForEach(lease => lease.Dispose());

        using var again = readers.Rent(store.Db);
        Assert.Equal(["HH-1"], await EntriesOfAsync(again.Db, "HH-1"));
        Assert.Equal(1, again.Reused);
    }

    [Fact]
    public async Task LeaseDisposedTwice_GivesItsReaderBackOnce()
    {
        await using var store = await TemporaryStore.CreateAsync();
        using var readers = SqliteReaders(store);
        var first = readers.Rent(store.Db);

        first.Dispose();
        first.Dispose();
        using var second = readers.Rent(store.Db);
        using var third = readers.Rent(store.Db);

        Assert.NotSame(second.Db, third.Db);
    }

    [Fact]
    public void SqlServerStore_LendsTheCallersOwnContext()
    {
        using var db = new SqlServer.DesignTimeContextFactory().CreateDbContext([]);
        using var readers = new StoreReaders(
            new DbContextOptions<ExchangeDbContext>(), new StorageOptions { Provider = StorageProvider.SqlServer });

        using var reads = readers.Rent(db);

        Assert.Same(db, reads.Db);
        Assert.Equal(0, reads.Reused);
    }

    private static StoreReaders SqliteReaders(TemporaryStore store) =>
        new(store.Options, new StorageOptions { Provider = StorageProvider.Sqlite });

    private static async Task AddAsync(TemporaryStore store, params string[] households)
    {
        await using var db = new ExchangeDbContext(store.Options);
        db.DirtyQueue.AddRange(households.Select(h =>
            new DirtySubject { SubjectKind = SubjectKind.Household, SubjectKey = h, EnqueuedAt = DateTime.UtcNow }));
        await db.SaveChangesAsync();
    }

    private static Task<List<string>> EntriesOfAsync(ExchangeDbContext db, string household) =>
        db.DirtyQueue.Where(d => d.SubjectKey == household).OrderBy(d => d.Id).Select(d => d.SubjectKey).ToListAsync();

    /// <summary>Whether a full checkpoint from another connection is kept from emptying the write-ahead log.</summary>
    private static async Task<bool> CheckpointIsBlockedAsync(TemporaryStore store)
    {
        await using var connection = new SqliteConnection($"Data Source={store.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var result = await command.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        return result.GetInt32(0) == 1;
    }
}

internal static class ReadInProgress
{
    /// <summary>Moves to the first row, so that the read stays in progress until the enumerator is disposed.</summary>
    public static async Task<IAsyncEnumerator<T>> AsReadInProgressAsync<T>(this IAsyncEnumerator<T> rows)
    {
        Assert.True(await rows.MoveNextAsync());
        return rows;
    }
}
