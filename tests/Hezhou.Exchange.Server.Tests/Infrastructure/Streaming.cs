using Grpc.Core;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>One batch streamed by StreamRecords, as a department's client sends it.</summary>
public static class Streaming
{
    /// <summary>
    /// Writes the chunks, half-closes and returns the server's answer. If the server ends the call while chunks are
    /// still being written, the failed write is not the answer: the call's status says why, as a client that reads the
    /// response after a failed write learns (the CLI's pusher does the same). Which of the two a client sees first
    /// depends on timing, so a test that asserted on the write would be flaky.
    /// </summary>
    public static async Task<StreamRecordsResponse> StreamAsync(
        SubmissionService.SubmissionServiceClient client, string batchId, DateTime deadline, IEnumerable<SubmissionRecord[]> chunks)
    {
        using var call = client.StreamRecords(deadline: deadline);
        try
        {
            foreach (var chunk in chunks)
            {
                await call.RequestStream.WriteAsync(new StreamRecordsRequest { BatchId = batchId, Records = { chunk } });
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The server ended the call; its status follows.
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
