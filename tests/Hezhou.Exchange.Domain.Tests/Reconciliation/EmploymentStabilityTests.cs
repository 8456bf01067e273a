using Hezhou.Exchange.Domain.Reconciliation;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

public class EmploymentStabilityTests
{
    private static readonly DateOnly Day = Policies.AsOf;

    private static EmploymentFact Employment(DateOnly start, DateOnly? end = null) =>
        Household(People.Head()).Employed(People.HeadId, start, end).Build().Employments[0];

    [Theory]
    [InlineData("2025-06-30", null, true)]
    [InlineData("2025-01-01", "2025-06-30", true)]
    [InlineData("2025-01-01", "2025-06-29", false)]
    [InlineData("2025-07-01", null, false)]
    public void IsActiveOn_Period_CoversBothEnds(string start, string? end, bool expected)
    {
        var employment = Employment(DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end));

        Assert.Equal(expected, EmploymentStability.IsActiveOn(employment, Day));
    }

    [Fact]
    public void IsStableOn_LastedTheMinimumCountingBothEnds_IsStable()
    {
        // 2 April to 30 June is 29 + 31 + 30 = 90 days.
        var employment = Employment(new DateOnly(2025, 4, 2));

        Assert.Equal(90, EmploymentStability.DaysLastedOn(employment, Day));
        Assert.True(EmploymentStability.IsStableOn(employment, Day, Policies.Standard(stableMinimumDays: 90)));
    }

    [Fact]
    public void IsStableOn_OneDayShortOfTheMinimum_IsNotStable()
    {
        var employment = Employment(new DateOnly(2025, 4, 3));

        Assert.False(EmploymentStability.IsStableOn(employment, Day, Policies.Standard(stableMinimumDays: 90)));
    }

    [Fact]
    public void IsStableOn_EndedBeforeTheDay_IsNotStable()
    {
        var employment = Employment(new DateOnly(2020, 1, 1), Day.AddDays(-1));

        Assert.False(EmploymentStability.IsStableOn(employment, Day, Policies.Standard()));
    }

    [Fact]
    public void IsStableOn_MinimumChangedOverTime_UsesTheMinimumInForceThatDay()
    {
        var policy = Policies.Standard() with
        {
            StableEmploymentMinimumDays = new ThresholdSchedule<int>([(new DateOnly(2015, 1, 1), 30), (new DateOnly(2025, 6, 1), 180)]),
        };
        var employment = Employment(new DateOnly(2025, 4, 2));

        Assert.True(EmploymentStability.IsStableOn(employment, new DateOnly(2025, 5, 31), policy));
        Assert.False(EmploymentStability.IsStableOn(employment, Day, policy));
    }

    [Fact]
    public void IsStableOn_BeforeAnyMinimumTakesEffect_ActiveIsEnough()
    {
        var policy = Policies.Standard() with
        {
            StableEmploymentMinimumDays = new ThresholdSchedule<int>([(new DateOnly(2030, 1, 1), 90)]),
        };

        Assert.True(EmploymentStability.IsStableOn(Employment(Day), Day, policy));
    }

    [Theory]
    [InlineData("2025-05-31", 15)]
    [InlineData("2025-06-01", 16)]
    [InlineData("2026-05-31", 16)]
    [InlineData("2009-06-01", 0)]
    public void AgeOn_AroundABirthday_TurnsOlderOnTheBirthday(string day, int expected)
    {
        Assert.Equal(expected, EmploymentStability.AgeOn(new DateOnly(2009, 6, 1), DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("2024-02-28", 15)]
    [InlineData("2024-02-29", 16)]
    [InlineData("2025-02-28", 16)]
    [InlineData("2025-03-01", 17)]
    public void AgeOn_BornOnALeapDay_TurnsOlderOnTheFirstOfMarchInACommonYear(string day, int expected)
    {
        Assert.Equal(expected, EmploymentStability.AgeOn(new DateOnly(2008, 2, 29), DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData(16, "2024-02-29")]
    [InlineData(17, "2025-03-01")]
    public void DayOfTurning_BornOnALeapDay_IsTheLeapDayOrTheFirstOfMarch(int age, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), EmploymentStability.DayOfTurning(new DateOnly(2008, 2, 29), age));
    }
}
