namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>
/// Wakes the reconciler when a batch has queued work, so it need not poll the dirty queue often, and tells it whether
/// batches are being received right now.
/// </summary>
public sealed class ReconciliationSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);
    private int batchesInProgress;
    private long lastBatchEndedAt = Environment.TickCount64;

    /// <summary>
    /// Whether this server is receiving batches: one is arriving, or one ended less than <paramref name="pause"/> ago
    /// (a department sending batch after batch leaves only a moment between them).
    /// </summary>
    public bool BatchesArriving(TimeSpan pause) =>
        Volatile.Read(ref batchesInProgress) > 0
        || Environment.TickCount64 - Interlocked.Read(ref lastBatchEndedAt) < pause.TotalMilliseconds;

    /// <summary>Marks a batch as being received until the result is disposed.</summary>
    public IDisposable BatchStarted()
    {
        Interlocked.Increment(ref batchesInProgress);
        return new Finished(this);
    }

    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up drains everything queued.
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        signal.WaitAsync(timeout, cancellationToken);

    private sealed class Finished(ReconciliationSignal owner) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Exchange(ref owner.lastBatchEndedAt, Environment.TickCount64);
                Interlocked.Decrement(ref owner.batchesInProgress);
                owner.Notify();
            }
        }
    }
}
