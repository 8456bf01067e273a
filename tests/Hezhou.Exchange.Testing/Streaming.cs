using Grpc.Core;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Testing;

/// <summary>One batch streamed by StreamRecords, as a department's client sends it.</summary>
public static class Streaming
{
    /// <summary>How long a stream whose write failed is given to end with the server's status.</summary>
    private static readonly TimeSpan EndStatusWait = TimeSpan.FromSeconds(10);

    /// <summary>Streams the chunks, one message each, as <see cref="StreamAsync(SubmissionService.SubmissionServiceClient, IEnumerable{StreamRecordsRequest}, DateTime?, Action?, CancellationToken)"/>.</summary>
    public static Task<StreamRecordsResponse> StreamAsync(
        SubmissionService.SubmissionServiceClient client, string batchId, DateTime deadline, IEnumerable<SubmissionRecord[]> chunks,
        CancellationToken cancellationToken = default) =>
        StreamAsync(client, chunks.Select(chunk => new StreamRecordsRequest { BatchId = batchId, Records = { chunk } }),
            deadline, cancellationToken: cancellationToken);

    /// <summary>
    /// Writes the messages, half-closes and returns the server's answer. If the server ends the call while messages
    /// are still being written, the failed write is not the answer: the call's status says why, as a client that
    /// reads the response after a failed write learns (the CLI's pusher does the same). Which of the two a client sees
    /// first depends on timing, so a test that asserted on the write would be flaky. A stream that broke with no
    /// status (the server was killed) ends in UNAVAILABLE with no ErrorInfo, as a broken connection does.
    /// </summary>
    /// <param name="sent">Called after each message is written (a progress count).</param>
    public static async Task<StreamRecordsResponse> StreamAsync(
        SubmissionService.SubmissionServiceClient client, IEnumerable<StreamRecordsRequest> messages, DateTime? deadline = null,
        Action? sent = null, CancellationToken cancellationToken = default)
    {
        using var call = client.StreamRecords(deadline: deadline, cancellationToken: cancellationToken);
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message, cancellationToken);
                sent?.Invoke();
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException
            && !cancellationToken.IsCancellationRequested)
        {
            // The server ended the call, or the connection broke: the call's status follows, if there is one.
            try
            {
                await call.ResponseAsync.WaitAsync(EndStatusWait, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, $"The stream broke: {e.Message}"));
            }
            catch (RpcException)
            {
                // Thrown again below, as the answer.
            }
        }
        return await call.ResponseAsync;
    }

    /// <summary>
    /// Opens a stream, sends one payment and then nothing, never half-closing, as a stalled department's client
    /// does; waits until the server has read the message, which is when a stream used to take the store's write lock.
    /// </summary>
    public static async Task<AsyncClientStreamingCall<StreamRecordsRequest, StreamRecordsResponse>> OpenStalledAsync(
        SubmissionService.SubmissionServiceClient client, string batchId)
    {
        var call = client.StreamRecords(deadline: Deadlines.Long);
        await call.RequestStream.WriteAsync(new StreamRecordsRequest
        {
            BatchId = batchId,
            Records = { Records.WelfarePayment("PAY-STALLED") },
        }).WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        return call;
    }
}
