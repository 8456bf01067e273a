using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

public class SubmissionValidatorSiteTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(100, false)]
    [InlineData(101, true)]
    public void Validate_SiteNameLength_IsOneTo100(int length, bool rejected)
    {
        var site = Samples.Site() with { Name = new string('区', length) };

        if (rejected)
        {
            Expect.Violations(site, ("site.name", length == 0 ? "FIELD_REQUIRED" : "TEXT_LENGTH"));
        }
        else
        {
            Expect.Valid(site);
        }
    }

    [Theory]
    [InlineData("451102")]
    [InlineData("451123")]
    public void Validate_SixDigitCountyCode_IsAccepted(string countyCode)
    {
        Expect.Valid(Samples.Site() with { CountyCode = countyCode });
    }

    [Theory]
    [InlineData("45110")]
    [InlineData("4511020")]
    [InlineData("45110A")]
    [InlineData("４51102")]
    [InlineData(" 451102")]
    public void Validate_CountyCodeNotSixDigits_ReportsCountyCode(string countyCode)
    {
        Expect.Violations(Samples.Site() with { CountyCode = countyCode }, ("site.county_code", "COUNTY_CODE"));
    }

    [Fact]
    public void Validate_SiteWithoutCountyCode_ReportsFieldRequired()
    {
        Expect.Violations(Samples.Site() with { CountyCode = "" }, ("site.county_code", "FIELD_REQUIRED"));
    }

    [Theory]
    [InlineData(SiteKind.Unspecified, "ENUM_REQUIRED")]
    [InlineData((SiteKind)3, "ENUM_UNKNOWN")]
    public void Validate_SiteKindMissingOrUndefined_ReportsEnumRule(SiteKind kind, string rule)
    {
        Expect.Violations(Samples.Site() with { SiteKind = kind }, ("site.kind", rule));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void Validate_DwellingsInRange_IsAccepted(int dwellings)
    {
        Expect.Valid(Samples.Site() with { Dwellings = dwellings });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void Validate_DwellingsOutOfRange_ReportsDwellingsRange(int dwellings)
    {
        Expect.Violations(Samples.Site() with { Dwellings = dwellings }, ("site.dwellings", "DWELLINGS_RANGE"));
    }

    [Fact]
    public void Validate_SiteWithoutOpenDate_IsAccepted()
    {
        Expect.Valid(Samples.Site() with { OpenDate = null });
    }

    [Fact]
    public void Validate_SiteOpeningAfterReferenceDate_ReportsDateInFuture()
    {
        Expect.Violations(Samples.Site() with { OpenDate = new CalendarDate(2025, 7, 1) }, ("site.open_date", "DATE_IN_FUTURE"));
    }
}
