using Grpc.Core;
using Grpc.Health.V1;
using Hezhou.Exchange.V1;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Tests.Submissions;

public sealed class StreamRecordsTests
{
    [Fact]
    public async Task StreamRecords_HundredThousandRecordsOnRealKestrel_AllAcceptedAndQueued()
    {
        await using var server = await ServerProcess.StartAsync();
        var client = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.CivilAffairs));
        const int total = 100_000;

        using var call = client.StreamRecords(deadline: Deadlines.Long);
        for (var start = 0; start < total; start += 1_000)
        {
            var message = new StreamRecordsRequest { BatchId = "payments-2023" };
            message.Records.Add(Enumerable.Range(start, 1_000).Select(Payment));
            await call.RequestStream.WriteAsync(message);
        }
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal(total, response.Batch.RecordCount);
        Assert.Equal(total, response.Batch.AcceptedCount);
        Assert.Empty(response.Batch.Results);
        Assert.False(response.Batch.ResultsTruncated);
        var fetched = await client.GetBatchAsync(new GetBatchRequest { BatchId = "payments-2023" }, Deadlines.Call);
        Assert.Equal(response.Batch.WithoutState(), fetched.Batch.WithoutState());
    }

    [Fact]
    public async Task StreamRecords_BadRecordsAmongGood_ListsOnlyRejectionsWithGlobalIndexes()
    {
        await using var app = new ExchangeApplication();
        var client = app.Submissions(DevelopmentKeys.CivilAffairs);
        var bad = Payment(1_500);
        bad.WelfarePayment.Amount = Records.Yuan(-5);

        var response = await StreamAsync(client, "payments-1",
            [.. Enumerable.Range(0, 1_000).Select(Payment)],
            [.. Enumerable.Range(1_000, 500).Select(Payment), bad, Payment(1_501)]);

        Assert.Equal(1_502, response.Batch.RecordCount);
        Assert.Equal(1_501, response.Batch.AcceptedCount);
        var rejection = Assert.Single(response.Batch.Results);
        Assert.Equal(1_500, rejection.Index);
        Assert.Equal("welfare_payment.amount", Assert.Single(rejection.Violations).Field);
        await using var store = app.OpenStore();
        Assert.Equal(1_500, (await store.Quarantine.SingleAsync()).RecordIndex);
    }

    [Fact]
    public async Task StreamRecords_ManyRejections_ListsTheFirstThousandAndSaysSo()
    {
        await using var app = new ExchangeApplication();
        var bad = Enumerable.Range(0, 1_200).Select(i =>
        {
            var record = Payment(i);
            record.WelfarePayment.Amount.CurrencyCode = "USD";
            return record;
        }).ToArray();

        var response = await StreamAsync(app.Submissions(DevelopmentKeys.CivilAffairs), "bad-1", bad);

        Assert.Equal(1_200, response.Batch.RejectedCount);
        Assert.Equal(1_000, response.Batch.Results.Count);
        Assert.True(response.Batch.ResultsTruncated);
        await using var store = app.OpenStore();
        Assert.Equal(1_200, await store.Quarantine.CountAsync());
    }

    [Fact]
    public async Task StreamRecords_Replayed_ReturnsFirstOutcome()
    {
        await using var app = new ExchangeApplication();
        var client = app.Submissions(DevelopmentKeys.CivilAffairs);
        SubmissionRecord[] chunk = [.. Enumerable.Range(0, 10).Select(Payment)];

        var first = await StreamAsync(client, "payments-1", chunk);
        var replay = await StreamAsync(client, "payments-1", chunk[..4], chunk[4..]);

        Assert.Equal(first.Batch.WithoutState(), replay.Batch.WithoutState());
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "BATCH_ID_REUSED",
            () => StreamAsync(client, "payments-1", chunk[..9]));
    }

    [Fact]
    public async Task StreamRecords_MessagesWithDifferentBatchIds_FailsAndStoresNothing()
    {
        await using var app = new ExchangeApplication();
        using var call = app.Submissions(DevelopmentKeys.CivilAffairs).StreamRecords(deadline: Deadlines.Short);

        await call.RequestStream.WriteAsync(new StreamRecordsRequest { BatchId = "a-1", Records = { Payment(0) } });
        await call.RequestStream.WriteAsync(new StreamRecordsRequest { BatchId = "a-2", Records = { Payment(1) } });
        await call.RequestStream.CompleteAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () => call.ResponseAsync);
        Assert.Equal("batch_id", Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        await using var store = app.OpenStore();
        Assert.Equal(0, await store.SourceVersions.CountAsync());
    }

    [Fact]
    public async Task StreamRecords_ForeignKindAfterWrittenChunks_FailsAndStoresNothing()
    {
        await using var app = new ExchangeApplication();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "RECORD_KIND_NOT_PERMITTED", () =>
            StreamAsync(app.Submissions(DevelopmentKeys.CivilAffairs), "mixed-1",
                [.. Enumerable.Range(0, 2_500).Select(Payment)], [Records.Employment()]));

        await using var store = app.OpenStore();
        Assert.Equal(0, await store.SourceVersions.CountAsync());
        Assert.Equal(0, await store.DirtyQueue.CountAsync());
    }

    [Fact]
    public async Task StreamRecords_MoreRecordsThanTheStreamLimit_FailsWithResourceExhausted()
    {
        await using var app = new ExchangeApplication(new Dictionary<string, string?> { ["Limits:MaxRecordsPerStream"] = "100" });

        var status = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "STREAM_TOO_LONG", () =>
            StreamAsync(app.Submissions(DevelopmentKeys.CivilAffairs), "long-1", [.. Enumerable.Range(0, 101).Select(Payment)]));

        Assert.Contains("100", status.Message);
    }

    [Fact]
    public async Task StreamRecords_MessageAboveSizeLimit_FailsWithMessageTooLargeAndStoresNothing()
    {
        await using var app = new ExchangeApplication(new Dictionary<string, string?> { ["Limits:MaxMessageBytes"] = "65536" });
        var huge = Payment(1);
        huge.WelfarePayment.Person.Name = new string('名', 40_000);

        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "MESSAGE_TOO_LARGE", () =>
            StreamAsync(app.Submissions(DevelopmentKeys.CivilAffairs), "huge-1", [Payment(0)], [huge]));

        await using var store = app.OpenStore();
        Assert.Equal(0, await store.SourceVersions.CountAsync());
    }

    [Fact]
    public async Task StreamRecords_EmptyStream_FailsWithFieldViolation()
    {
        await using var app = new ExchangeApplication();
        using var call = app.Submissions(DevelopmentKeys.CivilAffairs).StreamRecords(deadline: Deadlines.Short);

        await call.RequestStream.CompleteAsync();

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () => call.ResponseAsync);
    }

    [Fact]
    public async Task HealthCheck_WithoutKey_IsServing()
    {
        await using var app = new ExchangeApplication();

        var response = await new Health.HealthClient(app.Channel(apiKey: null))
            .CheckAsync(new HealthCheckRequest(), Deadlines.Call);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private static SubmissionRecord Payment(int i)
    {
        var record = Records.WelfarePayment($"PAY-{i:D7}");
        record.WelfarePayment.Month = Records.Date(2000 + (i % 24), (i % 12) + 1, 0);
        return record;
    }

    private static Task<StreamRecordsResponse> StreamAsync(
        SubmissionService.SubmissionServiceClient client, string batchId, params SubmissionRecord[][] chunks) =>
        Streaming.StreamAsync(client, batchId, Deadlines.Long, chunks);
}
