using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

public class DiscrepancyLifecycleTests
{
    [Theory]
    [InlineData(DiscrepancyStatus.Unspecified, DiscrepancyStatus.Open)]
    [InlineData(DiscrepancyStatus.Open, DiscrepancyStatus.Open)]
    [InlineData(DiscrepancyStatus.Acknowledged, DiscrepancyStatus.Acknowledged)]
    [InlineData(DiscrepancyStatus.Waived, DiscrepancyStatus.Waived)]
    [InlineData(DiscrepancyStatus.Resolved, DiscrepancyStatus.Open)]
    public void AfterFound_EachStatus_ReopensOnlyWhatWasResolved(DiscrepancyStatus status, DiscrepancyStatus expected)
    {
        Assert.Equal(expected, DiscrepancyLifecycle.AfterFound(status));
    }

    [Theory]
    [InlineData(DiscrepancyStatus.Open, DiscrepancyStatus.Resolved)]
    [InlineData(DiscrepancyStatus.Acknowledged, DiscrepancyStatus.Resolved)]
    [InlineData(DiscrepancyStatus.Waived, DiscrepancyStatus.Resolved)]
    [InlineData(DiscrepancyStatus.Resolved, DiscrepancyStatus.Resolved)]
    [InlineData(DiscrepancyStatus.Unspecified, DiscrepancyStatus.Unspecified)]
    public void AfterNoLongerFound_EachStatus_Resolves(DiscrepancyStatus status, DiscrepancyStatus expected)
    {
        Assert.Equal(expected, DiscrepancyLifecycle.AfterNoLongerFound(status));
    }

    [Theory]
    [InlineData(DiscrepancyStatus.Open, AuditorAction.Acknowledge, true, DiscrepancyStatus.Acknowledged)]
    [InlineData(DiscrepancyStatus.Open, AuditorAction.Waive, true, DiscrepancyStatus.Waived)]
    [InlineData(DiscrepancyStatus.Open, AuditorAction.Unspecified, false, DiscrepancyStatus.Open)]
    [InlineData(DiscrepancyStatus.Acknowledged, AuditorAction.Acknowledge, false, DiscrepancyStatus.Acknowledged)]
    [InlineData(DiscrepancyStatus.Acknowledged, AuditorAction.Waive, true, DiscrepancyStatus.Waived)]
    [InlineData(DiscrepancyStatus.Acknowledged, AuditorAction.Unspecified, false, DiscrepancyStatus.Acknowledged)]
    [InlineData(DiscrepancyStatus.Waived, AuditorAction.Acknowledge, false, DiscrepancyStatus.Waived)]
    [InlineData(DiscrepancyStatus.Waived, AuditorAction.Waive, false, DiscrepancyStatus.Waived)]
    [InlineData(DiscrepancyStatus.Waived, AuditorAction.Unspecified, false, DiscrepancyStatus.Waived)]
    [InlineData(DiscrepancyStatus.Resolved, AuditorAction.Acknowledge, false, DiscrepancyStatus.Resolved)]
    [InlineData(DiscrepancyStatus.Resolved, AuditorAction.Waive, false, DiscrepancyStatus.Resolved)]
    [InlineData(DiscrepancyStatus.Resolved, AuditorAction.Unspecified, false, DiscrepancyStatus.Resolved)]
    [InlineData(DiscrepancyStatus.Unspecified, AuditorAction.Acknowledge, false, DiscrepancyStatus.Unspecified)]
    [InlineData(DiscrepancyStatus.Unspecified, AuditorAction.Waive, false, DiscrepancyStatus.Unspecified)]
    [InlineData(DiscrepancyStatus.Unspecified, AuditorAction.Unspecified, false, DiscrepancyStatus.Unspecified)]
    public void TryAct_EveryStatusAndAction_AllowsOnlyTheLifecyclesSteps(
        DiscrepancyStatus current, AuditorAction action, bool allowed, DiscrepancyStatus expected)
    {
        var acted = DiscrepancyLifecycle.TryAct(current, action, "household visited on 2025-06-12", out var next, out var refusal);

        Assert.Equal(allowed, acted);
        Assert.Equal(expected, next);
        Assert.Equal(allowed, refusal.Length == 0);
    }

    [Theory]
    [InlineData(DiscrepancyStatus.Open, "")]
    [InlineData(DiscrepancyStatus.Open, "  \t")]
    [InlineData(DiscrepancyStatus.Acknowledged, "")]
    public void TryAct_WaiveWithoutANote_IsRefused(DiscrepancyStatus current, string note)
    {
        var acted = DiscrepancyLifecycle.TryAct(current, AuditorAction.Waive, note, out var next, out var refusal);

        Assert.False(acted);
        Assert.Equal(current, next);
        Assert.NotEmpty(refusal);
    }

    [Fact]
    public void TryAct_AcknowledgeWithoutANote_IsAllowed()
    {
        var acted = DiscrepancyLifecycle.TryAct(DiscrepancyStatus.Open, AuditorAction.Acknowledge, "", out var next, out _);

        Assert.True(acted);
        Assert.Equal(DiscrepancyStatus.Acknowledged, next);
    }

    [Fact]
    public void Lifecycle_WaivedAndFoundAgain_StaysWaived()
    {
        DiscrepancyLifecycle.TryAct(DiscrepancyStatus.Open, AuditorAction.Waive, "known case", out var waived, out _);

        var afterReconciliation = DiscrepancyLifecycle.AfterFound(waived);

        Assert.Equal(DiscrepancyStatus.Waived, afterReconciliation);
    }

    [Theory]
    [InlineData(DiscrepancyStatus.Unspecified, false)]
    [InlineData(DiscrepancyStatus.Open, true)]
    [InlineData(DiscrepancyStatus.Acknowledged, true)]
    [InlineData(DiscrepancyStatus.Waived, false)]
    [InlineData(DiscrepancyStatus.Resolved, false)]
    public void CanAnswer_EachStatus_OnlyWhileOpenOrAcknowledged(DiscrepancyStatus status, bool expected)
    {
        Assert.Equal(expected, DiscrepancyLifecycle.CanAnswer(status));
    }

    [Fact]
    public void Enums_Numbering_MatchesTheContract()
    {
        Assert.Equal([0, 1, 2, 3, 4], Enum.GetValues<DiscrepancyStatus>().Select(s => (int)s));
        Assert.Equal((1, 2), ((int)AuditorAction.Acknowledge, (int)AuditorAction.Waive));
        Assert.Equal((1, 2), ((int)DepartmentAnswer.WillCorrect, (int)DepartmentAnswer.Disputed));
    }
}
