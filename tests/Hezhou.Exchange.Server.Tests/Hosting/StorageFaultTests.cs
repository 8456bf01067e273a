using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.V1;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Tests.Hosting;

/// <summary>
/// The store failing under the server: a full disk and a read-only store fail the call with UNAVAILABLE naming the
/// cause and leave nothing of the batch behind; a store locked by another process (SQLITE_BUSY) is waited out by
/// running the unit of work again, so the client never sees it unless every retry fails.
/// </summary>
public sealed class StorageFaultTests
{
    private static readonly Dictionary<string, string?> WithoutReconciler = new() { ["Reconciliation:Enabled"] = "false" };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Submit_DiskFull_FailsUnavailableNamingTheDiskAndStoresNothingOfTheBatch(bool streamed)
    {
        var faults = new StoreFaults();
        await using var app = new ExchangeApplication(WithoutReconciler, storeInterceptors: faults);
        var client = app.Submissions(DevelopmentKeys.CivilAffairs);
        await client.SubmitBatchAsync(Records.Batch("before", Payments(0, 10)), Deadlines.Call);
        var before = await CountsAsync(app);

        faults.DiskFull = true;
        var status = await RpcAssert.FailsAsync(StatusCode.Unavailable, "STORAGE_UNAVAILABLE",
            () => SubmitAsync(client, "full", Payments(10, 2_000), streamed));

        Assert.Equal("DISK_FULL", status.GetDetail<ErrorInfo>().Metadata["cause"]);
        Assert.Contains("disk is full", status.Message);
        Assert.Equal(before, await CountsAsync(app));
        await AssertStillAnswersAsync(app, client, "full");

        faults.DiskFull = false;
        var stored = await SubmitAsync(client, "full", Payments(10, 2_000), streamed);
        Assert.Equal(2_000, stored.AcceptedCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Submit_StoreReadOnly_FailsUnavailableNamingReadOnlyAndStoresNothingOfTheBatch(bool streamed)
    {
        var faults = new StoreFaults();
        await using var app = new ExchangeApplication(WithoutReconciler, storeInterceptors: faults);
        var client = app.Submissions(DevelopmentKeys.CivilAffairs);
        await client.SubmitBatchAsync(Records.Batch("before", Payments(0, 10)), Deadlines.Call);
        var before = await CountsAsync(app);

        faults.ReadOnly = true;
        var status = await RpcAssert.FailsAsync(StatusCode.Unavailable, "STORAGE_UNAVAILABLE",
            () => SubmitAsync(client, "read-only", Payments(10, 50), streamed));

        Assert.Equal("READ_ONLY", status.GetDetail<ErrorInfo>().Metadata["cause"]);
        Assert.Contains("read-only", status.Message);
        Assert.Equal(before, await CountsAsync(app));
        await AssertStillAnswersAsync(app, client, "read-only");
    }

    [Fact]
    public async Task SubmitBatch_StoreBusyAtCommit_RunsAgainAndStoresTheBatchOnce()
    {
        var faults = new StoreFaults();
        await using var app = new ExchangeApplication(WithoutReconciler, storeInterceptors: faults);
        var client = app.Submissions(DevelopmentKeys.CivilAffairs);

        faults.BusyAtNextCommits(2);
        var response = await client.SubmitBatchAsync(Records.Batch("busy", Payments(0, 100)), Deadlines.Call);

        Assert.Equal(2, faults.BusyInjected);
        Assert.Equal(100, response.Batch.AcceptedCount);
        Assert.Equal((1, 100, 100, 0), Stored(await CountsAsync(app)));
    }

    [Fact]
    public async Task StreamRecords_StoreBusyBeforeAnyRecordIsRead_RunsAgainAndStoresTheBatchOnce()
    {
        var faults = new StoreFaults();
        await using var app = new ExchangeApplication(WithoutReconciler, storeInterceptors: faults);
        var client = app.Submissions(DevelopmentKeys.CivilAffairs);

        faults.BusyAtNextStarts(1);
        var batch = await SubmitAsync(client, "busy", Payments(0, 100), streamed: true);

        Assert.Equal(1, faults.BusyInjected);
        Assert.Equal(100, batch.AcceptedCount);
        Assert.Equal((1, 100, 100, 0), Stored(await CountsAsync(app)));
    }

    [Fact]
    public async Task StreamRecords_StoreBusyAtCommitAfterRecordsWereRead_RunsAgainFromTheSpoolAndStoresTheBatchOnce()
    {
        var faults = new StoreFaults();
        await using var app = new ExchangeApplication(WithoutReconciler, storeInterceptors: faults);
        var client = app.Submissions(DevelopmentKeys.CivilAffairs);

        faults.BusyAtNextCommits(1);
        var batch = await SubmitAsync(client, "busy", Payments(0, 100), streamed: true);

        Assert.Equal(1, faults.BusyInjected);
        Assert.Equal(100, batch.AcceptedCount);
        Assert.Equal((1, 100, 100, 0), Stored(await CountsAsync(app)));
    }

    [Fact]
    public async Task SubmitBatch_StoreBusyPastEveryRetry_FailsUnavailableNamingTheLockAndStoresNothing()
    {
        var faults = new StoreFaults();
        await using var app = new ExchangeApplication(WithoutReconciler, storeInterceptors: faults);
        var client = app.Submissions(DevelopmentKeys.CivilAffairs);

        faults.BusyAtNextStarts(1_000);
        var status = await RpcAssert.FailsAsync(StatusCode.Unavailable, "STORAGE_UNAVAILABLE",
            () => client.SubmitBatchAsync(Records.Batch("busy", Payments(0, 10)), Deadlines.Call).ResponseAsync);
        faults.BusyAtNextStarts(0);

        Assert.Equal("BUSY", status.GetDetail<ErrorInfo>().Metadata["cause"]);
        Assert.Equal(1 + Storage.SqliteBusyRetryingExecutionStrategy.MaxRetries, faults.BusyInjected);
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), await CountsAsync(app));
    }

    [Fact]
    public async Task GetPerson_StoreBusyWhenTheAccessLogIsWritten_AnswersAndLogsTheReadOnce()
    {
        var faults = new StoreFaults();
        await using var app = new ExchangeApplication(storeInterceptors: faults);
        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync("households", Records.Site(), Records.Household());

        faults.BusyAtNextCommits(1);
        var person = await app.Audit(DevelopmentKeys.Auditor).GetPersonAsync(
            new GetPersonRequest { CitizenId = Records.HeadId(), Purpose = "case 2024-17" }, Deadlines.Call);

        Assert.Equal(1, faults.BusyInjected);
        Assert.Equal("盘金福", person.Person.Name);
        await using var log = app.OpenAccessLog();
        Assert.Equal(1, await log.AccessLog.CountAsync(a => a.Subject == Records.HeadId()));
    }

    [Fact]
    public async Task GetPerson_StoreReadOnlyWhenTheAccessLogIsWritten_FailsUnavailableAndIsLoggedOnceWritableAgain()
    {
        var faults = new StoreFaults();
        await using var app = new ExchangeApplication(storeInterceptors: faults);
        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync("households", Records.Site(), Records.Household());
        var audit = app.Audit(DevelopmentKeys.Auditor);
        var request = new GetPersonRequest { CitizenId = Records.HeadId(), Purpose = "case 2024-17" };

        // The access log's writer opens its connection for its first entry, so it finds the store read-only.
        faults.ReadOnly = true;
        var status = await RpcAssert.FailsAsync(StatusCode.Unavailable, "STORAGE_UNAVAILABLE",
            () => audit.GetPersonAsync(request, Deadlines.Call).ResponseAsync);
        Assert.Equal("READ_ONLY", status.GetDetail<ErrorInfo>().Metadata["cause"]);

        // The connection that failed is not written through again: the next entry takes a writable one.
        faults.ReadOnly = false;
        var person = await audit.GetPersonAsync(request, Deadlines.Call);

        Assert.Equal("盘金福", person.Person.Name);
        await using var log = app.OpenAccessLog();
        Assert.Equal(1, await log.AccessLog.CountAsync(a => a.Subject == Records.HeadId()));
    }

    private static SubmissionRecord[] Payments(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i =>
        {
            var record = Records.WelfarePayment($"PAY-{i:D7}");
            record.WelfarePayment.Month = Records.Date(2000 + (i % 24), (i % 12) + 1, 0);
            return record;
        })];

    private static async Task<Batch> SubmitAsync(
        SubmissionService.SubmissionServiceClient client, string batchId, SubmissionRecord[] records, bool streamed)
    {
        if (!streamed)
        {
            return (await client.SubmitBatchAsync(Records.Batch(batchId, records), Deadlines.Call)).Batch;
        }
        return (await Streaming.StreamAsync(client, batchId, Deadlines.Short, records.Chunk(500))).Batch;
    }

    /// <summary>The server answers the health check and reads while its store refuses writes; the failed batch is absent.</summary>
    private static async Task AssertStillAnswersAsync(
        ExchangeApplication app, SubmissionService.SubmissionServiceClient client, string failedBatchId)
    {
        var health = await new Health.HealthClient(app.Channel(apiKey: null)).CheckAsync(new HealthCheckRequest(), Deadlines.Call);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        var earlier = await client.GetBatchAsync(new GetBatchRequest { BatchId = "before" }, Deadlines.Call);
        Assert.Equal(10, earlier.Batch.AcceptedCount);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "BATCH_NOT_FOUND",
            () => client.GetBatchAsync(new GetBatchRequest { BatchId = failedBatchId }, Deadlines.Call).ResponseAsync);
    }

    private static async Task<StoreCounts> CountsAsync(ExchangeApplication app)
    {
        await using var store = app.OpenStore();
        return new StoreCounts(
            await store.Batches.CountAsync(),
            await store.SourceVersions.CountAsync(),
            await store.SourceRecords.CountAsync(),
            await store.Quarantine.CountAsync(),
            await store.DirtyQueue.CountAsync());
    }

    private static (int Batches, int Versions, int Records, int Quarantined) Stored(StoreCounts counts) =>
        (counts.Batches, counts.Versions, counts.Records, counts.Quarantined);

    private sealed record StoreCounts(int Batches, int Versions, int Records, int Quarantined, int Queued);
}
