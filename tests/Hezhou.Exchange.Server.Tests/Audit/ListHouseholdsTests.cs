using Grpc.Core;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Audit;

public sealed class ListHouseholdsTests
{
    private static readonly string[] SevenHouseholds = [.. Enumerable.Range(1, 7).Select(i => $"HH-000{i}")];

    /// <summary>Seven households HH-0001..HH-0007 at site HZ-S01, none with employment.</summary>
    private static async Task PushSevenHouseholdsAsync(ExchangeApplication app) =>
        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync(
            "reloc-7", [Records.Site(), .. SevenHouseholds.Select((id, i) => Records.Household(id, seed: i))]);

    [Fact]
    public async Task ListHouseholds_SevenHouseholdsPageSizeThree_ThreePagesWithoutGapsOrDuplicates()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await PushSevenHouseholdsAsync(app);
        var audit = app.Audit(DevelopmentKeys.Auditor);

        var pages = new List<List<string>>();
        var request = new ListHouseholdsRequest { PageSize = 3 };
        do
        {
            var page = await audit.ListHouseholdsAsync(request, Deadlines.Call);
            pages.Add([.. page.Households.Select(h => h.HouseholdId)]);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(SevenHouseholds, pages.SelectMany(p => p));
    }

    [Fact]
    public async Task ListHouseholds_HouseholdInsertedBeforeCursorBetweenPages_LaterPagesUnchanged()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await PushSevenHouseholdsAsync(app);
        var audit = app.Audit(DevelopmentKeys.Auditor);
        var first = await audit.ListHouseholdsAsync(new ListHouseholdsRequest { PageSize = 3 }, Deadlines.Call);

        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync("reloc-8", Records.Household("HH-0000", seed: 7));
        var second = await audit.ListHouseholdsAsync(
            new ListHouseholdsRequest { PageSize = 3, PageToken = first.NextPageToken }, Deadlines.Call);
        var third = await audit.ListHouseholdsAsync(
            new ListHouseholdsRequest { PageSize = 3, PageToken = second.NextPageToken }, Deadlines.Call);

        Assert.Equal(["HH-0004", "HH-0005", "HH-0006"], second.Households.Select(h => h.HouseholdId));
        Assert.Equal(["HH-0007"], third.Households.Select(h => h.HouseholdId));
        Assert.Equal("", third.NextPageToken);
    }

    [Fact]
    public async Task ListHouseholds_FilteredBySiteCountyAndRule_SummariesWithCounts()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await PushSevenHouseholdsAsync(app);
        var audit = app.Audit(DevelopmentKeys.Auditor);

        var bySite = await audit.ListHouseholdsAsync(
            new ListHouseholdsRequest { SiteCode = "HZ-S01", CountyCode = "451102", Rule = DiscrepancyRule.ZeroEmploymentHousehold },
            Deadlines.Call);
        var otherCounty = await audit.ListHouseholdsAsync(new ListHouseholdsRequest { CountyCode = "451123" }, Deadlines.Call);
        var otherRule = await audit.ListHouseholdsAsync(
            new ListHouseholdsRequest { Rule = DiscrepancyRule.DibaoWithTekun }, Deadlines.Call);

        Assert.Equal(SevenHouseholds, bySite.Households.Select(h => h.HouseholdId));
        Assert.All(bySite.Households, h => Assert.Equal(2, h.MemberCount));
        Assert.All(bySite.Households, h => Assert.True(h.OpenDiscrepancyCount >= 1));
        Assert.All(bySite.Households, h => Assert.Equal("451102", h.CountyCode));
        Assert.Empty(otherCounty.Households);
        Assert.Empty(otherRule.Households);
        Assert.Equal("", bySite.NextPageToken);
    }

    [Fact]
    public async Task ListHouseholds_NegativePageSize_FailsWithInvalidArgumentOnPageSize()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor).ListHouseholdsAsync(
                new ListHouseholdsRequest { PageSize = -1 }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["page_size"], AuditData.ViolatedFields(status));
    }

    [Fact]
    public async Task ListHouseholds_PageSizeAboveMaximum_LoweredNotRefused()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await PushSevenHouseholdsAsync(app);

        var response = await app.Audit(DevelopmentKeys.Auditor).ListHouseholdsAsync(
            new ListHouseholdsRequest { PageSize = 5000 }, Deadlines.Call);

        Assert.Equal(7, response.Households.Count);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJWIjoxfQ")]
    [InlineData("!!!")]
    public async Task ListHouseholds_TokenNotIssuedByServer_FailsWithInvalidPageToken(string token)
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN", () =>
            app.Audit(DevelopmentKeys.Auditor).ListHouseholdsAsync(
                new ListHouseholdsRequest { PageToken = token }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["page_token"], AuditData.ViolatedFields(status));
    }

    [Fact]
    public async Task ListHouseholds_TokenReusedWithOtherFilters_FailsWithInvalidPageToken()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await PushSevenHouseholdsAsync(app);
        var audit = app.Audit(DevelopmentKeys.Auditor);
        var first = await audit.ListHouseholdsAsync(new ListHouseholdsRequest { PageSize = 3 }, Deadlines.Call);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN", () =>
            audit.ListHouseholdsAsync(
                new ListHouseholdsRequest { PageSize = 3, SiteCode = "HZ-S01", PageToken = first.NextPageToken },
                Deadlines.Call).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN", () =>
            audit.ListDiscrepanciesAsync(
                new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", PageSize = 3, PageToken = first.NextPageToken }, Deadlines.Call).ResponseAsync);
    }
}
