using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Storage.Tests;

/// <summary>A migrated SQLite store in a temporary file, configured as the server configures it.</summary>
internal sealed class TemporaryStore : IAsyncDisposable
{
    private TemporaryStore(string path, DbContextOptions<ExchangeDbContext> options)
    {
        Path = path;
        Options = options;
        Db = new ExchangeDbContext(options);
    }

    public string Path { get; }

    /// <summary>The options every context of this store is made with.</summary>
    public DbContextOptions<ExchangeDbContext> Options { get; }

    public ExchangeDbContext Db { get; }

    public static async Task<TemporaryStore> CreateAsync()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hezhou-store-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<ExchangeDbContext>();
        StorageRegistration.Configure(options, StorageProvider.Sqlite,
            new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        var store = new TemporaryStore(path, options.Options);
        await store.Db.Database.MigrateAsync();
        await store.Db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
