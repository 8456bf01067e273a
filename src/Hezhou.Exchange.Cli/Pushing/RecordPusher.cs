using System.Security.Cryptography;
using Google.Rpc;
using Grpc.Core;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Pushing;

/// <summary>
/// Streams records to the server as a department does: in batches of 10,000 records, each sent by StreamRecords in
/// messages of at most 1,000. A batch's id is derived from the source's content and the position of its first record,
/// so pushing the same file again sends the same ids; a batch the server already holds (GetBatch finds it) is skipped
/// and counted from its stored outcome. An interrupted push therefore resumes where it stopped, and a batch the server
/// could not store because its store was busy is simply sent again.
/// </summary>
internal sealed class RecordPusher(SubmissionService.SubmissionServiceClient submissions)
{
    public const int RecordsPerBatch = 10_000;
    public const int RecordsPerMessage = 1_000;

    // A busy store (STORAGE_UNAVAILABLE: nothing stored, retry later) is retried this many times in all, backing off.
    private const int Attempts = 8;

    // Below the server's default 4 MiB message limit, whatever the records' size.
    private const int BytesPerMessage = 3 * 1024 * 1024;

    /// <summary>Pushes the records; <paramref name="progress"/> hears of every record sent or found stored.</summary>
    public async Task<PushReport> PushAsync(
        string source, string batchIdPrefix, IEnumerable<LocatedRecord> records, Action<int> progress,
        CancellationToken cancellationToken)
    {
        var report = new PushReport(source);
        var batch = new List<LocatedRecord>(RecordsPerBatch);
        long firstIndex = 0;
        try
        {
            foreach (var record in records)
            {
                batch.Add(record);
                if (batch.Count == RecordsPerBatch)
                {
                    await PushBatchAsync(report, BatchId(batchIdPrefix, firstIndex), firstIndex, batch, progress, cancellationToken);
                    firstIndex += batch.Count;
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
            {
                await PushBatchAsync(report, BatchId(batchIdPrefix, firstIndex), firstIndex, batch, progress, cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsConnectionLost(e) && !NeverConnected(e, report))
        {
            throw new PushStoppedException(report, e);
        }
        return report;
    }

    /// <summary>
    /// The connection failed under the call rather than the server answering with an error of its own: the process
    /// died, or the network between went away. Its own errors carry an ErrorInfo; a broken transport does not.
    /// </summary>
    internal static bool IsConnectionLost(Exception e) => e switch
    {
        IOException or HttpRequestException => true,
        RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown
            && rpc.GetRpcStatus()?.GetDetail<ErrorInfo>() is null,
        InvalidOperationException { InnerException: { } inner } => IsConnectionLost(inner),
        _ => false,
    };

    // A server down before the first call is "cannot reach", with the address to check, not a push broken off.
    private static bool NeverConnected(Exception e, PushReport report) =>
        report.BatchIds.Count == 0 && e is RpcException { StatusCode: StatusCode.Unavailable };

    /// <summary>"&lt;prefix&gt;-&lt;index of the batch's first record, zero-padded to 9 digits&gt;".</summary>
    public static string BatchId(string prefix, long firstIndex) => $"{prefix}-{firstIndex:D9}";

    /// <summary>The first 16 hex digits of the file's SHA-256: the same file always gives the same batch ids.</summary>
    public static string FilePrefix(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
    }

    private async Task PushBatchAsync(
        PushReport report, string batchId, long firstIndex, List<LocatedRecord> batch, Action<int> progress,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var reported = 0;
            try
            {
                var (outcome, skipped) = await SendAsync(batchId, batch, sent =>
                {
                    reported += sent;
                    progress(sent);
                }, cancellationToken);
                report.Add(outcome, skipped, firstIndex, batch);
                return;
            }
            catch (RpcException e) when (IsBusy(e) && attempt < Attempts)
            {
                // The server stored nothing of the batch and asks to retry later: take back its progress and wait.
                progress(-reported);
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    /// <summary>The batch as the server holds it: found stored already, or sent now.</summary>
    private async Task<(Batch Outcome, bool Skipped)> SendAsync(
        string batchId, List<LocatedRecord> batch, Action<int> progress, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(batchId, cancellationToken);
        if (stored is not null)
        {
            progress(batch.Count);
            return (stored, true);
        }
        using var call = submissions.StreamRecords(cancellationToken: cancellationToken);
        try
        {
            foreach (var message in Messages(batchId, batch))
            {
                await call.RequestStream.WriteAsync(message, cancellationToken);
                progress(message.Records.Count);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or OperationCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            // The server ended the call while records were still being written (a wrong key, a limit, a busy store):
            // its status says why, not the write that failed.
            if (await EndStatusAsync(call) is { } status)
            {
                throw status;
            }
            throw;
        }
        return ((await call.ResponseAsync).Batch, false);
    }

    /// <summary>
    /// The status the server ended a stream with, when a write to it failed; null if the call did not end with one
    /// within ten seconds.
    /// </summary>
    private static async Task<RpcException?> EndStatusAsync(AsyncClientStreamingCall<StreamRecordsRequest, StreamRecordsResponse> call)
    {
        try
        {
            await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10));
            return null;
        }
        catch (RpcException e)
        {
            return e;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static bool IsBusy(RpcException e) =>
        e.StatusCode == StatusCode.Unavailable && e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason == "STORAGE_UNAVAILABLE";

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(15, Math.Pow(2, attempt - 1)));

    private async Task<Batch?> StoredAsync(string batchId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await submissions.GetBatchAsync(new GetBatchRequest { BatchId = batchId }, cancellationToken: cancellationToken);
            return response.Batch;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound
            && e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason is null or "BATCH_NOT_FOUND")
        {
            return null;
        }
    }

    private static IEnumerable<StreamRecordsRequest> Messages(string batchId, List<LocatedRecord> batch)
    {
        var message = new StreamRecordsRequest { BatchId = batchId };
        var bytes = 0;
        foreach (var located in batch)
        {
            var size = located.Record.CalculateSize();
            if (message.Records.Count == RecordsPerMessage || (message.Records.Count > 0 && bytes + size > BytesPerMessage))
            {
                yield return message;
                message = new StreamRecordsRequest { BatchId = batchId };
                bytes = 0;
            }
            message.Records.Add(located.Record);
            bytes += size;
        }
        if (message.Records.Count > 0)
        {
            yield return message;
        }
    }
}
