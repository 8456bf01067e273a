namespace Hezhou.Exchange.DataSet;

/// <summary>Brings randomly drawn numbers to an exact total, changing as few of them as little as it can.</summary>
internal static class ExactTotals
{
    /// <summary>Moves values one step at a time, each within [min, max], until they add up to the target.</summary>
    public static void AdjustCounts(int[] values, int target, int min, int max, DeterministicRandom random)
    {
        var sum = values.Sum();
        if (target < (long)min * values.Length || target > (long)max * values.Length)
        {
            throw new InvalidOperationException($"{values.Length} values in [{min}, {max}] cannot add up to {target}.");
        }

        while (sum != target)
        {
            var i = random.Next(values.Length);
            if (sum < target && values[i] < max)
            {
                values[i]++;
                sum++;
            }
            else if (sum > target && values[i] > min)
            {
                values[i]--;
                sum--;
            }
        }
    }

    /// <summary>
    /// Monthly amounts in whole yuan, one per entitlement, such that amount × months over all entitlements is exactly
    /// <paramref name="totalYuan"/>; each stays within <paramref name="spread"/> of the mean it implies. The last
    /// yuan are settled on entitlements paid for one month only, so if none is, the one paid for the fewest months
    /// is made to start in the last month.
    /// </summary>
    public static long[] MonthlyAmounts(int[] months, long totalYuan, double spread, DeterministicRandom random)
    {
        if (months.Length == 0)
        {
            throw new InvalidOperationException($"No entitlements to pay {totalYuan} yuan to.");
        }

        if (!months.Contains(1))
        {
            months[Array.IndexOf(months, months.Min())] = 1;
        }

        var monthTotal = months.Sum(m => (long)m);
        var mean = (double)totalYuan / monthTotal;
        var lowest = Math.Max(1, (long)Math.Floor(mean * (1 - spread)));
        var highest = (long)Math.Ceiling(mean * (1 + spread));
        var amounts = new long[months.Length];
        var remainder = totalYuan;
        for (var i = 0; i < months.Length; i++)
        {
            amounts[i] = Math.Clamp((long)Math.Round(mean * (1 + (spread * 0.8 * ((2 * random.NextDouble()) - 1)))), lowest, highest);
            remainder -= amounts[i] * months[i];
        }

        // Spread the remainder over the entitlements in a random order, longest-paid first so that the last, small
        // remainder falls to those paid for few months.
        var shuffled = Enumerable.Range(0, months.Length).ToArray();
        random.Shuffle(shuffled);
        var order = shuffled.OrderByDescending(i => months[i]).ToArray();
        for (var pass = 0; pass < 3 && remainder != 0; pass++)
        {
            foreach (var i in order)
            {
                var step = Math.Clamp(remainder / months[i], lowest - amounts[i], highest - amounts[i]);
                amounts[i] += step;
                remainder -= step * months[i];
                if (remainder == 0)
                {
                    break;
                }
            }
        }

        if (remainder != 0)
        {
            throw new InvalidOperationException($"Could not settle {remainder} yuan of {totalYuan} exactly.");
        }

        return amounts;
    }
}
