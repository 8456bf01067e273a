using System.Data;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hezhou.Exchange.Server.Tests.Hosting;

/// <summary>
/// The SQLite writer's page cache: large while a write transaction runs, SQLite's default again once it ends, so that
/// the pooled connections that have written do not each keep 64 MiB.
/// </summary>
public sealed class StoreWriteGateTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"hezhou-gate-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task WriteTransaction_WhileOpen_HasTheLargeCache_AndGivesItBackWhenCommitted()
    {
        var gate = new StoreWriteGate(new StorageOptions());
        await using var db = Context();

        await using (var transaction = await gate.BeginAsync(db, CancellationToken.None))
        {
            Assert.Equal(-65536, await CacheSizeAsync(db));
            await transaction.CommitAsync(CancellationToken.None);
        }

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        await db.Database.OpenConnectionAsync();
        Assert.Equal(-2000, await CacheSizeAsync(db));
    }

    [Fact]
    public async Task WriteTransaction_RolledBack_StillGivesTheCacheBack_AndLetsTheNextWriterIn()
    {
        var gate = new StoreWriteGate(new StorageOptions());
        await using var db = Context();

        await using (await gate.BeginAsync(db, CancellationToken.None))
        {
            // Disposed without a commit: rolled back.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using (await gate.BeginAsync(db, timeout.Token))
        {
            Assert.Equal(-65536, await CacheSizeAsync(db));
        }
        await db.Database.OpenConnectionAsync();
        Assert.Equal(-2000, await CacheSizeAsync(db));
    }

    [Fact]
    public async Task SmallWrite_KeepsTheDefaultCache_AndHoldsTheGateUntilDisposed()
    {
        var gate = new StoreWriteGate(new StorageOptions());
        await using var db = Context();
        await using var other = Context();

        var first = await gate.BeginAsync(db, CancellationToken.None, WriteSize.Small);
        Assert.Equal(-2000, await CacheSizeAsync(db));
        var next = gate.BeginAsync(other, CancellationToken.None, WriteSize.Small);
        await Task.Delay(200);
        Assert.False(next.IsCompleted, "A second writer got in while the first held the gate.");

        await first.CommitAsync(CancellationToken.None);
        await first.DisposeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var second = await next.WaitAsync(timeout.Token);
        Assert.Equal(-2000, await CacheSizeAsync(other));
    }

    [Fact]
    public async Task BeginAsync_StoreCannotBeOpened_FailsAndLetsTheNextWriterIn()
    {
        var gate = new StoreWriteGate(new StorageOptions());
        var missing = new DbContextOptionsBuilder<ExchangeDbContext>();
        StorageRegistration.Configure(
            missing, StorageProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"hezhou-missing-{Guid.NewGuid():N}", "x.db")};Mode=ReadWrite");
        await using (var unopenable = new ExchangeDbContext(missing.Options))
        {
            await Assert.ThrowsAsync<SqliteException>(() => gate.BeginAsync(unopenable, CancellationToken.None));
        }

        await using var db = Context();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var transaction = await gate.BeginAsync(db, timeout.Token);
        Assert.Equal(-65536, await CacheSizeAsync(db));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        // This test's pool only: other tests' servers run beside it.
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
        return Task.CompletedTask;
    }

    // Pooled, so that opening the context again takes back the connection that wrote, as the server's contexts do.
    private string ConnectionString => $"Data Source={path};Pooling=True";

    private ExchangeDbContext Context()
    {
        var options = new DbContextOptionsBuilder<ExchangeDbContext>();
        StorageRegistration.Configure(options, StorageProvider.Sqlite, ConnectionString);
        return new ExchangeDbContext(options.Options);
    }

    private static async Task<long> CacheSizeAsync(ExchangeDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA cache_size;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
