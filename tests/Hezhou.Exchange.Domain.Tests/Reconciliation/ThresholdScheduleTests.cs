using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

public class ThresholdScheduleTests
{
    private static readonly DateOnly First = new(2020, 1, 1);
    private static readonly DateOnly Second = new(2024, 7, 1);

    private static ThresholdSchedule<int> Schedule() => new([(Second, 700), (First, 600)]);

    [Fact]
    public void TryGetValueAt_BeforeTheFirstDate_ReturnsFalse()
    {
        var found = Schedule().TryGetValueAt(First.AddDays(-1), out _);

        Assert.False(found);
    }

    [Theory]
    [InlineData("2020-01-01", 600)]
    [InlineData("2024-06-30", 600)]
    [InlineData("2024-07-01", 700)]
    [InlineData("2099-01-01", 700)]
    public void TryGetValueAt_OnOrAfterAnEffectiveDate_ReturnsTheValueInForce(string day, int expected)
    {
        var found = Schedule().TryGetValueAt(DateOnly.Parse(day), out var value);

        Assert.True(found);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Constructor_StepsOutOfOrder_SortsThemByDate()
    {
        Assert.Equal([First, Second], Schedule().Steps.Select(s => s.EffectiveFrom));
    }

    [Fact]
    public void Constructor_NoSteps_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ThresholdSchedule<int>([]));
    }

    [Fact]
    public void Constructor_TwoStepsOnOneDay_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ThresholdSchedule<int>([(First, 1), (First, 2)]));
    }
}
