using CsCheck;
using Hezhou.Exchange.Domain.Statistics;

namespace Hezhou.Exchange.Domain.Tests.Statistics;

public sealed class IndicatorTallyTests
{
    private static readonly Gen<IndicatorTally> Tally =
        Gen.Select(
            Gen.Dictionary(Gen.Int[0, 30].Select(i => $"S{i:D2}"), Gen.Long[-5, 50])[0, 4],
            Gen.Dictionary(Gen.Enum<WelfareProgramme>(), Gen.Long[-1_000, 100_000])[0, 3],
            Gen.Dictionary(Gen.Enum<EmploymentChannel>(), Gen.Long[-3, 40])[0, 3],
            Gen.Long[-10, 500],
            Gen.Long[0, 10_000_000],
            (bySite, paid, byChannel, persons, income) => new IndicatorTally
            {
                RelocatedBySite = bySite,
                PaidFen = paid,
                EmployedByChannel = byChannel,
                RelocatedPersons = persons,
                RelocatedHouseholds = persons / 3,
                EmployedPersons = persons / 2,
                MonthlyIncomeFen = income,
            });

    [Fact]
    public void Sum_AnyTallies_EqualsAddingThemOneByOne()
    {
        Tally.List[0, 40].Sample(tallies =>
        {
            var sum = IndicatorTally.Sum(tallies);
            var added = tallies.Aggregate(IndicatorTally.Zero, (total, tally) => total.Add(tally));

            Assert.Equal(Sorted(added.RelocatedBySite), Sorted(sum.RelocatedBySite));
            Assert.Equal(Sorted(added.PaidFen), Sorted(sum.PaidFen));
            Assert.Equal(Sorted(added.EmployedByChannel), Sorted(sum.EmployedByChannel));
            Assert.Equal(WithoutCounts(added), WithoutCounts(sum));
        });
    }

    /// <summary>The tally's scalar figures: the counts by key are compared apart, as a record compares them by reference.</summary>
    private static IndicatorTally WithoutCounts(IndicatorTally tally) => tally with
    {
        RelocatedBySite = IndicatorTally.Zero.RelocatedBySite,
        PaidFen = IndicatorTally.Zero.PaidFen,
        EmployedByChannel = IndicatorTally.Zero.EmployedByChannel,
    };

    private static List<KeyValuePair<TKey, long>> Sorted<TKey>(IReadOnlyDictionary<TKey, long> counts) =>
        [.. counts.OrderBy(c => c.Key)];
}
