using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Submissions;
using Hezhou.Exchange.Domain.Tests.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

public class SourceFactsTests
{
    private const string Key = "HZ-451102-000123";

    private static SourceReference Source(RecordKind kind) => new(RecordAuthority.DepartmentFor(kind), kind, Key, 3);

    private static ISourceFact? From(RecordContent content) =>
        SourceFacts.From(Source(content.Kind), new SubmittedRecord(Key, content));

    [Fact]
    public void From_Site_TakesTheSiteCodeFromTheSourceKey()
    {
        var site = Assert.IsType<SiteFact>(From(Samples.Site()));

        Assert.Equal(new SiteFact(Source(RecordKind.Site), Key, "八步区江北安置区", "451102", SiteKind.Urban), site);
    }

    [Fact]
    public void From_Household_TakesTheHouseholdIdFromTheSourceKeyAndReadsDates()
    {
        var household = Assert.IsType<HouseholdFact>(From(Samples.Household(Samples.Head() with { DeathDate = new CalendarDate(2024, 3, 1) })));

        Assert.Equal(Key, household.HouseholdId);
        Assert.Equal("HZ-SITE-01", household.SiteCode);
        Assert.Equal(new DateOnly(2019, 12, 20), household.RelocationDate);
        var member = Assert.Single(household.Members);
        Assert.Equal(Samples.HeadCitizenId, member.CitizenId);
        Assert.Equal(new DateOnly(1985, 3, 12), member.BirthDate);
        Assert.Equal(new DateOnly(2024, 3, 1), member.DeathDate);
        Assert.Equal(LabourCapacity.Normal, member.LabourCapacity);
    }

    [Fact]
    public void From_Employment_ReadsThePeriodAndTheIncomeInFen()
    {
        var employment = Assert.IsType<EmploymentFact>(From(Samples.Employment() with { MonthlyIncome = Samples.Yuan(3200, 500_000_000) }));

        Assert.Equal(Source(RecordKind.Employment), employment.Source);
        Assert.Equal(new DatePeriod(new DateOnly(2023, 3, 1), null), employment.Period);
        Assert.Equal(3200_50, employment.MonthlyIncomeFen);
        Assert.Equal(new PersonClaim(Samples.HeadCitizenId, "黄志强", Gender.Male, new DateOnly(1985, 3, 12)), employment.Person);
    }

    [Fact]
    public void From_PersonWithoutGenderOrBirthDate_ClaimsNeither()
    {
        var person = Samples.Person() with { Gender = Gender.Unspecified, BirthDate = null };

        var employment = Assert.IsType<EmploymentFact>(From(Samples.Employment() with { Person = person }));

        Assert.Null(employment.Person.Gender);
        Assert.Null(employment.Person.BirthDate);
    }

    [Fact]
    public void From_Entitlement_ReadsThePeriodAndTheAmountInFen()
    {
        var entitlement = Assert.IsType<EntitlementFact>(From(Samples.WelfareEntitlement() with { EndDate = new CalendarDate(2024, 12, 31) }));

        Assert.Equal(WelfareProgramme.UrbanDibao, entitlement.Programme);
        Assert.Equal(new DatePeriod(new DateOnly(2021, 1, 1), new DateOnly(2024, 12, 31)), entitlement.Period);
        Assert.Equal(520_50, entitlement.MonthlyAmountFen);
    }

    [Fact]
    public void From_Payment_ReadsTheMonthAsItsFirstDay()
    {
        var payment = Assert.IsType<PaymentFact>(From(Samples.WelfarePayment()));

        Assert.Equal(new DateOnly(2025, 5, 1), payment.Month);
        Assert.Equal(520_50, payment.AmountFen);
        Assert.Equal(new DateOnly(2025, 5, 10), payment.PaidDate);
        Assert.Equal("MZ-DB-2021-0001", payment.EntitlementKey);
    }

    [Fact]
    public void From_Withdrawal_ReturnsNull()
    {
        var fact = SourceFacts.From(Source(RecordKind.Household), new SubmittedRecord(Key, Samples.Withdrawal()));

        Assert.Null(fact);
    }

    [Fact]
    public void From_JobVacancy_ReturnsNull()
    {
        Assert.Null(From(Samples.JobVacancy()));
    }

    [Fact]
    public void From_RecordThatFailsValidation_Throws()
    {
        Assert.Throws<ArgumentException>(() => From(Samples.Employment() with { StartDate = null }));
        Assert.Throws<ArgumentException>(() => From(Samples.Employment() with { MonthlyIncome = Samples.Yuan(1, 1) }));
        Assert.Throws<ArgumentException>(() => From(Samples.WelfarePayment() with { Month = new CalendarDate(2025, 5, 3) }));
    }

    [Fact]
    public void From_ContentOfAnotherKindThanTheSource_Throws()
    {
        var record = new SubmittedRecord(Key, Samples.Employment());

        Assert.Throws<ArgumentException>(() => SourceFacts.From(Source(RecordKind.WelfareEntitlement), record));
    }
}
