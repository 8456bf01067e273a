using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Statistics;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.Server.Tests.Reconciliation;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hezhou.Exchange.Server.Tests.Statistics;

/// <summary>
/// The statistics of today come from the site sums the reconciler keeps; they must equal counting every reconciled
/// household afresh, for every scope, and follow the day when it changes.
/// </summary>
public sealed class IndicatorAggregatesTests
{
    private static readonly (string? County, string? Site)[] Scopes = [(null, null), ("451123", null), (null, "S-U"), (null, "S-R")];

    [Fact]
    public async Task GetStatistics_Today_FromTheSiteSumsEqualsCountingEveryHousehold()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await ScenarioRun.PushScenarioAsync(app);
        var today = new DateOnly(2024, 6, 30);

        await using (var store = app.OpenStore())
        {
            var sites = await store.SiteIndicators.ToListAsync();
            Assert.Equal(["S-R", "S-U"], sites.Select(s => s.SiteCode).Order());
            Assert.All(sites, s => Assert.Equal(today, s.AsOf));
        }
        foreach (var (county, site) in Scopes)
        {
            Assert.Equal(await CountedAfreshAsync(app, county, site, today), await StatisticsAsync(app, county, site));
        }
    }

    [Fact]
    public async Task GetStatistics_HouseholdMovedAndWithdrawn_SumsFollowTheChange()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await ScenarioRun.PushScenarioAsync(app);
        var before = await StatisticsAsync(app, null, "S-U");

        // HH-A moves from the urban site to the rural one; HH-C is withdrawn.
        var moved = ReconciliationScenario.Relocation.Single(r => r.SourceKey == "HH-A").Clone();
        moved.Household.SiteCode = "S-R";
        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync(
            "relocation-2", moved, Records.Withdrawal("HH-C", Hezhou.Exchange.V1.RecordKind.Household));

        foreach (var (county, site) in Scopes)
        {
            Assert.Equal(await CountedAfreshAsync(app, county, site, new DateOnly(2024, 6, 30)), await StatisticsAsync(app, county, site));
        }
        Assert.Equal(3, before.RelocatedPersons);
        Assert.Equal(0, (await StatisticsAsync(app, null, "S-U")).RelocatedPersons);
        await using var store = app.OpenStore();
        Assert.Equal(["S-R"], await store.SiteIndicators.Select(s => s.SiteCode).ToListAsync());
    }

    [Fact]
    public async Task GetStatistics_NextDay_SumsAreRefreshedForTheNewDay()
    {
        var clock = new MovableClock(FixedClock.MidYear2024.GetUtcNow());
        await using var app = new ExchangeApplication(clock: clock);
        await ScenarioRun.PushScenarioAsync(app);
        var before = await StatisticsAsync(app, null, null);

        // A year on, the child A3 is 15 and the employments of 2024 have lasted: the indicators move with the day.
        clock.Advance(TimeSpan.FromDays(365));
        var nextYear = new DateOnly(2025, 6, 30);
        await WaitUntilAsync(async () =>
        {
            await using var store = app.OpenStore();
            return await store.SiteIndicators.AllAsync(s => s.AsOf == nextYear);
        });

        var after = await StatisticsAsync(app, null, null);
        Assert.Equal(await CountedAfreshAsync(app, null, null, nextYear), after);
        Assert.NotEqual(before, after);
    }

    private static async Task<GetStatisticsResponse> StatisticsAsync(ExchangeApplication app, string? county, string? site)
    {
        var request = new GetStatisticsRequest();
        if (county is not null)
        {
            request.CountyCode = county;
        }
        if (site is not null)
        {
            request.SiteCode = site;
        }
        var response = await app.Audit(DevelopmentKeys.Auditor).GetStatisticsAsync(request, Deadlines.Call);
        response.OpenDiscrepanciesByRule.Clear();
        return response;
    }

    /// <summary>The indicators counted from every reconciled household in scope, as if no sum were kept.</summary>
    private static async Task<GetStatisticsResponse> CountedAfreshAsync(ExchangeApplication app, string? county, string? site, DateOnly asOf)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var policy = scope.ServiceProvider.GetRequiredService<ReconciliationPolicy>();
        var households = await IndicatorFacts.PerHouseholdAsync(
            db, db.Households.Where(h => (county == null || h.CountyCode == county) && (site == null || h.SiteCode == site)),
            asOf, policy, CancellationToken.None);
        return CityIndicators.From(asOf, IndicatorTally.Sum(households.Select(h => h.Tally))).ToProto();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The reconciler did not refresh the sums for the new day in time.");
            await Task.Delay(50);
        }
    }
}
