using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Reconciliation;

public sealed class ReconciliationRulesTests
{
    [Fact]
    public async Task Reconcile_ScenarioOfThreeDepartments_FindsExactlyOneDiscrepancyPerRule()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        await ScenarioRun.PushScenarioAsync(app);
        var open = await ScenarioRun.ListAllAsync(app, DiscrepancyStatus.Open);

        Assert.Equal(
            ReconciliationScenario.ExpectedKeys.Values.Order(StringComparer.Ordinal),
            open.Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.All(open, d => Assert.Equal(ReconciliationScenario.ExpectedKeys[d.Rule], d.Key));
        Assert.All(open, d => Assert.NotEmpty(d.Sources));
        Assert.All(open, d => Assert.NotEmpty(d.ExplanationZh));
        Assert.All(open, d => Assert.NotEmpty(d.ExplanationEn));
    }

    [Theory]
    [InlineData(DiscrepancyRule.IdentityMismatch)]
    [InlineData(DiscrepancyRule.DuplicateMembership)]
    [InlineData(DiscrepancyRule.BenefitAfterDeath)]
    [InlineData(DiscrepancyRule.UrbanAndRuralDibao)]
    [InlineData(DiscrepancyRule.DibaoWithTekun)]
    [InlineData(DiscrepancyRule.RuralBenefitAtUrbanSite)]
    [InlineData(DiscrepancyRule.IncomeAboveDibaoLine)]
    [InlineData(DiscrepancyRule.ZeroEmploymentHousehold)]
    [InlineData(DiscrepancyRule.EmploymentWithoutCapacity)]
    [InlineData(DiscrepancyRule.UnknownPerson)]
    public async Task Reconcile_CorrectedRecords_ResolvesTheDiscrepancyOnce(DiscrepancyRule rule)
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await ScenarioRun.PushScenarioAsync(app);
        var (apiKey, correction) = ReconciliationScenario.Correction(rule);

        await app.Submissions(apiKey).SubmitReconciledAsync("correction-1", correction);
        // Reconciling the corrected unit again must neither reopen nor duplicate the discrepancy.
        await app.Submissions(apiKey).SubmitReconciledAsync("correction-2", correction);

        var key = ReconciliationScenario.ExpectedKeys[rule];
        var matching = (await ScenarioRun.ListAllAsync(app)).Where(d => d.Key == key).ToList();
        var discrepancy = Assert.Single(matching);
        Assert.Equal(DiscrepancyStatus.Resolved, discrepancy.Status);
        Assert.Equal([DiscrepancyStatus.Open, DiscrepancyStatus.Resolved], discrepancy.History.Select(e => e.Status));
        Assert.DoesNotContain(await ScenarioRun.ListAllAsync(app, DiscrepancyStatus.Open), d => d.Key == key);
    }

    [Fact]
    public async Task Reconcile_SameRecordsAgain_DoesNotDuplicateDiscrepancies()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await ScenarioRun.PushScenarioAsync(app);
        var first = await ScenarioRun.ListAllAsync(app, DiscrepancyStatus.Open);

        var relocation = app.Submissions(DevelopmentKeys.Relocation);
        var changed = ReconciliationScenario.Relocation.Select(r => r.Clone()).ToArray();
        foreach (var household in changed.Where(r => r.Household is not null))
        {
            household.Household.Address = "2栋202";
        }
        await relocation.SubmitReconciledAsync("relocation-2", changed);

        var again = await ScenarioRun.ListAllAsync(app, DiscrepancyStatus.Open);
        Assert.Equal(first.Select(d => d.Key).Order(StringComparer.Ordinal), again.Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.All(again, d => Assert.Equal([DiscrepancyStatus.Open], d.History.Select(e => e.Status)));
    }
}
