using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>Waits, bounded, for the background reconciler to take a batch, as a department would with GetBatch.</summary>
public static class Reconciliation
{
    public static async Task WaitUntilReconciledAsync(
        this SubmissionService.SubmissionServiceClient client, string batchId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var batch = await client.GetBatchAsync(new GetBatchRequest { BatchId = batchId }, Deadlines.Call);
            if (batch.Batch.State == BatchState.Reconciled)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Batch {batchId} was not reconciled in time.");
            }
            await Task.Delay(50);
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
