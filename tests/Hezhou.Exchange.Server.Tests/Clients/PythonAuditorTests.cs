using System.Text.Json;
using Google.Protobuf;
using Google.Type;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Clients;

/// <summary>
/// tests/Clients/python/auditor.py, with stubs generated from protos/ by Debian's protoc, against the real server:
/// what it prints is what the service holds.
/// </summary>
public sealed class PythonAuditorTests : IAsyncLifetime
{
    private static readonly Date AsOf = Records.Date(2023, 12, 31);
    private ServerProcess server = null!;

    public async Task InitializeAsync()
    {
        server = await ServerProcess.StartAsync();
        // Site HZ-S01: HH-0001 with nobody employed (a zero-employment-household discrepancy) and HH-0002 whose head
        // is employed. Site HZ-S02: HH-0003, also without employment, whose discrepancy is not HZ-S01's.
        var otherSite = Records.Site("HZ-S02");
        var elsewhere = Records.Household("HH-0003", seed: 2);
        elsewhere.Household.SiteCode = "HZ-S02";
        var relocation = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        await relocation.SubmitReconciledAsync(
            "reloc-1", Records.Site(), otherSite, Records.Household("HH-0001", seed: 0),
            Records.Household("HH-0002", seed: 1), elsewhere);
        var humanResources = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.HumanResources));
        await humanResources.SubmitReconciledAsync("hr-1", Records.Employment("EMP-0002", Records.HeadId(seed: 1)));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Auditor_PrintsTheStatisticsAndTheSitesOpenDiscrepancies_AsTheServiceHoldsThem()
    {
        var result = await RunAuditorAsync(
            DevelopmentKeys.Auditor, "--site", "HZ-S01", "--as-of", "2023-12-31", "--expect-open", "1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var printed = JsonDocument.Parse(result.StandardOutput);
        var audit = new AuditService.AuditServiceClient(server.Channel(DevelopmentKeys.Auditor));
        var statistics = await audit.GetStatisticsAsync(new GetStatisticsRequest { AsOfDate = AsOf }, Deadlines.Call);
        Assert.Equal(statistics, JsonParser.Default.Parse<GetStatisticsResponse>(printed.RootElement.GetProperty("statistics").GetRawText()));
        Assert.Equal(3, statistics.RelocatedHouseholds);

        var open = await audit.ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", SiteCode = "HZ-S01", Status = DiscrepancyStatus.Open }, Deadlines.Call);
        var listed = printed.RootElement.GetProperty("openDiscrepancies").EnumerateArray()
            .Select(d => JsonParser.Default.Parse<Discrepancy>(d.GetRawText()))
            .ToList();
        Assert.Equal(open.Discrepancies, listed);
        var discrepancy = Assert.Single(listed);
        Assert.Equal("zero-employment-household/HH-0001/", discrepancy.Key);
        // An auditor without the personal-data scope sees citizen IDs masked, in Python as anywhere.
        Assert.DoesNotContain(Records.HeadId(seed: 0), result.StandardOutput);
        Assert.Contains(Domain.Identity.CitizenId.Mask(Records.HeadId(seed: 0)), discrepancy.ExplanationEn);
    }

    [Fact]
    public async Task Auditor_ReadableReport_ListsTheDiscrepancy()
    {
        var result = await RunAuditorAsync(DevelopmentKeys.Auditor, "--site", "HZ-S01", "--as-of", "2023-12-31");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("relocated households", result.StandardOutput);
        Assert.Contains("Open discrepancies at site HZ-S01: 1", result.StandardOutput);
        Assert.Contains("zero-employment-household/HH-0001/", result.StandardOutput);
        Assert.DoesNotContain("HH-0003", result.StandardOutput);
    }

    [Fact]
    public async Task Auditor_WhatItReceivedDiffersFromTheExpectation_ExitsOne()
    {
        var result = await RunAuditorAsync(DevelopmentKeys.Auditor, "--site", "HZ-S01", "--expect-open", "2");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("MISMATCH: open discrepancies at the site: got 1, expected 2", result.StandardError);
    }

    [Fact]
    public async Task Auditor_WithADepartmentsKey_ReportsTheStatusAndReason()
    {
        var result = await RunAuditorAsync(DevelopmentKeys.Relocation, "--site", "HZ-S01");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("PERMISSION_DENIED ROLE_NOT_PERMITTED", result.StandardError);
    }

    private async Task<ProcessResult> RunAuditorAsync(string apiKey, params string[] arguments)
    {
        var stubs = await ClientTools.PythonStubsAsync();
        return await ChildProcess.RunAsync(
            ClientTools.Python,
            [ClientTools.AuditorScript, "--server", server.Address.Authority, "--api-key", apiKey, "--stubs", stubs, "--purpose", "case 2024-017",
                .. arguments]);
    }
}
