using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Statistics;

namespace Hezhou.Exchange.Server.Tests.Statistics;

/// <summary>
/// A scope's sum is folded from the tallies put in and taken out a thousand at a time; across several folds it must
/// equal adding the remaining households' tallies one by one, and count them.
/// </summary>
public sealed class IndicatorScopeSumsTests
{
    private static readonly DateOnly Day = new(2024, 6, 30);

    [Fact]
    public void PutInAndTakenOut_AcrossSeveralFolds_EqualsTheRemainingHouseholdsAddedOneByOne()
    {
        var households = Enumerable.Range(0, 2 * IndicatorScopeSums.FoldEvery + 500).Select(Household).ToList();
        var takenOut = households.Take(IndicatorScopeSums.FoldEvery + 200).ToList();
        var sums = new IndicatorScopeSums([]);

        foreach (var household in households)
        {
            sums.Add(["city"], household, Day);
        }
        foreach (var household in takenOut)
        {
            sums.Subtract(["city"], household, Day);
        }

        var expected = households.Skip(takenOut.Count).Aggregate(IndicatorTally.Zero, (sum, h) => sum.Add(h));
        Assert.Equal(CityIndicators.From(Day, expected).ToProto(), CityIndicators.From(Day, sums.TallyOf("city")).ToProto());
        Assert.Equal(expected.RelocatedBySite.OrderBy(s => s.Key), sums.TallyOf("city").RelocatedBySite.OrderBy(s => s.Key));
        Assert.Equal(households.Count - takenOut.Count, sums.RowOf("city").Households);
        Assert.Equal(households.Count - takenOut.Count, sums.RowOf("city").HouseholdsOfAsOf);
    }

    private static IndicatorTally Household(int i) => new()
    {
        RelocatedBySite = new Dictionary<string, long> { [$"S{i % 37:D2}"] = 1 + (i % 5) },
        RelocatedPersons = 1 + (i % 5),
        RelocatedHouseholds = 1,
        LabourForce = i % 4,
        EmployedPersons = i % 3,
        EmployedHouseholds = i % 3 == 0 ? 0 : 1,
        MonthlyIncomeFen = 150_000 * (i % 3),
        UrbanDibaoRecipients = i % 7 == 0 ? 1 : 0,
        PaidFen = i % 7 == 0 ? new Dictionary<WelfareProgramme, long> { [WelfareProgramme.UrbanDibao] = 62_000 } : new Dictionary<WelfareProgramme, long>(),
        DisabledPersons = i % 11 == 0 ? 1 : 0,
        WillingHouseholds = i % 4 == 0 ? 0 : 1,
        WillingHouseholdsWithEmployment = i % 3 == 0 || i % 4 == 0 ? 0 : 1,
        EmployedByChannel = i % 3 == 0
            ? new Dictionary<EmploymentChannel, long>()
            : new Dictionary<EmploymentChannel, long> { [(EmploymentChannel)(1 + (i % 3))] = i % 3 },
    };
}
