using Google.Rpc;
using Grpc.Core;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Reliability;

/// <summary>
/// A department's system pushing its records as the command-line client does (src/Hezhou.Exchange.Cli/Pushing): batch
/// after batch (<see cref="DepartmentFeed.Batches"/>), so that sending again sends the same ids; before a batch
/// is streamed, GetBatch says whether the server already holds it, and then it is skipped. When the server is killed
/// under a call, the call is made again once the server is back (<see cref="RestartableServer.CallAsync{T}"/>).
/// </summary>
public sealed class DepartmentPusher(DepartmentFeed feed, TrialData data, RestartableServer server, TrialProgress progress)
{
    private readonly List<string> batchIds = [];

    /// <summary>Batches found stored by GetBatch when they were about to be sent (again, after a kill).</summary>
    public int BatchesFoundStored { get; private set; }

    public IReadOnlyList<string> BatchIds => batchIds;

    public async Task PushAsync(CancellationToken cancellationToken)
    {
        foreach (var (batchId, batch) in feed.Batches())
        {
            await server.CallAsync(feed.ApiKey, async client =>
            {
                if (await StoredAsync(client, batchId, cancellationToken) is { } stored)
                {
                    BatchesFoundStored++;
                    return stored;
                }
                return await StreamAsync(client, batchId, batch, cancellationToken);
            }, cancellationToken);
            batchIds.Add(batchId);
            progress.BatchAcknowledged();
        }
    }

    /// <summary>Waits, bounded, until GetBatch says every batch sent is reconciled.</summary>
    public async Task WaitUntilReconciledAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var batchId in batchIds)
        {
            await server.CallAsync(feed.ApiKey, async client =>
            {
                await client.WaitUntilReconciledAsync(batchId, deadline - DateTime.UtcNow, TimeSpan.FromMilliseconds(100),
                    progress.ReconciliationPending, cancellationToken);
                return batchId;
            }, cancellationToken);
        }
    }

    private static async Task<Batch?> StoredAsync(
        SubmissionService.SubmissionServiceClient client, string batchId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetBatchAsync(
                new GetBatchRequest { BatchId = batchId }, deadline: DateTime.UtcNow.AddSeconds(60),
                cancellationToken: cancellationToken);
            return response.Batch;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound
            && e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason == "BATCH_NOT_FOUND")
        {
            return null;
        }
    }

    private async Task<Batch> StreamAsync(
        SubmissionService.SubmissionServiceClient client, string batchId, SubmissionRecord[] batch,
        CancellationToken cancellationToken)
    {
        progress.StreamOpened();
        try
        {
            var messages = batch.Chunk(data.RecordsPerMessage)
                .Select(chunk => new StreamRecordsRequest { BatchId = batchId, Records = { chunk } });
            var response = await Streaming.StreamAsync(
                client, messages, DateTime.UtcNow.AddMinutes(15), progress.MessageSent, cancellationToken);
            return response.Batch;
        }
        finally
        {
            progress.StreamClosed();
        }
    }
}
