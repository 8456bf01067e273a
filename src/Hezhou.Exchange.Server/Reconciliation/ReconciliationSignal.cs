namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>Wakes the reconciler when a batch has queued work, so it need not poll the dirty queue often.</summary>
public sealed class ReconciliationSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

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
}
