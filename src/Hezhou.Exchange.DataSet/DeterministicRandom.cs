namespace Hezhou.Exchange.DataSet;

/// <summary>A small seeded random source (SplitMix64) whose sequence never changes between runs or .NET versions.</summary>
/// <remarks>
/// System.Random's seeded algorithm is an implementation detail of the runtime; a data set that must come out byte
/// for byte the same from the same seed should not depend on it.
/// </remarks>
internal sealed class DeterministicRandom
{
    private ulong state;

    public DeterministicRandom(ulong seed) => state = seed;

    /// <summary>An independent stream for one purpose, so that drawing more in one part leaves the others unchanged.</summary>
    public static DeterministicRandom For(int seed, int replica, string purpose)
    {
        var mixed = Mix(((ulong)(uint)seed << 32) ^ (uint)replica);
        foreach (var c in purpose)
        {
            mixed = Mix(mixed ^ c);
        }

        return new DeterministicRandom(mixed);
    }

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>A number in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);

        // Lemire's multiply-and-shift: unbiased enough for 32-bit ranges drawn from 64 bits.
        return (int)((NextUInt64() >> 32) * (ulong)maxExclusive >> 32);
    }

    /// <summary>A number in [minInclusive, maxInclusive].</summary>
    public int Between(int minInclusive, int maxInclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInclusive, minInclusive);
        return minInclusive + Next(maxInclusive - minInclusive + 1);
    }

    /// <summary>A number in [minInclusive, maxInclusive] for ranges wider than an int, e.g. amounts in fen.</summary>
    public long Between(long minInclusive, long maxInclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInclusive, minInclusive);
        var span = (ulong)(maxInclusive - minInclusive) + 1;
        return minInclusive + (long)(NextUInt64() % span);
    }

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public DateOnly DayBetween(DateOnly first, DateOnly last) =>
        DateOnly.FromDayNumber(Between(first.DayNumber, last.DayNumber));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index drawn with the given weights.</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
