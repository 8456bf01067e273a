namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>The groups of reconciled fields whose source is chosen by precedence.</summary>
public enum FieldGroup
{
    /// <summary>Name, gender, birth date.</summary>
    Identity,

    /// <summary>Household, site and member facts: membership, labour capacity, disability, death.</summary>
    Household,

    /// <summary>Employment records.</summary>
    Employment,

    /// <summary>Welfare entitlements and payments.</summary>
    Welfare,
}

/// <summary>The dibao (minimum-living guarantee) standard per person per month, in fen.</summary>
public sealed record DibaoStandard(long UrbanMonthlyFen, long RuralMonthlyFen);

/// <summary>A threshold that changes over time: each value applies from its effective date until the next one's.</summary>
public sealed class ThresholdSchedule<T>
{
    private readonly (DateOnly EffectiveFrom, T Value)[] steps;

    public ThresholdSchedule(IEnumerable<(DateOnly EffectiveFrom, T Value)> steps)
    {
        this.steps = [.. steps.OrderBy(s => s.EffectiveFrom)];
        if (this.steps.Length == 0)
        {
            throw new ArgumentException("A schedule needs at least one value.", nameof(steps));
        }
        if (this.steps.Select(s => s.EffectiveFrom).Distinct().Count() != this.steps.Length)
        {
            throw new ArgumentException("Two values of a schedule take effect on the same day.", nameof(steps));
        }
    }

    public IReadOnlyList<(DateOnly EffectiveFrom, T Value)> Steps => steps;

    /// <summary>The value in force on the day, or false before the first effective date.</summary>
    public bool TryGetValueAt(DateOnly day, out T value)
    {
        for (var i = steps.Length - 1; i >= 0; i--)
        {
            if (steps[i].EffectiveFrom <= day)
            {
                value = steps[i].Value;
                return true;
            }
        }
        value = default!;
        return false;
    }
}

/// <summary>
/// The reconciliation policy (一数一源、多元校核): which department is authoritative for each group of fields, in order
/// of precedence, and the thresholds the rules apply, each with its effective dates. Loaded from a policy file.
/// </summary>
/// <param name="StableEmploymentMinimumDays">An employment counts as stable on a day when it is active that day and has lasted at least this many days, counting both ends.</param>
/// <param name="MinimumWorkingAge">Employment of a member younger than this is flagged.</param>
public sealed record ReconciliationPolicy(
    IReadOnlyDictionary<FieldGroup, IReadOnlyList<Department>> Precedence,
    ThresholdSchedule<DibaoStandard> DibaoStandards,
    ThresholdSchedule<int> StableEmploymentMinimumDays,
    int MinimumWorkingAge);
