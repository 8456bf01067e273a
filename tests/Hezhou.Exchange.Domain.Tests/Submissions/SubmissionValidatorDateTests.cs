using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

// The date rules, through an employment's start and end dates (reference date 2025-06-30).
public class SubmissionValidatorDateTests
{
    [Theory]
    [InlineData(2000, 2, 29)]
    [InlineData(2024, 2, 29)]
    [InlineData(1900, 1, 1)]
    [InlineData(2025, 6, 30)]
    public void Validate_RealDayWithinBounds_IsAccepted(int year, int month, int day)
    {
        Expect.Valid(Samples.Employment() with { StartDate = new CalendarDate(year, month, day) });
    }

    [Theory]
    [InlineData(2023, 2, 29)]
    [InlineData(1900, 2, 29)]
    [InlineData(2024, 13, 1)]
    [InlineData(2024, 0, 1)]
    [InlineData(2024, 4, 31)]
    [InlineData(2024, 6, 0)]
    [InlineData(0, 1, 1)]
    [InlineData(10000, 1, 1)]
    [InlineData(-1, 1, 1)]
    public void Validate_NotARealDay_ReportsDateInvalid(int year, int month, int day)
    {
        var employment = Samples.Employment() with { StartDate = new CalendarDate(year, month, day) };

        Expect.Violations(employment, ("employment.start_date", "DATE_INVALID"));
    }

    [Fact]
    public void Validate_DateBefore1900_ReportsDateTooEarly()
    {
        var employment = Samples.Employment() with { StartDate = new CalendarDate(1899, 12, 31) };

        Expect.Violations(employment, ("employment.start_date", "DATE_TOO_EARLY"));
    }

    [Fact]
    public void Validate_StartAfterReferenceDate_ReportsDateInFuture()
    {
        var employment = Samples.Employment() with { StartDate = new CalendarDate(2025, 7, 1) };

        Expect.Violations(employment, ("employment.start_date", "DATE_IN_FUTURE"));
    }

    [Fact]
    public void Validate_EndAfterReferenceDate_IsAccepted()
    {
        Expect.Valid(Samples.Employment() with { EndDate = new CalendarDate(2027, 12, 31) });
    }

    [Fact]
    public void Validate_StartEqualsEnd_IsAccepted()
    {
        Expect.Valid(Samples.Employment() with { StartDate = new CalendarDate(2024, 5, 6), EndDate = new CalendarDate(2024, 5, 6) });
    }

    [Fact]
    public void Validate_EndBeforeStart_ReportsPeriodReversed()
    {
        var employment = Samples.Employment() with { StartDate = new CalendarDate(2024, 5, 6), EndDate = new CalendarDate(2024, 5, 5) };

        Expect.Violations(employment, ("employment.end_date", "PERIOD_REVERSED"));
    }

    [Fact]
    public void Validate_EndNotARealDay_ReportsDateInvalidOnly()
    {
        var employment = Samples.Employment() with { EndDate = new CalendarDate(2025, 2, 29) };

        Expect.Violations(employment, ("employment.end_date", "DATE_INVALID"));
    }

    [Fact]
    public void Validate_EndBefore1900_ReportsTooEarlyAndReversed()
    {
        var employment = Samples.Employment() with { EndDate = new CalendarDate(1899, 1, 1) };

        Expect.Violations(employment, ("employment.end_date", "DATE_TOO_EARLY"), ("employment.end_date", "PERIOD_REVERSED"));
    }
}
