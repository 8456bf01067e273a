using System.Net;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Telemetry;

/// <summary>The Prometheus scrape endpoint: the exchange's own metrics, per department, after real submissions.</summary>
[Collection(InProcessMetricsCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_AfterSubmissions_CountRecordsPerDepartment()
    {
        await using var server = await ServerProcess.StartAsync();
        var relocation = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        var broken = Records.Household("HH-0002", seed: 1);
        broken.Household.Members[0].CitizenId = Records.HeadId(seed: 1)[..17] + "0";
        var batch = Records.Batch("reloc-1", Records.Site(), Records.Household("HH-0001"), broken);
        await relocation.SubmitBatchAsync(batch, Deadlines.Call);
        await relocation.SubmitBatchAsync(batch, Deadlines.Call); // a replay stores nothing and counts nothing
        var humanResources = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.HumanResources));
        await humanResources.SubmitBatchAsync(Records.Batch("hr-1", Records.Employment()), Deadlines.Call);

        var metrics = await ScrapeAsync(server);

        var relocationOffice = ("department", "relocation");
        Assert.Equal(3, metrics.Value("exchange_records_received_total", relocationOffice));
        Assert.Equal(2, metrics.Value("exchange_records_accepted_total", relocationOffice));
        Assert.Equal(0, metrics.Value("exchange_records_unchanged_total", relocationOffice));
        Assert.Equal(1, metrics.Value("exchange_records_rejected_total", relocationOffice));
        Assert.Equal(1, metrics.Value("exchange_batches_stored_total", relocationOffice));
        Assert.Equal(1, metrics.Value("exchange_records_received_total", ("department", "human-resources")));
        Assert.Equal(1, metrics.Value("exchange_records_accepted_total", ("department", "human-resources")));
        Assert.Empty(metrics.Samples("exchange_records_received_total", ("department", "civil-affairs")));
        Assert.Equal(3, metrics.Value(
            "exchange_rpc_server_duration_seconds_count",
            ("rpc_service", "hezhou.exchange.v1.SubmissionService"), ("rpc_method", "SubmitBatch"),
            ("rpc_grpc_status_code", "OK")));
        Assert.Single(metrics.Samples("exchange_dirty_queue_length"));
        Assert.Single(metrics.Samples("exchange_reconcile_lag_seconds"));
    }

    [Fact]
    public async Task AccessLogMetrics_AfterReads_CountCommitsEntriesWaitsAndIndexBatches()
    {
        // Batches of two, so that the reads below are indexed by subject without a second's wait.
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string> { ["AccessLog:IndexBatch"] = "2" });
        var relocation = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        await relocation.SubmitReconciledAsync("reloc-1", Records.Site(), Records.Household("HH-0001"));
        var audit = new AuditService.AuditServiceClient(server.Channel(DevelopmentKeys.Auditor));

        // One after another, so that each read's entries are a commit of their own: two reads of one entry, and a
        // household's read of one entry per member.
        await audit.GetPersonAsync(new GetPersonRequest { CitizenId = Records.HeadId(), Purpose = "case M-1" }, Deadlines.Call);
        await audit.GetPersonAsync(new GetPersonRequest { CitizenId = Records.HeadId(), Purpose = "case M-2" }, Deadlines.Call);
        var household = await audit.GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = "case M-3" }, Deadlines.Call);
        var entries = 2 + household.Household.Members.Count;
        PrometheusText metrics = null!;
        await Polling.UntilAsync(
            async () =>
            {
                metrics = await ScrapeAsync(server);
                return metrics.Samples("exchange_access_log_index_duration_seconds_count").Sum() >= 1;
            },
            "The access log's reads were never indexed by subject.");

        Assert.True(household.Household.Members.Count > 1, "the household's read should log more than one entry");
        Assert.Equal(3, metrics.Value("exchange_access_log_commits_total"));
        Assert.Equal(entries, metrics.Value("exchange_access_log_entries_total"));
        Assert.Equal(3, metrics.Value("exchange_access_log_wait_seconds_count"));
        Assert.True(metrics.Value("exchange_access_log_wait_seconds_sum") > 0, metrics.Text);
        Assert.True(metrics.Value("exchange_access_log_index_duration_seconds_sum") > 0, metrics.Text);
    }

    [Fact]
    public async Task DirtyQueueGauges_WhileNothingReconciles_ShowTheQueueAndItsAge()
    {
        await using var app = new ExchangeApplication(new Dictionary<string, string?> { ["Reconciliation:Enabled"] = "false" });
        await app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(
            Records.Batch("reloc-1", Records.Site(), Records.Household("HH-0001")), Deadlines.Call);
        await Task.Delay(TimeSpan.FromMilliseconds(1100)); // past the probe's one-second cache, and some lag

        using var client = app.CreateClient();
        var metrics = new PrometheusText(await client.GetStringAsync("/metrics"));

        await using var store = app.OpenStore();
        Assert.Equal(store.DirtyQueue.Count(), metrics.Value("exchange_dirty_queue_length"));
        Assert.True(metrics.Value("exchange_dirty_queue_length") > 0);
        Assert.True(metrics.Value("exchange_reconcile_lag_seconds") >= 1, metrics.Text);
    }

    [Fact]
    public async Task Metrics_Disabled_AreNotServed()
    {
        await using var app = new ExchangeApplication(new Dictionary<string, string?> { ["Telemetry:Prometheus:Enabled"] = "false" });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_RestrictedToAHost_AreServedOnlyThere()
    {
        await using var app = new ExchangeApplication(
            new Dictionary<string, string?> { ["Telemetry:Prometheus:RequireHost:0"] = "metrics.internal:9464" });
        using var client = app.CreateClient();

        using var elsewhere = await client.GetAsync("/metrics");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = "metrics.internal:9464" } };
        using var there = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, there.StatusCode);
    }

    private static async Task<PrometheusText> ScrapeAsync(ServerProcess server)
    {
        using var client = new HttpClient
        {
            BaseAddress = server.Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        return new PrometheusText(await client.GetStringAsync("/metrics"));
    }
}
