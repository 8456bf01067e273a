namespace Hezhou.Exchange.Reliability;

/// <summary>How far the departments' systems have got in one run, and the points a kill may be timed from.</summary>
public sealed class TrialProgress
{
    private readonly Lock sync = new();
    private readonly List<(long Count, TaskCompletionSource Reached)> messageWaiters = [];
    private readonly TaskCompletionSource reconciling = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long messagesSent;
    private int openStreams;
    private int batchesAcknowledged;
    private volatile bool allPushed;

    /// <summary>Stream messages written so far, those sent again after a kill included.</summary>
    public long MessagesSent => Interlocked.Read(ref messagesSent);

    /// <summary>Streams begun and not yet answered.</summary>
    public int OpenStreams => Volatile.Read(ref openStreams);

    public int BatchesAcknowledged => Volatile.Read(ref batchesAcknowledged);

    public bool AllPushed => allPushed;

    /// <summary>Completes once <paramref name="count"/> stream messages have been written.</summary>
    public Task WhenMessagesSent(long count)
    {
        lock (sync)
        {
            if (messagesSent >= count)
            {
                return Task.CompletedTask;
            }
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            messageWaiters.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>
    /// Completes when, every batch having been acknowledged, GetBatch first says one is not reconciled yet: the
    /// reconciler is at work.
    /// </summary>
    public Task WhenReconciling => reconciling.Task;

    public void MessageSent()
    {
        lock (sync)
        {
            messagesSent++;
            foreach (var waiter in messageWaiters.Where(w => w.Count <= messagesSent).ToList())
            {
                waiter.Reached.TrySetResult();
                messageWaiters.Remove(waiter);
            }
        }
    }

    public void StreamOpened() => Interlocked.Increment(ref openStreams);

    public void StreamClosed() => Interlocked.Decrement(ref openStreams);

    public void BatchAcknowledged() => Interlocked.Increment(ref batchesAcknowledged);

    public void EveryBatchPushed() => allPushed = true;

    public void ReconciliationPending()
    {
        if (allPushed)
        {
            reconciling.TrySetResult();
        }
    }
}
