using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Storage;

namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>
/// The background reconciler: drains the dirty queue whenever a batch signals work, and at least once a second, so
/// that whatever was still queued when the server stopped is reconciled after it restarts. When the queue is empty it
/// brings the indicator tallies of an earlier day up to today. Each round is a unit of work run again by the store's
/// execution strategy when the store fails transiently (<see cref="StoreWriteGate.RunAsync"/>).
/// </summary>
public sealed class ReconciliationWorker(
    IServiceScopeFactory scopes,
    ReconciliationSignal signal,
    StoreWriteGate writeGate,
    ILogger<ReconciliationWorker> logger) : BackgroundService
{
    private const int EntriesPerTransaction = 1_000;
    private const int HouseholdsPerRefresh = 2_000;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int taken;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var drain = scope.ServiceProvider.GetRequiredService<DirtyQueueDrain>();
                var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
                taken = await writeGate.RunAsync(db, token => drain.DrainOnceAsync(EntriesPerTransaction, token), stoppingToken);
                if (taken == 0)
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
                await signal.WaitAsync(IdlePoll, stoppingToken);
            }
        }
    }
}
