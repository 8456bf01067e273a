using Google.Protobuf;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.Commands;

public sealed class QueryCommandTests
{
    private static readonly string Stranger = Records.CitizenId(1992, 3, 3, 61, "451121");

    [Fact]
    public async Task Stats_Json_PrintsOnlyAGetStatisticsResponse()
    {
        await using var server = await StartWithRecordsAsync();

        var result = await CommandLine.RunAsync("stats", "--json", "--as-of", "2023-12-31", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        var statistics = JsonParser.Default.Parse<GetStatisticsResponse>(result.Json);
        Assert.Equal(Records.Date(2023, 12, 31), statistics.AsOfDate);
        Assert.Equal(2, statistics.RelocatedPersons);
    }

    [Fact]
    public async Task Stats_Table_NamesEachIndicatorInBothLanguages()
    {
        await using var server = await StartWithRecordsAsync();

        var result = await CommandLine.RunAsync("stats", "--county", "451102", "--as-of", "2023-12-31", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("县区 / county 451102", result.Output);
        Assert.Matches(@"搬迁建档立卡贫困人口 / relocated persons\s*│\s*2\s*│", result.Output);
    }

    [Fact]
    public async Task Person_AuditorWithoutPersonalDataScope_ShowsTheCitizenIdMasked()
    {
        await using var server = await StartWithRecordsAsync();
        var citizenId = Records.HeadId();

        var result = await CommandLine.RunAsync("person", citizenId, "--purpose", "case 2024-17", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("451102************", result.Output);
        Assert.DoesNotContain(citizenId, result.Output);
        Assert.Contains("盘金福", result.Output);
        Assert.Contains("户主 / self", result.Output);
    }

    [Fact]
    public async Task Person_AuditorWithPersonalDataScope_ShowsTheFullCitizenId()
    {
        await using var server = await StartWithRecordsAsync();
        var citizenId = Records.HeadId();

        var result = await CommandLine.RunAsync("person", citizenId, "--purpose", "case 2024-17", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.AuditorWithPersonalData);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(citizenId, result.Output);
    }

    [Fact]
    public async Task Person_Unknown_SaysNotFoundAndExits5()
    {
        await using var server = await StartWithRecordsAsync();

        var result = await CommandLine.RunAsync("person", Records.CitizenId(2001, 1, 1, 99), "--purpose", "case 2024-17", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("PERSON_NOT_FOUND", result.Messages);
    }

    [Fact]
    public async Task Person_WithoutPurpose_IsAUsageErrorExit2()
    {
        var result = await CommandLine.RunAsync("person", Records.HeadId(), "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--purpose is required", result.Messages);
    }

    [Fact]
    public async Task Household_Table_ListsTheMembers()
    {
        await using var server = await StartWithRecordsAsync();

        var result = await CommandLine.RunAsync("household", "HH-0001", "--purpose", "case 2024-17", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("盘金福", result.Output);
        Assert.Contains("赵秀英", result.Output);
        Assert.Contains("HZ-S01 八步区城东安置区", result.Output);
    }

    [Fact]
    public async Task Discrepancies_Json_ParsesAsTheResponseWithTheUnknownPerson()
    {
        await using var server = await StartWithRecordsAsync();

        var result = await CommandLine.RunAsync("discrepancies", "--purpose", "case 2024-017", "--json", "--all", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        var response = JsonParser.Default.Parse<ListDiscrepanciesResponse>(result.Json);
        var unknown = Assert.Single(response.Discrepancies, d => d.Rule == DiscrepancyRule.UnknownPerson);
        Assert.Equal("451121************", unknown.Subject);
        Assert.Empty(response.NextPageToken);
    }

    [Fact]
    public async Task Discrepancies_FilteredByRule_ShowsOnlyThatRule()
    {
        await using var server = await StartWithRecordsAsync();

        var result = await CommandLine.RunAsync("discrepancies", "--purpose", "case 2024-017", "--rule", "unknown-person", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("查无此人 / unknown-person", result.Output);
        Assert.DoesNotContain("zero-employment-household", result.Output);
    }

    [Fact]
    public async Task Discrepancies_UnknownRule_ListsTheRulesAndExits2()
    {
        var result = await CommandLine.RunAsync("discrepancies", "--purpose", "case 2024-017", "--rule", "no-such-rule", "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("dibao-with-tekun", result.Messages);
    }

    [Fact]
    public async Task History_Household_ListsItsVersionWithSenderAndBatch()
    {
        await using var server = await StartWithRecordsAsync();

        var result = await CommandLine.RunAsync("history", "HH-0001", "--department", "relocation", "--kind", "household", "--purpose", "case 2024-17",
            "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("relocation-dev", result.Output);
        Assert.Contains("cli-tests-relocation", result.Output);
    }

    [Fact]
    public async Task Stats_CountyAndSite_IsAUsageErrorExit2()
    {
        var result = await CommandLine.RunAsync("stats", "--county", "451102", "--site", "HZ-S01", "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exclude each other", result.Messages);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageErrorExit2()
    {
        var result = await CommandLine.RunAsync("statistics");

        Assert.Equal(2, result.ExitCode);
    }

    /// <summary>A server holding one site, one household of two, and an employment of a person no household holds.</summary>
    private static async Task<ServerProcess> StartWithRecordsAsync()
    {
        var server = await ServerProcess.StartAsync();
        var relocation = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        await relocation.SubmitReconciledAsync("cli-tests-relocation", Records.Site(), Records.Household());
        var humanResources = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.HumanResources));
        await humanResources.SubmitReconciledAsync("cli-tests-human-resources", Records.Employment("EMP-X", Stranger));
        return server;
    }
}
