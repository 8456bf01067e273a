using System.Threading.Channels;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Hezhou.Exchange.Storage.Ingestion;
using Hezhou.Exchange.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Audit;

/// <summary>
/// Writes access-log entries for every concurrent reader in one transaction (group commit). Each reader still waits
/// until its entries are committed before it is shown anything, but a hundred readers cost one commit, not a hundred
/// commits queued one behind the other for the store's single write lock. Each entry is chained in the ledger
/// (<see cref="LedgerChains.AccessLog"/>) in the same transaction.
/// </summary>
/// <remarks>
/// On SQLite the writer keeps a connection of its own, with the writers' 64 MiB page cache, for as long as it runs.
/// Each entry lands at random in the log's index by subject; through a pooled connection with SQLite's 2 MiB cache, an
/// insert often read its index page back from the file first, and GetPerson cost about a fifth more server CPU
/// (docs/BENCHMARKS.md). On SQL Server each group takes a pooled context.
/// </remarks>
public sealed class AccessLogWriter(
    IServiceScopeFactory scopes,
    StoreWriteGate writeGate,
    StorageOptions storage,
    DbContextOptions<ExchangeDbContext> options,
    ILogger<AccessLogWriter> logger) : BackgroundService
{
    private sealed record Pending(IReadOnlyList<AccessLogEntry> Entries, TaskCompletionSource Written);

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The writer's own context and connection on SQLite, opened for the first group; only its thread uses it.</summary>
    private ExchangeDbContext? own;

    /// <summary>Completes once the entries are committed; fails, and the read with it, if they could not be.</summary>
    public async Task AppendAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        var pending = new Pending(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, cancellationToken);
        await pending.Written.Task.WaitAsync(cancellationToken);
    }

    // Every read waits for its group's commit, so the writer runs on a thread of its own: on the thread pool, each
    // step of a commit queued behind the very reads that wait for it, and under load a read spent more time waiting
    // for the log than working. The store's SQLite calls complete synchronously, so the steps stay on this thread.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(
            () => WriteUntilStopped(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void WriteUntilStopped(CancellationToken stoppingToken)
    {
        // Named for top, perf and dotnet-trace, which show a thread's name.
        Thread.CurrentThread.Name = "Access log";
        try
        {
            WriteGroupsUntilStopped(stoppingToken);
        }
        finally
        {
            own?.Dispose();
        }
    }

    private void WriteGroupsUntilStopped(CancellationToken stoppingToken)
    {
        var group = new List<Pending>();
        while (queue.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
        {
            group.Clear();
            while (queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }
            try
            {
                WriteAsync(group, stoppingToken).GetAwaiter().GetResult();
                group.ForEach(p => p.Written.TrySetResult());
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Could not write {Count} access-log entries; their reads fail", group.Sum(p => p.Entries.Count));
                group.ForEach(p => p.Written.TrySetException(exception));
            }
        }
    }

    private async Task WriteAsync(List<Pending> group, CancellationToken stoppingToken)
    {
        if (storage.Provider != StorageProvider.Sqlite)
        {
            await using var scope = scopes.CreateAsyncScope();
            await WriteAsync(scope.ServiceProvider.GetRequiredService<ExchangeDbContext>(), group, stoppingToken);
            return;
        }
        try
        {
            own ??= await OpenOwnAsync(stoppingToken);
            await WriteAsync(own, group, stoppingToken);
        }
        catch
        {
            // The store may have broken the connection (an I/O error, a full disk): the next group opens another.
            own?.Dispose();
            own = null;
            throw;
        }
    }

    /// <summary>
    /// The writer's own connection, opened by EF Core so that the server's connection interceptors see it open, with
    /// the writers' page cache.
    /// </summary>
    private async Task<ExchangeDbContext> OpenOwnAsync(CancellationToken cancellationToken)
    {
        var db = new ExchangeDbContext(KeptSqliteContext.Options(options, KeptSqliteContext.NewConnection(options), retrying: true).Options);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(StoreWriteGate.WriterCacheSql, cancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>One transaction for the group's entries, chained in the ledger.</summary>
    private async Task WriteAsync(ExchangeDbContext db, List<Pending> group, CancellationToken stoppingToken)
    {
        await writeGate.RunAsync(db, async token =>
        {
            await using var transaction = await writeGate.BeginAsync(db, token, WriteSize.Small);
            var ledger = await LedgerWriter.OpenAsync(db, LedgerChains.AccessLog, token);
            var entries = group.SelectMany(p => p.Entries).ToList();
            await ledger.AppendAsync(entries, token);
            // The bulk path, not change tracking: SaveChanges spent half the writer's time generating the
            // same INSERT again for every group and reading each row's Id back, which nothing here uses.
            await BulkInsert.InsertAsync(db, entries, token);
            await transaction.CommitAsync(token);
            return group.Count;
        }, stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
