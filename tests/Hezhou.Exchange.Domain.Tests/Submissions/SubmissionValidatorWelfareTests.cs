using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

public class SubmissionValidatorWelfareTests
{
    [Fact]
    public void Validate_EntitlementWithoutPerson_ReportsFieldRequired()
    {
        Expect.Violations(Samples.WelfareEntitlement() with { Person = null }, ("welfare_entitlement.person", "FIELD_REQUIRED"));
    }

    [Fact]
    public void Validate_EntitlementWithoutProgramme_ReportsEnumRequired()
    {
        var entitlement = Samples.WelfareEntitlement() with { Programme = WelfareProgramme.Unspecified };

        Expect.Violations(entitlement, ("welfare_entitlement.programme", "ENUM_REQUIRED"));
    }

    [Fact]
    public void Validate_EntitlementProgrammeOutsideTheContract_ReportsEnumUnknown()
    {
        var entitlement = Samples.WelfareEntitlement() with { Programme = (WelfareProgramme)99 };

        Expect.Violations(entitlement, ("welfare_entitlement.programme", "ENUM_UNKNOWN"));
    }

    [Fact]
    public void Validate_EntitlementStartingAfterReferenceDate_ReportsDateInFuture()
    {
        var entitlement = Samples.WelfareEntitlement() with { StartDate = new CalendarDate(2025, 7, 1) };

        Expect.Violations(entitlement, ("welfare_entitlement.start_date", "DATE_IN_FUTURE"));
    }

    [Fact]
    public void Validate_EntitlementWithoutStartDate_ReportsDateRequired()
    {
        Expect.Violations(Samples.WelfareEntitlement() with { StartDate = null }, ("welfare_entitlement.start_date", "DATE_REQUIRED"));
    }

    [Fact]
    public void Validate_EntitlementOfOneDay_IsAccepted()
    {
        var entitlement = Samples.WelfareEntitlement() with
        {
            StartDate = new CalendarDate(2021, 1, 1),
            EndDate = new CalendarDate(2021, 1, 1),
        };

        Expect.Valid(entitlement);
    }

    [Fact]
    public void Validate_EntitlementEndingBeforeStart_ReportsPeriodReversed()
    {
        var entitlement = Samples.WelfareEntitlement() with { EndDate = new CalendarDate(2020, 12, 31) };

        Expect.Violations(entitlement, ("welfare_entitlement.end_date", "PERIOD_REVERSED"));
    }

    [Fact]
    public void Validate_EntitlementWithNegativeAmount_ReportsMoneyNegative()
    {
        var entitlement = Samples.WelfareEntitlement() with { MonthlyAmount = Samples.Yuan(-520) };

        Expect.Violations(entitlement, ("welfare_entitlement.monthly_amount", "MONEY_NEGATIVE"));
    }

    [Fact]
    public void Validate_EntitlementWithoutAmount_ReportsFieldRequired()
    {
        Expect.Violations(Samples.WelfareEntitlement() with { MonthlyAmount = null }, ("welfare_entitlement.monthly_amount", "FIELD_REQUIRED"));
    }

    [Fact]
    public void Validate_PaymentWithoutEntitlementKey_ReportsSourceKeyRequired()
    {
        Expect.Violations(Samples.WelfarePayment() with { EntitlementKey = "" }, ("welfare_payment.entitlement_key", "SOURCE_KEY_REQUIRED"));
    }

    [Fact]
    public void Validate_PaymentEntitlementKeyOf65Characters_ReportsSourceKeyLength()
    {
        var payment = Samples.WelfarePayment() with { EntitlementKey = new string('K', 65) };

        Expect.Violations(payment, ("welfare_payment.entitlement_key", "SOURCE_KEY_LENGTH"));
    }

    [Fact]
    public void Validate_PaymentWithBadCitizenId_ReportsItOnThePersonPath()
    {
        var payment = Samples.WelfarePayment() with { Person = Samples.Person() with { CitizenId = "451102198503121235" } };

        Expect.Violations(payment, ("welfare_payment.person.citizen_id", "CITIZEN_ID_CHECK_CHARACTER"));
    }

    [Fact]
    public void Validate_PaymentWithoutProgramme_ReportsEnumRequired()
    {
        var payment = Samples.WelfarePayment() with { Programme = WelfareProgramme.Unspecified };

        Expect.Violations(payment, ("welfare_payment.programme", "ENUM_REQUIRED"));
    }

    [Theory]
    [InlineData(2025, 6)]
    [InlineData(1900, 1)]
    [InlineData(2024, 2)]
    public void Validate_PaymentForAMonthUpToTheReferenceMonth_IsAccepted(int year, int month)
    {
        Expect.Valid(Samples.WelfarePayment() with { Month = new CalendarDate(year, month, 0) });
    }

    [Theory]
    [InlineData(2025, 13, 0)]
    [InlineData(2025, 0, 0)]
    [InlineData(2025, 5, 1)]
    [InlineData(2025, 5, 31)]
    [InlineData(0, 5, 0)]
    public void Validate_PaymentMonthNotAMonth_ReportsMonthInvalid(int year, int month, int day)
    {
        var payment = Samples.WelfarePayment() with { Month = new CalendarDate(year, month, day) };

        Expect.Violations(payment, ("welfare_payment.month", "MONTH_INVALID"));
    }

    [Fact]
    public void Validate_PaymentForAMonthAfterTheReferenceDate_ReportsDateInFuture()
    {
        var payment = Samples.WelfarePayment() with { Month = new CalendarDate(2025, 7, 0) };

        Expect.Violations(payment, ("welfare_payment.month", "DATE_IN_FUTURE"));
    }

    [Fact]
    public void Validate_PaymentForAMonthBefore1900_ReportsDateTooEarly()
    {
        var payment = Samples.WelfarePayment() with { Month = new CalendarDate(1899, 12, 0) };

        Expect.Violations(payment, ("welfare_payment.month", "DATE_TOO_EARLY"));
    }

    [Fact]
    public void Validate_PaymentWithoutMonth_ReportsDateRequired()
    {
        Expect.Violations(Samples.WelfarePayment() with { Month = null }, ("welfare_payment.month", "DATE_REQUIRED"));
    }

    [Fact]
    public void Validate_PaymentBelowAFen_ReportsMoneyPrecision()
    {
        var payment = Samples.WelfarePayment() with { Amount = Samples.Yuan(520, 505_000_000) };

        Expect.Violations(payment, ("welfare_payment.amount", "MONEY_PRECISION"));
    }

    [Fact]
    public void Validate_PaymentOfOneFen_IsAccepted()
    {
        Expect.Valid(Samples.WelfarePayment() with { Amount = Samples.Yuan(0, 10_000_000) });
    }

    [Fact]
    public void Validate_PaymentWithoutPaidDate_IsAccepted()
    {
        Expect.Valid(Samples.WelfarePayment() with { PaidDate = null });
    }

    [Fact]
    public void Validate_PaymentPaidAfterReferenceDate_ReportsDateInFuture()
    {
        var payment = Samples.WelfarePayment() with { PaidDate = new CalendarDate(2025, 7, 1) };

        Expect.Violations(payment, ("welfare_payment.paid_date", "DATE_IN_FUTURE"));
    }
}
