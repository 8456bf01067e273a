using System.Diagnostics;
using System.Threading.Channels;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Ledger;
using Hezhou.Exchange.Server.Telemetry;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.AccessLog;

/// <summary>
/// Writes access-log entries for every concurrent reader in one transaction (group commit). Each reader still waits
/// until its entries are committed before it is shown anything, but a hundred readers cost one commit, not a hundred
/// commits queued one behind the other for the store's single write lock. Each entry is chained in the ledger
/// (<see cref="LedgerChains.AccessLog"/>) in the same transaction. Between groups the writer indexes the entries by
/// subject, a batch at a time, behind the log (<see cref="AccessLogIndex"/>).
/// </summary>
/// <remarks>
/// On SQLite the log is a file of its own (<see cref="AccessLogStore"/>), which no other writer of the process writes:
/// the writer does not queue at the store's write gate behind batches and reconciler rounds. It keeps a connection to
/// the file, with the writers' 64 MiB page cache, for as long as it runs. The entries of a batch land at random across
/// the index by subject, and through a pooled connection with SQLite's 2 MiB cache each insert often read its index
/// page back from the file first, which made every read dearer when each group was indexed as it was written
/// (docs/decisions/0003-group-commit.md). On SQL Server each group and each batch takes a pooled context.
/// </remarks>
public sealed class AccessLogWriter(
    IServiceScopeFactory scopes,
    StoreWriteGate writeGate,
    AccessLogOptions accessLog,
    AccessLogStore logStore,
    ExchangeMetrics metrics,
    ILogger<AccessLogWriter> logger) : BackgroundService
{
    /// <summary>A read's entries, waiting since <paramref name="Queued"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    private sealed record Pending(IReadOnlyList<AccessLogEntry> Entries, TaskCompletionSource Written, long Queued);

    /// <summary>The writer thread's name, which top, perf, dotnet-trace and the benchmark's CPU split show.</summary>
    public const string ThreadName = "Access log";

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>How long the writer waits without reads before it indexes a tail shorter than a batch.</summary>
    private static readonly TimeSpan IndexWhenIdleFor = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the writer waits without reads before it indexes the next batch of a backlog. Under load the queue is
    /// empty for moments between groups, and a backlog batch taken in each of them held every read back behind it
    /// until the whole backlog was indexed.
    /// </summary>
    private static readonly TimeSpan IndexBacklogWhenIdleFor = TimeSpan.FromMilliseconds(100);

    /// <summary>The writer's own context and connection on SQLite, opened for the first group; only its thread uses it.</summary>
    private ExchangeDbContext? own;

    /// <summary>The writer's wait for entries, kept across an idle timeout: the queue has one reader, and one wait.</summary>
    private Task<bool>? waitForEntries;

    /// <summary>
    /// About how many entries were written since the last batch was indexed (at most, as a key may be skipped), or are
    /// left unindexed short of a batch.
    /// </summary>
    private int unindexed;

    /// <summary>
    /// Whether more than a batch may lie unindexed: a store from before the index, or a tail the last run left. Such a
    /// backlog is indexed batch after batch while no reads come, not after every group, so that reads do not queue
    /// behind it; under load it is indexed a batch for every batch of new entries, and grows no longer.
    /// </summary>
    private bool backlog;

    /// <summary>Whether the last batch failed to index, so that a store that stays unwritable is not reported every second.</summary>
    private bool indexFailing;

    /// <summary>Completes once the entries are committed; fails, and the read with it, if they could not be.</summary>
    public async Task AppendAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        var pending = new Pending(
            entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Stopwatch.GetTimestamp());
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
        Thread.CurrentThread.Name = ThreadName;
        try
        {
            var tail = UnindexedAtStart(stoppingToken);
            backlog = tail >= accessLog.IndexBatch;
            unindexed = backlog ? 0 : (int)tail;
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
        while (true)
        {
            switch (WaitForEntries(stoppingToken))
            {
                case false:
                    return;
                case null:
                    IndexBatch(stoppingToken);
                    continue;
            }
            group.Clear();
            while (queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }
            var entries = group.Sum(p => p.Entries.Count);
            try
            {
                RunAsync((db, token) => WriteAsync(db, group, token), stoppingToken).GetAwaiter().GetResult();
                var committed = Stopwatch.GetTimestamp();
                group.ForEach(p => p.Written.TrySetResult());
                metrics.AccessLogCommitted(entries, group.Select(p => Stopwatch.GetElapsedTime(p.Queued, committed)));
                unindexed += entries;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Could not write {Count} access-log entries; their reads fail", entries);
                group.ForEach(p => p.Written.TrySetException(exception));
            }
            if (unindexed >= accessLog.IndexBatch)
            {
                IndexBatch(stoppingToken);
            }
        }
    }

    /// <summary>
    /// The tail the last run left unindexed, or a store from before the index: all of its log. Read on a context of its
    /// own, not the writer's own connection, which is opened for the first entry to write.
    /// </summary>
    private long UnindexedAtStart(CancellationToken stoppingToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            return logStore.ReadAsync(
                    scope.ServiceProvider.GetRequiredService<ExchangeDbContext>(),
                    log => AccessLogIndex.UnindexedAsync(log, stoppingToken))
                .GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Could not read how much of the access log is indexed by subject; indexed once the writer is idle");
            return 1;
        }
    }

    /// <summary>
    /// Whether entries wait to be written, false once the queue is completed; null when it stays empty for as long as
    /// the tail to index allows: a tenth of a second with a backlog, a second with less than a batch, without end with
    /// none.
    /// </summary>
    private bool? WaitForEntries(CancellationToken stoppingToken)
    {
        waitForEntries ??= queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
        var timeout = backlog ? IndexBacklogWhenIdleFor
            : unindexed == 0 ? Timeout.InfiniteTimeSpan
            : IndexWhenIdleFor;
        if (Task.WaitAny([waitForEntries], timeout) < 0)
        {
            return null;
        }
        var more = waitForEntries.GetAwaiter().GetResult();
        waitForEntries = null;
        return more;
    }

    /// <summary>Indexes the next batch by subject; on failure the entries stay in the tail that look-ups scan.</summary>
    private void IndexBatch(CancellationToken stoppingToken)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var indexed = RunAsync((db, token) => IndexAsync(db, token), stoppingToken).GetAwaiter().GetResult();
            metrics.AccessLogIndexed(Stopwatch.GetElapsedTime(started));
            // A full batch may have more behind it.
            backlog = indexed == accessLog.IndexBatch;
            unindexed = 0;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Tried again after a second without reads, or once another batch has gathered; logged once until it works.
            logger.Log(
                indexFailing ? LogLevel.Debug : LogLevel.Warning, exception,
                "Could not index the access log by subject; look-ups by subject read its tail until it is indexed");
            indexFailing = true;
            backlog = false;
            unindexed = 1;
            return;
        }
        indexFailing = false;
    }

    /// <summary>Runs a unit of writing on the writer's own connection on SQLite, on a pooled context on SQL Server.</summary>
    private async Task<T> RunAsync<T>(Func<ExchangeDbContext, CancellationToken, Task<T>> work, CancellationToken stoppingToken)
    {
        if (logStore.Options is not { } options)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<ExchangeDbContext>(), stoppingToken);
        }
        try
        {
            own ??= await OpenOwnAsync(options, stoppingToken);
            return await work(own, stoppingToken);
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
    private static async Task<ExchangeDbContext> OpenOwnAsync(
        DbContextOptions<ExchangeDbContext> options, CancellationToken cancellationToken)
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
    private Task<int> WriteAsync(ExchangeDbContext db, List<Pending> group, CancellationToken stoppingToken) =>
        writeGate.RunAsync(db, async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var ledger = await LedgerWriter.OpenAsync(db, LedgerChains.AccessLog, token);
            var entries = group.SelectMany(p => p.Entries).ToList();
            await ledger.AppendAsync(entries, token);
            // The bulk path, not change tracking: SaveChanges spent a large share of the writer's time generating the
            // same INSERT again for every group and reading each row's Id back, which nothing here uses.
            await BulkInsert.InsertAsync(db, entries, token);
            await transaction.CommitAsync(token);
            return group.Count;
        }, stoppingToken);

    /// <summary>One transaction that indexes the next batch of entries by subject.</summary>
    private Task<int> IndexAsync(ExchangeDbContext db, CancellationToken stoppingToken) =>
        writeGate.RunAsync(db, async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var indexed = await AccessLogIndex.IndexNextAsync(db, accessLog.IndexBatch, token);
            await transaction.CommitAsync(token);
            logger.LogDebug("Indexed {Count} access-log entries by subject", indexed);
            return indexed;
        }, stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
