using Grpc.Core;
using Hezhou.Exchange.Server.Tests.Audit;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;
using Microsoft.EntityFrameworkCore;
using Department = Hezhou.Exchange.Domain.Department;

namespace Hezhou.Exchange.Server.Tests.Submissions;

/// <summary>
/// A department that opens a stream and stalls: the others are served meanwhile, and the stream ends with the limit it
/// passed, storing nothing.
/// </summary>
public sealed class StreamRecordsStallTests
{
    /// <summary>Generous, so that a loaded machine does not end the stream before the others have been served.</summary>
    private const int IdleSeconds = 20;

    /// <summary>What "served promptly" means for the calls made while the stream is idle.</summary>
    private static DateTime Prompt => DateTime.UtcNow.AddSeconds(10);

    [Fact]
    public async Task StreamRecords_IdleAfterOneMessage_OthersAreServedAndTheStreamEndsIdleStoringNothing()
    {
        await using var app = new ExchangeApplication(
            new Dictionary<string, string?> { ["Limits:StreamIdleTimeoutSeconds"] = IdleSeconds.ToString() },
            clock: FixedClock.MidYear2024);
        var discrepancy = await AuditData.PushEmployedStrangerAsync(app);
        var civilAffairs = app.Submissions(DevelopmentKeys.CivilAffairs);
        var relocation = app.Submissions(DevelopmentKeys.Relocation);
        var audit = app.Audit(DevelopmentKeys.Auditor);

        using var stalled = await Streaming.OpenStalledAsync(civilAffairs, "stalled-1");

        var submitted = SubmitAndReconcileAsync(relocation);
        var reviewed = audit.UpdateDiscrepancyAsync(
            new UpdateDiscrepancyRequest { Key = discrepancy, Action = DiscrepancyAction.Acknowledge, Note = "checking" },
            deadline: Prompt).ResponseAsync;
        await Task.WhenAll(submitted, reviewed).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, (await submitted).Batch.AcceptedCount);
        Assert.Equal(DiscrepancyStatus.Acknowledged, (await reviewed).Discrepancy.Status);
        Assert.False(stalled.ResponseAsync.IsCompleted, "The stream ended before the others were served.");
        var status = await RpcAssert.FailsAsync(StatusCode.DeadlineExceeded, "STREAM_IDLE",
            () => stalled.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(IdleSeconds + 60)));
        Assert.Contains("Limits:StreamIdleTimeoutSeconds", status.Message);
        await AssertNothingStoredAsync(app, civilAffairs, "stalled-1");
    }

    [Fact]
    public async Task StreamRecords_NoMessageAtAll_EndsIdleStoringNothing()
    {
        await using var app = new ExchangeApplication(
            new Dictionary<string, string?> { ["Limits:StreamIdleTimeoutSeconds"] = "1" });
        using var call = app.Submissions(DevelopmentKeys.CivilAffairs).StreamRecords(deadline: Deadlines.Long);

        await RpcAssert.FailsAsync(StatusCode.DeadlineExceeded, "STREAM_IDLE",
            () => call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(60)));

        await using var store = app.OpenStore();
        Assert.Equal(0, await store.Batches.CountAsync());
    }

    [Fact]
    public async Task StreamRecords_TricklingPastMaxDuration_FailsWithStreamDurationExceededStoringNothing()
    {
        await using var app = new ExchangeApplication(
            new Dictionary<string, string?> { ["Limits:MaxStreamDurationSeconds"] = "2" });
        var client = app.Submissions(DevelopmentKeys.CivilAffairs);
        using var call = client.StreamRecords(deadline: Deadlines.Long);

        // One message every quarter second, each well within the idle timeout, for longer than the stream may last.
        for (var i = 0; i < 240 && !call.ResponseAsync.IsCompleted; i++)
        {
            try
            {
                await call.RequestStream.WriteAsync(new StreamRecordsRequest
                {
                    BatchId = "trickle-1",
                    Records = { Records.WelfarePayment($"PAY-{i:D4}") },
                }).WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
            {
                break; // The server ended the call; its status follows.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var status = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "STREAM_DURATION_EXCEEDED",
            () => call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Limits:MaxStreamDurationSeconds", status.Message);
        await AssertNothingStoredAsync(app, client, "trickle-1");
    }

    private static async Task<SubmitBatchResponse> SubmitAndReconcileAsync(SubmissionService.SubmissionServiceClient client)
    {
        var response = await client.SubmitBatchAsync(Records.Batch("reloc-meanwhile", Records.Household()), deadline: Prompt);
        await client.WaitUntilReconciledAsync("reloc-meanwhile", TimeSpan.FromSeconds(10));
        return response;
    }

    private static async Task AssertNothingStoredAsync(
        ExchangeApplication app, SubmissionService.SubmissionServiceClient client, string batchId)
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, "BATCH_NOT_FOUND",
            () => client.GetBatchAsync(new GetBatchRequest { BatchId = batchId }, Deadlines.Call).ResponseAsync);
        await using var store = app.OpenStore();
        Assert.Equal(0, await store.SourceVersions.CountAsync(v => v.Department == Department.CivilAffairs));
        Assert.Equal(0, await store.Quarantine.CountAsync(q => q.Department == Department.CivilAffairs));
    }
}
