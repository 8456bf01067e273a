using Google.Rpc;
using Grpc.Core;
using Hezhou.Exchange.Cli.Pushing;
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
                while (true)
                {
                    var response = await client.GetBatchAsync(
                        new GetBatchRequest { BatchId = batchId }, deadline: DateTime.UtcNow.AddSeconds(60),
                        cancellationToken: cancellationToken);
                    if (response.Batch.State == BatchState.Reconciled)
                    {
                        return response.Batch;
                    }
                    progress.ReconciliationPending();
                    if (DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException($"Batch {batchId} was not reconciled within {timeout}.");
                    }
                    await Task.Delay(100, cancellationToken);
                }
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
        using var call = client.StreamRecords(deadline: DateTime.UtcNow.AddMinutes(15), cancellationToken: cancellationToken);
        progress.StreamOpened();
        try
        {
            try
            {
                foreach (var chunk in batch.Chunk(data.RecordsPerMessage))
                {
                    await call.RequestStream.WriteAsync(new StreamRecordsRequest { BatchId = batchId, Records = { chunk } }, cancellationToken);
                    progress.MessageSent();
                }
                await call.RequestStream.CompleteAsync();
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or IOException
                && !cancellationToken.IsCancellationRequested)
            {
                // The stream broke while records were being written: the call's status says why.
                throw await RecordPusher.EndStatusAsync(call)
                    ?? new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, $"The stream broke: {e.Message}"));
            }
            return (await call.ResponseAsync).Batch;
        }
        finally
        {
            progress.StreamClosed();
        }
    }
}
