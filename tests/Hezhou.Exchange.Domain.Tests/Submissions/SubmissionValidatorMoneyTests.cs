using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

// The money rules, through an employment's monthly income.
public class SubmissionValidatorMoneyTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 10_000_000)]
    [InlineData(3200, 990_000_000)]
    [InlineData(100_000_000, 0)]
    public void Validate_CnyToTheFenWithinBounds_IsAccepted(long units, int nanos)
    {
        Expect.Valid(Samples.Employment() with { MonthlyIncome = new MoneyAmount("CNY", units, nanos) });
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("cny")]
    [InlineData("RMB")]
    [InlineData("")]
    public void Validate_CurrencyOtherThanCny_ReportsMoneyCurrency(string currency)
    {
        var employment = Samples.Employment() with { MonthlyIncome = new MoneyAmount(currency, 3200, 0) };

        Expect.Violations(employment, ("employment.monthly_income", "MONEY_CURRENCY"));
    }

    [Theory]
    [InlineData(1, -10_000_000)]
    [InlineData(-1, 10_000_000)]
    [InlineData(0, 1_000_000_000)]
    [InlineData(0, -1_000_000_000)]
    [InlineData(5, int.MaxValue)]
    public void Validate_InconsistentParts_ReportsMoneyInvalid(long units, int nanos)
    {
        var employment = Samples.Employment() with { MonthlyIncome = new MoneyAmount("CNY", units, nanos) };

        Expect.Violations(employment, ("employment.monthly_income", "MONEY_INVALID"));
    }

    [Theory]
    [InlineData(0, 5_000_000)]
    [InlineData(12, 345_000_000)]
    [InlineData(12, 1)]
    public void Validate_FractionOfAFen_ReportsMoneyPrecision(long units, int nanos)
    {
        var employment = Samples.Employment() with { MonthlyIncome = new MoneyAmount("CNY", units, nanos) };

        Expect.Violations(employment, ("employment.monthly_income", "MONEY_PRECISION"));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -10_000_000)]
    [InlineData(-3200, -500_000_000)]
    [InlineData(long.MinValue, 0)]
    public void Validate_NegativeAmount_ReportsMoneyNegative(long units, int nanos)
    {
        var employment = Samples.Employment() with { MonthlyIncome = new MoneyAmount("CNY", units, nanos) };

        Expect.Violations(employment, ("employment.monthly_income", "MONEY_NEGATIVE"));
    }

    [Theory]
    [InlineData(100_000_000, 10_000_000)]
    [InlineData(100_000_001, 0)]
    [InlineData(long.MaxValue, 990_000_000)]
    public void Validate_AbsurdAmount_ReportsMoneyTooLarge(long units, int nanos)
    {
        var employment = Samples.Employment() with { MonthlyIncome = new MoneyAmount("CNY", units, nanos) };

        Expect.Violations(employment, ("employment.monthly_income", "MONEY_TOO_LARGE"));
    }

    [Fact]
    public void Validate_NegativeFractionOfAFenInDollars_ReportsEachRule()
    {
        var employment = Samples.Employment() with { MonthlyIncome = new MoneyAmount("USD", -1, -5_000_000) };

        Expect.Violations(
            employment,
            ("employment.monthly_income", "MONEY_CURRENCY"),
            ("employment.monthly_income", "MONEY_PRECISION"),
            ("employment.monthly_income", "MONEY_NEGATIVE"));
    }
}
