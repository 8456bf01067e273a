using Hezhou.Exchange.Server.Telemetry;

namespace Hezhou.Exchange.Server.Tests.Telemetry;

/// <summary>With an OTLP endpoint configured, traces, metrics and logs go there, and no full citizen ID does.</summary>
public sealed class OtlpExportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OtlpConfigured_ExportsTracesMetricsAndLogs_WithCitizenIdsMasked()
    {
        await using var receiver = new OtlpReceiver();
        var head = Records.HeadId();
        await using (var app = new ExchangeApplication(new Dictionary<string, string?>
        {
            ["Telemetry:Otlp:Endpoint"] = receiver.Endpoint.ToString(),
            ["Telemetry:Otlp:Protocol"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        }))
        {
            await app.Submissions(DevelopmentKeys.Relocation)
                .SubmitReconciledAsync("reloc-otlp", Records.Site(), Records.Household("HH-0001"));
            using var client = app.CreateClient();
            client.DefaultRequestHeaders.Add("x-api-key", DevelopmentKeys.AuditorWithPersonalData);
            var person = await client.GetStringAsync($"/v1/persons/{head}?purpose=otlp%20test");
            Assert.Contains(head, person); // the caller may see it; the telemetry may not

            Assert.True(await receiver.WaitForAsync("/v1/traces", $"/v1/persons/{CitizenIdMasked(head)}", Patience),
                "no span of the REST call reached the collector");
            Assert.True(await receiver.WaitForAsync("/v1/metrics", "exchange.records.received", Patience),
                "the exchange's metrics did not reach the collector");
            Assert.True(await receiver.WaitForAsync("/v1/logs", "reloc-otlp", Patience),
                "the batch's log record did not reach the collector");
        }

        var logs = receiver.Bodies("/v1/logs");
        Assert.Contains(logs, body => body.Contains("BatchId") && body.Contains("Principal") && body.Contains("relocation-dev"));
        Assert.DoesNotContain(receiver.Bodies(), body => body.Contains(head, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/v1/persons/45110219800512001X", "/v1/persons/451102************")]
    [InlineData("/v1/persons/45110219800512001X/access-log", "/v1/persons/451102************/access-log")]
    [InlineData("/v1/statistics", "/v1/statistics")]
    public void RedactPath_MasksEveryCitizenId(string path, string expected) =>
        Assert.Equal(expected, TelemetrySetup.RedactPath(path));

    private static string CitizenIdMasked(string citizenId) => Domain.Identity.CitizenId.Mask(citizenId);
}
