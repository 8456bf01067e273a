using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

public class MoneyTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 10_000_000, 1)]
    [InlineData(12, 340_000_000, 1234)]
    [InlineData(100_000_000, 0, 10_000_000_000)]
    [InlineData(-12, -340_000_000, -1234)]
    public void ToFen_WholeFenInCny_ReturnsFen(long units, int nanos, long expected)
    {
        var fen = Money.ToFen(new MoneyAmount("CNY", units, nanos));

        Assert.Equal(expected, fen);
    }

    [Theory]
    [InlineData("USD", 1, 0)]
    [InlineData("", 1, 0)]
    [InlineData("CNY", 1, 5_000_000)]
    [InlineData("CNY", 1, -10_000_000)]
    [InlineData("CNY", 0, 1_000_000_000)]
    public void ToFen_NotWholeFenInCny_ReturnsNull(string currency, long units, int nanos)
    {
        var fen = Money.ToFen(new MoneyAmount(currency, units, nanos));

        Assert.Null(fen);
    }

    [Theory]
    [InlineData(long.MaxValue, 990_000_000)]
    [InlineData(long.MinValue, -990_000_000)]
    [InlineData(92_233_720_368_547_758, 990_000_000)]
    public void ToFen_BeyondLongRange_ReturnsNullWithoutThrowing(long units, int nanos)
    {
        var fen = Money.ToFen(new MoneyAmount("CNY", units, nanos));

        Assert.Null(fen);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1234)]
    [InlineData(-1234)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void FromFen_AnyFen_RoundTripsThroughToFen(long fen)
    {
        var amount = Money.FromFen(fen);

        Assert.Equal("CNY", amount.CurrencyCode);
        Assert.Equal(fen, Money.ToFen(amount));
    }

    [Fact]
    public void FromFen_NegativeFen_GivesBothPartsTheSameSign()
    {
        var amount = Money.FromFen(-1234);

        Assert.Equal(new MoneyAmount("CNY", -12, -340_000_000), amount);
    }
}
