using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Storage;

namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>
/// The background reconciler: drains the dirty queue whenever a batch signals work, and at least once a second, so
/// that whatever was still queued when the server stopped is reconciled after it restarts. While batches are being
/// received it lets the queue gather, up to Reconciliation:MaxLagSeconds. When the queue is empty it brings the
/// indicator tallies of an earlier day up to today. Each round is a unit of work run again by the store's execution
/// strategy when the store fails transiently (<see cref="StoreWriteGate.RunAsync"/>).
/// </summary>
public sealed class ReconciliationWorker(
    IServiceScopeFactory scopes,
    ReconciliationSignal signal,
    IConfiguration configuration,
    TimeProvider clock,
    StoreWriteGate writeGate,
    ILogger<ReconciliationWorker> logger) : BackgroundService
{
    private const int EntriesPerTransaction = 5_000;
    private const int HouseholdsPerRefresh = 2_000;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GatherPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan BetweenBatches = TimeSpan.FromMilliseconds(250);

    // While batches arrive, queued work may wait this long, so that a household is rebuilt once for the many records
    // of it the batches bring rather than once per batch.
    private readonly TimeSpan maxLag = TimeSpan.FromSeconds(configuration.GetValue("Reconciliation:MaxLagSeconds", 30.0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int taken;
            var gathering = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var drain = scope.ServiceProvider.GetRequiredService<Reconciler>();
                gathering = signal.BatchesArriving(BetweenBatches)
                    && await drain.OldestQueuedAtAsync(stoppingToken) is { } oldest
                    && clock.GetUtcNow().UtcDateTime - oldest < maxLag;
                var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
                taken = gathering
                    ? 0
                    : await writeGate.RunAsync(db, token => drain.DrainOnceAsync(EntriesPerTransaction, token), stoppingToken);
                if (taken == 0 && !gathering)
                {
                    // With nothing queued, bring the indicator tallies of an earlier day up to today.
                    taken = await writeGate.RunAsync(db, token => drain.RefreshIndicatorsAsync(HouseholdsPerRefresh, token), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The entries stay queued; the next round tries them again.
                logger.LogError(exception, "Reconciliation failed; retrying in {Delay}", RetryAfterFailure);
                await Task.Delay(RetryAfterFailure, stoppingToken);
                continue;
            }

            if (taken == 0)
            {
                await signal.WaitAsync(gathering ? GatherPoll : IdlePoll, stoppingToken);
            }
        }
    }
}
