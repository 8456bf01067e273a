using Hezhou.Exchange.Cli.Tests.EndToEnd;
using Google.Protobuf;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.Commands;

[Collection(EndToEndCollection.Name)]
public sealed class DemoCommandTests
{
    /// <summary>
    /// The acceptance test of DESIGN section 7: the default data set, pushed through real gRPC by the three departments
    /// at once and reconciled, gives every figure of the seed report. Long: 218,424 records are pushed and
    /// 14,596 households reconciled, 80 seconds on a two-core machine; filter it out with "Duration!=Long".
    /// </summary>
    [Fact]
    [Trait("Duration", "Long")]
    public async Task Demo_EmptyServer_ReproducesEverySeedFigureAndExits0()
    {
        await using var server = await ServerProcess.StartAsync();

        var result = await CommandLine.RunAsync(TimeSpan.FromMinutes(90),
            "demo", "--json", "--timeout", "5000", "--server", server.Address.ToString());

        Assert.True(result.ExitCode == 0, result.Messages);
        var statistics = JsonParser.Default.Parse<GetStatisticsResponse>(result.Json);
        Assert.Equal(Records.Date(2023, 12, 31), statistics.AsOfDate);
        Assert.Equal(25, statistics.Sites);
        Assert.Equal(16, statistics.LargeSites);
        Assert.Equal(9, statistics.SmallSites);
        Assert.Equal(61_620, statistics.RelocatedPersons);
        Assert.Equal(30_164, statistics.LabourForce);
        Assert.Equal(28_469, statistics.EmployedPersons);
        Assert.Equal(12_296, statistics.EmployedHouseholds);
        Assert.Equal("94.38", statistics.EmploymentRate.Percent);
        Assert.Equal(483, statistics.SelfEmployedPersons);
        Assert.Equal(14_052.35m, Yuan(statistics.PerCapitaAnnualIncome));
        Assert.Equal(10_635, statistics.UrbanDibaoRecipients);
        Assert.Equal(50_615_000m, Yuan(statistics.UrbanDibaoPaid));
        Assert.Equal(894, statistics.UrbanTekunRecipients);
        Assert.Equal(8_085_000m, Yuan(statistics.UrbanTekunPaid));
        Assert.Equal(2_491_000m, Yuan(statistics.CareAllowancePaid));
        Assert.Equal(3_858, statistics.DisabledPersons);
        Assert.Equal(1_509, statistics.DisabledLabourForce);
        Assert.Equal(888, statistics.DisabledEmployed);
        Assert.Equal("58.85", statistics.DisabledEmploymentRate.Percent);
        Assert.Equal("100.00", statistics.WillingHouseholdsWithEmploymentRate.Percent);
    }

    [Fact]
    public async Task Demo_StoreNotEmpty_RefusesAndExits6()
    {
        await using var server = await ServerProcess.StartAsync();
        var relocation = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        await relocation.SubmitReconciledAsync("earlier", Records.Site(), Records.Household());

        var result = await CommandLine.RunAsync("demo", "--server", server.Address.ToString());

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("already holds households", result.Messages);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Demo_ServerDown_NamesTheAddressAndExits3()
    {
        var address = $"http://127.0.0.1:{PushCommandTests.UnusedPort()}";

        var result = await CommandLine.RunAsync("demo", "--server", address);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"cannot reach the server at {address}/", result.Messages);
    }

    private static decimal Yuan(Google.Type.Money money)
    {
        Assert.Equal("CNY", money.CurrencyCode);
        return money.Units + money.Nanos / 1_000_000_000m;
    }
}
