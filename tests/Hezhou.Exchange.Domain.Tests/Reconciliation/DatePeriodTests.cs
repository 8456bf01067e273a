using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

public class DatePeriodTests
{
    private static DatePeriod Period(string start, string? end) =>
        new(DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end));

    [Theory]
    [InlineData("2023-01-01", "2023-06-30", "2023-06-30", null, "2023-06-30..2023-06-30")]
    [InlineData("2023-01-01", "2023-12-31", "2023-03-01", "2023-04-30", "2023-03-01..2023-04-30")]
    [InlineData("2023-01-01", null, "2023-03-01", "2023-04-30", "2023-03-01..2023-04-30")]
    [InlineData("2023-01-01", null, "2024-03-01", null, "2024-03-01..")]
    [InlineData("2023-01-01", "2023-01-01", "2023-01-01", "2023-01-01", "2023-01-01..2023-01-01")]
    public void Intersect_OverlappingPeriods_ReturnsTheSharedDaysEitherWayRound(
        string aStart, string? aEnd, string bStart, string? bEnd, string expected)
    {
        var a = Period(aStart, aEnd);
        var b = Period(bStart, bEnd);

        var ab = a.Intersect(b);
        var ba = b.Intersect(a);

        Assert.Equal(expected, ab?.ToString());
        Assert.Equal(expected, ba?.ToString());
    }

    [Theory]
    [InlineData("2023-01-01", "2023-06-30", "2023-07-01", null)]
    [InlineData("2023-01-01", "2023-06-30", "2023-07-01", "2023-12-31")]
    [InlineData("2024-01-01", null, "2023-01-01", "2023-12-31")]
    public void Intersect_OneEndingTheDayBeforeTheOtherStarts_ReturnsNull(
        string aStart, string? aEnd, string bStart, string? bEnd)
    {
        var a = Period(aStart, aEnd);
        var b = Period(bStart, bEnd);

        Assert.Null(a.Intersect(b));
        Assert.Null(b.Intersect(a));
    }

    [Theory]
    [InlineData("2023-01-01", true)]
    [InlineData("2023-06-30", true)]
    [InlineData("2022-12-31", false)]
    [InlineData("2023-07-01", false)]
    public void Contains_BothEnds_AreInside(string day, bool expected)
    {
        Assert.Equal(expected, Period("2023-01-01", "2023-06-30").Contains(DateOnly.Parse(day)));
    }

    [Fact]
    public void Contains_OpenEnded_RunsOnIndefinitely()
    {
        Assert.True(Period("2023-01-01", null).Contains(DateOnly.MaxValue));
    }

    [Fact]
    public void ToString_OpenEnded_EndsWithTwoDots()
    {
        Assert.Equal("2023-01-01..", Period("2023-01-01", null).ToString());
    }
}
