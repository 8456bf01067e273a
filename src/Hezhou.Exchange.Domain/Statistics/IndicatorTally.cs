using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Statistics;

/// <summary>
/// The counts and sums behind the indicators for a set of households, as of one day. Tallies of disjoint sets of
/// households add up to the tally of their union, so the store keeps one per household and one per site, and the
/// city's indicators are the sum of its sites' tallies: no call has to read the store's persons again.
/// </summary>
public sealed record IndicatorTally
{
    public static readonly IndicatorTally Zero = new();

    /// <summary>Relocated persons per site code; a site counts for the indicators once it has one.</summary>
    public IReadOnlyDictionary<string, long> RelocatedBySite { get; init; } = new Dictionary<string, long>();

    public long RelocatedPersons { get; init; }

    public long RelocatedHouseholds { get; init; }

    public long LabourForce { get; init; }

    public long EmployedPersons { get; init; }

    public long EmployedHouseholds { get; init; }

    public long SelfEmployedPersons { get; init; }

    /// <summary>The monthly income, in fen, of the employments in force on the day, of relocated persons.</summary>
    public long MonthlyIncomeFen { get; init; }

    public long UrbanDibaoRecipients { get; init; }

    public long UrbanTekunRecipients { get; init; }

    /// <summary>Welfare paid up to the day, in fen, by programme.</summary>
    public IReadOnlyDictionary<WelfareProgramme, long> PaidFen { get; init; } = new Dictionary<WelfareProgramme, long>();

    public long DisabledPersons { get; init; }

    public long DisabledLabourForce { get; init; }

    public long DisabledEmployed { get; init; }

    /// <summary>Households with a member in the labour force who is willing to work.</summary>
    public long WillingHouseholds { get; init; }

    /// <summary>Of those, the households with an employed member.</summary>
    public long WillingHouseholdsWithEmployment { get; init; }

    /// <summary>Employed persons by the channel of their earliest stable employment.</summary>
    public IReadOnlyDictionary<EmploymentChannel, long> EmployedByChannel { get; init; } = new Dictionary<EmploymentChannel, long>();

    /// <summary>
    /// The tally of the given households' members, their employments and entitlements, and the welfare paid to them
    /// up to the day. The definitions are stated on each field of GetStatisticsResponse in the contract.
    /// </summary>
    public static IndicatorTally Of(
        DateOnly asOf,
        IReadOnlyList<MemberStatus> members,
        IReadOnlyList<EmploymentSpan> employments,
        IReadOnlyList<EntitlementSpan> entitlements,
        IReadOnlyDictionary<WelfareProgramme, long> paidFen,
        ReconciliationPolicy policy)
    {
        // Relocated persons: moved in by the day and alive on it.
        var relocated = members
            .Where(m => m.RelocationDate <= asOf && (m.DeathDate is null || m.DeathDate > asOf))
            .ToDictionary(m => m.CitizenId, StringComparer.Ordinal);
        var inLabourForce = relocated.Values.Where(m => CityIndicators.IsInLabourForce(m, asOf, policy)).ToList();

        // Each employed person counts once, under the channel of their earliest stable employment.
        var primaryChannel = employments
            .Where(e => relocated.ContainsKey(e.CitizenId) && EmploymentStability.IsStableOn(e.Period, asOf, policy))
            .GroupBy(e => e.CitizenId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(e => e.Period.Start).ThenBy(e => e.SourceKey, StringComparer.Ordinal).First().Channel,
                StringComparer.Ordinal);
        var employed = inLabourForce.Where(m => primaryChannel.ContainsKey(m.CitizenId)).ToList();
        var employedHouseholds = employed.Select(m => m.HouseholdId).ToHashSet(StringComparer.Ordinal);
        var willingHouseholds = inLabourForce.Where(m => m.WillingToWork).Select(m => m.HouseholdId)
            .ToHashSet(StringComparer.Ordinal);

        return new IndicatorTally
        {
            RelocatedBySite = relocated.Values.GroupBy(m => m.SiteCode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal),
            RelocatedPersons = relocated.Count,
            RelocatedHouseholds = relocated.Values.Select(m => m.HouseholdId).Distinct(StringComparer.Ordinal).Count(),
            LabourForce = inLabourForce.Count,
            EmployedPersons = employed.Count,
            EmployedHouseholds = employedHouseholds.Count,
            SelfEmployedPersons = employed.Count(m => primaryChannel[m.CitizenId] == EmploymentChannel.SelfEmployment),
            MonthlyIncomeFen = employments
                .Where(e => relocated.ContainsKey(e.CitizenId) && e.Period.Contains(asOf))
                .Sum(e => e.MonthlyIncomeFen),
            UrbanDibaoRecipients = RecipientsOn(WelfareProgramme.UrbanDibao),
            UrbanTekunRecipients = RecipientsOn(WelfareProgramme.UrbanTekun),
            PaidFen = paidFen.Where(p => p.Value != 0).ToDictionary(),
            DisabledPersons = relocated.Values.Count(IsDisabled),
            DisabledLabourForce = inLabourForce.Count(IsDisabled),
            DisabledEmployed = employed.Count(IsDisabled),
            WillingHouseholds = willingHouseholds.Count,
            WillingHouseholdsWithEmployment = willingHouseholds.Count(employedHouseholds.Contains),
            EmployedByChannel = employed.GroupBy(m => primaryChannel[m.CitizenId]).ToDictionary(g => g.Key, g => (long)g.Count()),
        };

        long RecipientsOn(WelfareProgramme programme) => entitlements
            .Where(e => e.Programme == programme && e.Period.Contains(asOf) && relocated.ContainsKey(e.CitizenId))
            .Select(e => e.CitizenId)
            .Distinct(StringComparer.Ordinal)
            .Count();
    }

    /// <summary>The tally of two disjoint sets of households.</summary>
    public IndicatorTally Add(IndicatorTally other) => Combine(other, 1);

    /// <summary>The tally without a set of households it counts.</summary>
    public IndicatorTally Subtract(IndicatorTally other) => Combine(other, -1);

    /// <summary>
    /// The tallies added together. The counts by site, programme and channel are summed in one dictionary each: added
    /// one tally at a time, every step would copy the sites summed so far, which is quadratic in the number of sites.
    /// </summary>
    public static IndicatorTally Sum(IEnumerable<IndicatorTally> tallies)
    {
        var relocatedBySite = new Dictionary<string, long>();
        var paidFen = new Dictionary<WelfareProgramme, long>();
        var employedByChannel = new Dictionary<EmploymentChannel, long>();
        var sum = Zero;
        foreach (var tally in tallies)
        {
            sum = sum.Add(tally with
            {
                RelocatedBySite = Zero.RelocatedBySite,
                PaidFen = Zero.PaidFen,
                EmployedByChannel = Zero.EmployedByChannel,
            });
            Accumulate(relocatedBySite, tally.RelocatedBySite);
            Accumulate(paidFen, tally.PaidFen);
            Accumulate(employedByChannel, tally.EmployedByChannel);
        }
        return sum with
        {
            RelocatedBySite = WithoutZeros(relocatedBySite),
            PaidFen = WithoutZeros(paidFen),
            EmployedByChannel = WithoutZeros(employedByChannel),
        };
    }

    private static void Accumulate<TKey>(Dictionary<TKey, long> sum, IReadOnlyDictionary<TKey, long> values)
        where TKey : notnull
    {
        foreach (var (key, value) in values)
        {
            sum[key] = sum.GetValueOrDefault(key) + value;
        }
    }

    private static Dictionary<TKey, long> WithoutZeros<TKey>(Dictionary<TKey, long> sums)
        where TKey : notnull
    {
        foreach (var key in sums.Where(s => s.Value == 0).Select(s => s.Key).ToList())
        {
            sums.Remove(key);
        }
        return sums;
    }

    private IndicatorTally Combine(IndicatorTally other, int sign) => new()
    {
        RelocatedBySite = Merge(RelocatedBySite, other.RelocatedBySite, sign),
        RelocatedPersons = RelocatedPersons + sign * other.RelocatedPersons,
        RelocatedHouseholds = RelocatedHouseholds + sign * other.RelocatedHouseholds,
        LabourForce = LabourForce + sign * other.LabourForce,
        EmployedPersons = EmployedPersons + sign * other.EmployedPersons,
        EmployedHouseholds = EmployedHouseholds + sign * other.EmployedHouseholds,
        SelfEmployedPersons = SelfEmployedPersons + sign * other.SelfEmployedPersons,
        MonthlyIncomeFen = MonthlyIncomeFen + sign * other.MonthlyIncomeFen,
        UrbanDibaoRecipients = UrbanDibaoRecipients + sign * other.UrbanDibaoRecipients,
        UrbanTekunRecipients = UrbanTekunRecipients + sign * other.UrbanTekunRecipients,
        PaidFen = Merge(PaidFen, other.PaidFen, sign),
        DisabledPersons = DisabledPersons + sign * other.DisabledPersons,
        DisabledLabourForce = DisabledLabourForce + sign * other.DisabledLabourForce,
        DisabledEmployed = DisabledEmployed + sign * other.DisabledEmployed,
        WillingHouseholds = WillingHouseholds + sign * other.WillingHouseholds,
        WillingHouseholdsWithEmployment = WillingHouseholdsWithEmployment + sign * other.WillingHouseholdsWithEmployment,
        EmployedByChannel = Merge(EmployedByChannel, other.EmployedByChannel, sign),
    };

    private static bool IsDisabled(MemberStatus member) =>
        member.DisabilityCategory is not (DisabilityCategory.None or DisabilityCategory.Unspecified);

    private static Dictionary<TKey, long> Merge<TKey>(IReadOnlyDictionary<TKey, long> a, IReadOnlyDictionary<TKey, long> b, int sign)
        where TKey : notnull
    {
        var sum = new Dictionary<TKey, long>(a);
        foreach (var (key, value) in b)
        {
            if ((sum[key] = sum.GetValueOrDefault(key) + sign * value) == 0)
            {
                sum.Remove(key);
            }
        }
        return sum;
    }
}
