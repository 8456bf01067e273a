using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Cli.Tests.DataSet;

public sealed class DataSetReconciliationTests
{
    // Reconciliation judges as of "today": the test server's clock stands at mid-2024, production's later.
    private static readonly DateOnly[] ReconciliationDays = [new(2024, 6, 30), new(2026, 11, 26)];

    [Fact]
    public void Reconcile_Default_FindsNoDiscrepancy()
    {
        // The latest day is enough: every month an earlier day judges, it judges too, and jobs and dibao never end.
        var found = InMemoryReconciliation.FindingKeys(GeneratedCity.Default, ReconciliationDays[^1]);

        Assert.Empty(Assert.Single(found));
    }

    [Fact]
    public void Reconcile_EveryRuleInjected_FindsExactlyTheInjected()
    {
        var city = GeneratedCity.WithEveryRuleInjected;

        var found = InMemoryReconciliation.FindingKeys(city, ReconciliationDays);

        Assert.Equal(10 * GeneratedCity.InjectedPerRule, city.DataSet.Injected.Count);
        Assert.All(city.DataSet.Injected, i => Assert.StartsWith(Finding.Slug(i.Rule) + "/", i.Key, StringComparison.Ordinal));
        Assert.All(found, keys => Assert.Equal(city.DataSet.Injected.Select(i => i.Key).Order(StringComparer.Ordinal), keys));
    }

    [Fact]
    public void Figures_EveryRuleInjected_OnlyTheDuplicatesAddHouseholds()
    {
        var figures = CityFigures.Compute(GeneratedCity.WithEveryRuleInjected, CityFigures.ReportDate);

        Assert.Equal(
            CityFigures.SeedReport with
            {
                RelocatedHouseholds = CityFigures.SeedReport.RelocatedHouseholds + GeneratedCity.InjectedPerRule,
            },
            figures);
    }
}
