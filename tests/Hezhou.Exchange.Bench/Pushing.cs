using System.Diagnostics;
using Hezhou.Exchange.Testing;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Bench;

/// <summary>What streaming a workload took: when every batch was acknowledged, and when every batch was reconciled.</summary>
internal sealed record PushTiming(TimeSpan Acknowledged, TimeSpan Reconciled, long Records)
{
    public double RecordsPerSecond => Records / Reconciled.TotalSeconds;
}

/// <summary>The three departments streaming their batches at once, each batch by one StreamRecords call.</summary>
internal static class Pushing
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Streams the workload and, when <paramref name="untilReconciled"/>, waits for every batch to be reconciled.</summary>
    public static async Task<PushTiming> PushAsync(Uri address, Workload workload, bool untilReconciled, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var clock = Stopwatch.StartNew();
        var batches = await Task.WhenAll(workload.Departments.Select(d => PushDepartmentAsync(address, d, deadline.Token)));
        var acknowledged = clock.Elapsed;
        if (untilReconciled)
        {
            await Task.WhenAll(workload.Departments.Zip(batches)
                .Select(d => WaitUntilReconciledAsync(address, d.First.ApiKey, d.Second, deadline.Token)));
        }
        return new PushTiming(acknowledged, clock.Elapsed, workload.Records);
    }

    /// <summary>Sends one batch by SubmitBatch and waits until it is reconciled.</summary>
    public static async Task<TimeSpan> SubmitUntilReconciledAsync(Uri address, string apiKey, SubmitBatchRequest request, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var channel = new BenchChannel(address, apiKey);
        var clock = Stopwatch.StartNew();
        var response = await channel.Submissions.SubmitBatchAsync(request, cancellationToken: deadline.Token);
        if (response.Batch.AcceptedCount != request.Records.Count)
        {
            throw new InvalidOperationException(
                $"The correction batch should be accepted whole; {response.Batch.AcceptedCount} of {request.Records.Count} were.");
        }
        await WaitUntilReconciledAsync(address, apiKey, [request.BatchId], deadline.Token);
        return clock.Elapsed;
    }

    private static async Task<List<string>> PushDepartmentAsync(Uri address, DepartmentLoad load, CancellationToken cancellationToken)
    {
        using var channel = new BenchChannel(address, load.ApiKey);
        var batchIds = new List<string>();
        foreach (var batch in load.Batches)
        {
            var response = await Streaming.StreamAsync(channel.Submissions, batch, cancellationToken: cancellationToken);
            var expected = batch.Sum(m => m.Records.Count);
            if (response.Batch.RecordCount != expected || response.Batch.RejectedCount != 0)
            {
                throw new InvalidOperationException(
                    $"Batch {response.Batch.BatchId}: {response.Batch.RecordCount} of {expected} records counted, " +
                    $"{response.Batch.RejectedCount} rejected.");
            }
            batchIds.Add(batch[0].BatchId);
        }
        return batchIds;
    }

    private static async Task WaitUntilReconciledAsync(
        Uri address, string apiKey, IReadOnlyList<string> batchIds, CancellationToken cancellationToken)
    {
        using var channel = new BenchChannel(address, apiKey);
        foreach (var batchId in batchIds)
        {
            // The push's own deadline (the token) bounds the wait, not a timeout of each batch.
            await channel.Submissions.WaitUntilReconciledAsync(
                batchId, TimeSpan.FromDays(1), PollInterval, cancellationToken: cancellationToken);
        }
    }
}
