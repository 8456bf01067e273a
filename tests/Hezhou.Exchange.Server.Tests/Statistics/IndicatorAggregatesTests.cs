using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Reconciliation;
using Hezhou.Exchange.Server.Statistics;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.Server.Tests.Reconciliation;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hezhou.Exchange.Server.Tests.Statistics;

/// <summary>
/// The statistics of today come from the sums per scope the reconciler keeps; they must equal counting every reconciled
/// household afresh, for every scope, follow the day when it changes, and be summed again on start for a store that
/// has household tallies but no sums.
/// </summary>
public sealed class IndicatorAggregatesTests
{
    private static readonly (string? County, string? Site)[] Scopes = [(null, null), ("451123", null), (null, "S-U"), (null, "S-R")];

    [Fact]
    public async Task GetStatistics_Today_FromTheScopeSumsEqualsCountingEveryHousehold()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await ScenarioRun.PushScenarioAsync(app);
        var today = new DateOnly(2024, 6, 30);

        await using (var store = app.OpenStore())
        {
            var sums = await store.IndicatorSums.ToListAsync();
            Assert.Equal(["city", "county:451102", "county:451123", "site:S-R", "site:S-U"], sums.Select(s => s.Scope).Order(StringComparer.Ordinal));
            Assert.All(sums, s => Assert.Equal(today, s.AsOf));
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
        Assert.Equal(["city", "county:451123", "site:S-R"],
            (await store.IndicatorSums.Select(s => s.Scope).ToListAsync()).Order(StringComparer.Ordinal));
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
        await Polling.UntilAsync(
            async () =>
            {
                await using var store = app.OpenStore();
                return await store.IndicatorSums.AllAsync(s => s.AsOf == nextYear && s.HouseholdsOfAsOf == s.Households);
            },
            "The reconciler did not refresh the sums for the new day in time.");

        var after = await StatisticsAsync(app, null, null);
        Assert.Equal(await CountedAfreshAsync(app, null, null, nextYear), after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task GetStatistics_StoreWithTalliesButNoSums_SumsEveryScopeAgainOnStart()
    {
        var path = TestPaths.NewDatabasePath();
        try
        {
            List<(string, DateOnly, int, int, GetStatisticsResponse)> kept;
            await using (var first = new ExchangeApplication(databasePath: path, clock: FixedClock.MidYear2024))
            {
                await ScenarioRun.PushScenarioAsync(first);
                await using var store = first.OpenStore();
                kept = await SumsAsync(store);
                // As a store migrated from the sums per site is left: household tallies, and no sums.
                await store.IndicatorSums.ExecuteDeleteAsync();
            }

            await using var restarted = new ExchangeApplication(
                new Dictionary<string, string?> { ["Reconciliation:Enabled"] = "false" }, path, FixedClock.MidYear2024);
            // The first call starts the server; the sums are back before it takes calls.
            foreach (var (county, site) in Scopes)
            {
                Assert.Equal(await CountedAfreshAsync(restarted, county, site, new DateOnly(2024, 6, 30)),
                    await StatisticsAsync(restarted, county, site));
            }
            await using (var store = restarted.OpenStore())
            {
                Assert.Equal(kept, await SumsAsync(store));
            }
        }
        finally
        {
            TestPaths.DeleteDatabase(path);
        }

        // The tallies compared by the indicators they give: their JSON may list a dictionary's keys in another order.
        static async Task<List<(string, DateOnly, int, int, GetStatisticsResponse)>> SumsAsync(ExchangeDbContext store) =>
            [.. (await store.IndicatorSums.AsNoTracking().ToListAsync())
                .OrderBy(s => s.Scope, StringComparer.Ordinal)
                .Select(s => (s.Scope, s.AsOf, s.Households, s.HouseholdsOfAsOf,
                    CityIndicators.From(s.AsOf, StoredJson.Read<IndicatorTally>(s.Tally)).ToProto()))];
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
}
