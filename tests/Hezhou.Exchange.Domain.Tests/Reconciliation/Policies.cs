using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

/// <summary>A policy like the city's, with round figures that make the arithmetic in tests easy to follow.</summary>
internal static class Policies
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <summary>The dibao standard in fen: 600 urban / 450 rural yuan from 2020, 700 / 550 from July 2024.</summary>
    public static readonly DateOnly StandardRaised = new(2024, 7, 1);

    public static ReconciliationPolicy Standard(
        IReadOnlyList<Department>? identityPrecedence = null, int stableMinimumDays = 90) => new(
        new Dictionary<FieldGroup, IReadOnlyList<Department>>
        {
            [FieldGroup.Identity] = identityPrecedence
                ?? [Department.Relocation, Department.HumanResources, Department.CivilAffairs],
            [FieldGroup.Household] = [Department.Relocation],
            [FieldGroup.Employment] = [Department.HumanResources],
            [FieldGroup.Welfare] = [Department.CivilAffairs],
        },
        new ThresholdSchedule<DibaoStandard>(
        [
            (new DateOnly(2020, 1, 1), new DibaoStandard(UrbanMonthlyFen: 600_00, RuralMonthlyFen: 450_00)),
            (StandardRaised, new DibaoStandard(UrbanMonthlyFen: 700_00, RuralMonthlyFen: 550_00)),
        ]),
        new ThresholdSchedule<int>([(new DateOnly(2015, 1, 1), stableMinimumDays)]),
        MinimumWorkingAge: 16);
}
