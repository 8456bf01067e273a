using Grpc.Core;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.Server.Tests.Reconciliation;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Statistics;

public sealed class GetStatisticsTests
{
    private static readonly Google.Type.Date EndOf2023 = Records.Date(2023, 12, 31);

    [Fact]
    public async Task GetStatistics_City_ComputesEveryIndicatorFromTheReconciledStore()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await ScenarioRun.PushScenarioAsync(app);

        var stats = await app.Audit(DevelopmentKeys.Auditor)
            .GetStatisticsAsync(new GetStatisticsRequest { AsOfDate = EndOf2023 }, Deadlines.Call);

        // Living members on 2023-12-31: A1, A2, A3 at the urban site; B2 and C1 at the rural one (B1 died in March;
        // the stranger X belongs to no household).
        Assert.Equal((2, 0, 2), (stats.Sites, stats.LargeSites, stats.SmallSites));
        Assert.Equal(5, stats.RelocatedPersons);
        Assert.Equal(3, stats.RelocatedHouseholds);
        // Labour force: A1, A2, B2 (weak), C1 — not A3, 13 and at school. Employed: A1 and C1 (A3's job starts in 2024).
        Assert.Equal(4, stats.LabourForce);
        Assert.Equal(2, stats.EmployedPersons);
        Assert.Equal(2, stats.EmployedHouseholds);
        Assert.Equal(new Rate { Numerator = 2, Denominator = 4, Percent = "50.00" }, stats.EmploymentRate);
        Assert.Equal(0, stats.SelfEmployedPersons);
        // (5,000 + 700) × 12 / 5 persons.
        Assert.Equal(Records.Yuan(13_680), stats.PerCapitaAnnualIncome);
        Assert.Equal(1, stats.UrbanDibaoRecipients);
        Assert.Equal(0, stats.UrbanTekunRecipients);
        Assert.Equal(0, stats.DisabledPersons);
        Assert.Equal(new Rate { Numerator = 0, Denominator = 0, Percent = "" }, stats.DisabledEmploymentRate);
        // Households with a willing worker: HH-A (A1), HH-B (B2), HH-C (C1); HH-B has nobody employed.
        Assert.Equal(new Rate { Numerator = 2, Denominator = 3, Percent = "66.67" }, stats.WillingHouseholdsWithEmploymentRate);
        Assert.Equal(
            [(EmploymentChannel.LabourExport, 1L), (EmploymentChannel.AssistanceWorkshop, 1L)],
            stats.EmployedByChannel.Select(c => (c.Channel, c.Persons)));
        Assert.Equal(10, stats.OpenDiscrepanciesByRule.Count);
        Assert.All(stats.OpenDiscrepanciesByRule, r => Assert.Equal(1, r.Count));
        Assert.Equal(EndOf2023, stats.AsOfDate);
    }

    [Fact]
    public async Task GetStatistics_CountyOrSite_CountsOnlyItsHouseholds()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await ScenarioRun.PushScenarioAsync(app);
        var audit = app.Audit(DevelopmentKeys.Administrator);

        var fuchuan = await audit.GetStatisticsAsync(new GetStatisticsRequest { CountyCode = "451123", AsOfDate = EndOf2023 }, Deadlines.Call);
        var urbanSite = await audit.GetStatisticsAsync(new GetStatisticsRequest { SiteCode = "S-U", AsOfDate = EndOf2023 }, Deadlines.Call);

        Assert.Equal((1, 2L, 2L), (fuchuan.Sites, fuchuan.RelocatedPersons, fuchuan.RelocatedHouseholds));
        Assert.Equal(
            [DiscrepancyRule.BenefitAfterDeath, DiscrepancyRule.DibaoWithTekun, DiscrepancyRule.ZeroEmploymentHousehold],
            fuchuan.OpenDiscrepanciesByRule.Select(r => r.Rule));
        Assert.Equal((1, 3L, 1L), (urbanSite.Sites, urbanSite.RelocatedPersons, urbanSite.UrbanDibaoRecipients));
    }

    [Fact]
    public async Task GetStatistics_EarlierDate_JudgesByThatDay()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await ScenarioRun.PushScenarioAsync(app);

        var stats = await app.Audit(DevelopmentKeys.Auditor)
            .GetStatisticsAsync(new GetStatisticsRequest { AsOfDate = Records.Date(2022, 12, 31) }, Deadlines.Call);

        // B1 was alive then, and rural dibao recipients are not urban ones.
        Assert.Equal(6, stats.RelocatedPersons);
        Assert.Equal(1, stats.UrbanDibaoRecipients);
    }

    [Theory]
    [InlineData("4511", null, "county_code")]
    [InlineData(null, "", "site_code")]
    public async Task GetStatistics_MalformedScope_FailsNamingTheField(string? county, string? site, string field)
    {
        await using var app = new ExchangeApplication();
        var request = new GetStatisticsRequest();
        if (county is not null)
        {
            request.CountyCode = county;
        }
        if (site is not null)
        {
            request.SiteCode = site;
        }

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor).GetStatisticsAsync(request, Deadlines.Call).ResponseAsync);

        Assert.Equal(field, Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task GetStatistics_ImpossibleDate_FailsNamingTheField()
    {
        await using var app = new ExchangeApplication();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor)
                .GetStatisticsAsync(new GetStatisticsRequest { AsOfDate = Records.Date(2023, 2, 29) }, Deadlines.Call).ResponseAsync);

        Assert.Equal("as_of_date", Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }
}
