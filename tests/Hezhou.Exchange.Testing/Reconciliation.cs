using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Testing;

/// <summary>Waits, bounded, for the background reconciler to take a batch, as a department would with GetBatch.</summary>
public static class Reconciliation
{
    /// <param name="pollInterval">How long to wait between two GetBatch calls; 50 ms when null.</param>
    /// <param name="pending">Called each time GetBatch says the batch is not reconciled yet (a progress count).</param>
    public static async Task WaitUntilReconciledAsync(
        this SubmissionService.SubmissionServiceClient client, string batchId, TimeSpan? timeout = null,
        TimeSpan? pollInterval = null, Action? pending = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            // A minute per call: a GetBatch answers in far less, even under the reliability trials' load.
            var batch = await client.GetBatchAsync(
                new GetBatchRequest { BatchId = batchId }, deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancellationToken);
            if (batch.Batch.State == BatchState.Reconciled)
            {
                return;
            }
            pending?.Invoke();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Batch {batchId} was not reconciled in time.");
            }
            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>The batch's acknowledgement without its state, which moves on as the reconciler runs.</summary>
    public static Batch WithoutState(this Batch batch)
    {
        var copy = batch.Clone();
        copy.State = BatchState.Unspecified;
        return copy;
    }

    /// <summary>Submits a batch and waits until it is reconciled.</summary>
    public static async Task<SubmitBatchResponse> SubmitReconciledAsync(
        this SubmissionService.SubmissionServiceClient client, string batchId, params SubmissionRecord[] records)
    {
        var response = await client.SubmitBatchAsync(Records.Batch(batchId, records), Deadlines.Call);
        await client.WaitUntilReconciledAsync(batchId);
        return response;
    }
}
