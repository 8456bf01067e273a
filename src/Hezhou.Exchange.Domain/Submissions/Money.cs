namespace Hezhou.Exchange.Domain.Submissions;

/// <summary>The service's money rules: amounts are in yuan (CNY), exact to the fen (分), stored as whole fen.</summary>
public static class Money
{
    public const string Currency = "CNY";

    /// <summary>The largest amount accepted in any money field: 100,000,000 yuan.</summary>
    public const long MaximumYuan = 100_000_000;

    public const int NanosPerFen = 10_000_000;

    private const int NanosPerUnit = 1_000_000_000;

    /// <summary>
    /// The amount in whole fen, or null when it is not a CNY amount of whole fen that fits a <see cref="long"/>
    /// (other currency, inconsistent parts, fractions of a fen). Never throws, whatever the parts.
    /// </summary>
    public static long? ToFen(MoneyAmount amount)
    {
        if (amount.CurrencyCode != Currency || !HasConsistentParts(amount) || amount.Nanos % NanosPerFen != 0)
        {
            return null;
        }

        // Int128 holds any units × 100, so an absurd amount is reported as unrepresentable instead of overflowing.
        var fen = ((Int128)amount.Units * 100) + (amount.Nanos / NanosPerFen);
        return fen >= long.MinValue && fen <= long.MaxValue ? (long)fen : null;
    }

    /// <summary>The CNY amount of a number of fen, e.g. 1234 → 12 yuan 340,000,000 nanos.</summary>
    public static MoneyAmount FromFen(long fen) =>
        new(Currency, fen / 100, (int)(fen % 100) * NanosPerFen);

    /// <summary>Whether units and nanos agree in sign and nanos lies within ±999,999,999 (google.type.Money).</summary>
    public static bool HasConsistentParts(MoneyAmount amount) =>
        amount.Nanos is > -NanosPerUnit and < NanosPerUnit
        && !(amount.Units > 0 && amount.Nanos < 0)
        && !(amount.Units < 0 && amount.Nanos > 0);
}
