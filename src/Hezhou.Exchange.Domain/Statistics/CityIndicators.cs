using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Statistics;

/// <summary>The indicators of the city's report (DESIGN section 7) for one scope and day.</summary>
public sealed record CityIndicators(
    DateOnly AsOf,
    int Sites,
    int LargeSites,
    int SmallSites,
    long RelocatedPersons,
    long RelocatedHouseholds,
    long LabourForce,
    long EmployedPersons,
    long EmployedHouseholds,
    Rate EmploymentRate,
    long SelfEmployedPersons,
    long PerCapitaAnnualIncomeFen,
    long UrbanDibaoRecipients,
    long UrbanDibaoPaidFen,
    long UrbanTekunRecipients,
    long UrbanTekunPaidFen,
    long CareAllowancePaidFen,
    long DisabledPersons,
    long DisabledLabourForce,
    long DisabledEmployed,
    Rate DisabledEmploymentRate,
    Rate WillingHouseholdsWithEmploymentRate,
    IReadOnlyList<(EmploymentChannel Channel, long Persons)> EmployedByChannel)
{
    /// <summary>A site is large (大中型) with this many relocated persons or more.</summary>
    public const int LargeSiteResidents = 800;

    /// <summary>
    /// Computes the indicators from the members of the households in scope, their employments and entitlements, and
    /// the welfare paid to them up to the day (in fen, by programme). The definitions are stated on each field of
    /// GetStatisticsResponse in the contract.
    /// </summary>
    public static CityIndicators Compute(
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
        var inLabourForce = relocated.Values.Where(m => IsInLabourForce(m, asOf, policy)).ToList();

        // Each employed person counts once, under the channel of their earliest stable employment.
        var primaryChannel = employments
            .Where(e => relocated.ContainsKey(e.CitizenId) && EmploymentStability.IsStableOn(e.Period, asOf, policy))
            .GroupBy(e => e.CitizenId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(e => e.Period.Start).ThenBy(e => e.SourceKey, StringComparer.Ordinal).First().Channel,
                StringComparer.Ordinal);
        var employed = inLabourForce.Where(m => primaryChannel.ContainsKey(m.CitizenId)).ToList();

        var monthlyIncomeFen = employments
            .Where(e => relocated.ContainsKey(e.CitizenId) && e.Period.Contains(asOf))
            .Sum(e => (decimal)e.MonthlyIncomeFen);
        var perCapitaFen = relocated.Count == 0
            ? 0
            : (long)Math.Round(monthlyIncomeFen * 12 / relocated.Count, MidpointRounding.AwayFromZero);

        var residentsBySite = relocated.Values.GroupBy(m => m.SiteCode, StringComparer.Ordinal).Select(g => g.Count()).ToList();
        var employedHouseholds = employed.Select(m => m.HouseholdId).ToHashSet(StringComparer.Ordinal);
        var willingHouseholds = inLabourForce.Where(m => m.WillingToWork).Select(m => m.HouseholdId)
            .ToHashSet(StringComparer.Ordinal);
        var disabled = relocated.Values.Where(IsDisabled).ToList();
        var disabledInLabourForce = inLabourForce.Count(IsDisabled);
        var disabledEmployed = employed.Count(IsDisabled);

        return new CityIndicators(
            asOf,
            Sites: residentsBySite.Count,
            LargeSites: residentsBySite.Count(n => n >= LargeSiteResidents),
            SmallSites: residentsBySite.Count(n => n < LargeSiteResidents),
            RelocatedPersons: relocated.Count,
            RelocatedHouseholds: relocated.Values.Select(m => m.HouseholdId).Distinct(StringComparer.Ordinal).Count(),
            LabourForce: inLabourForce.Count,
            EmployedPersons: employed.Count,
            EmployedHouseholds: employedHouseholds.Count,
            EmploymentRate: new Rate(employed.Count, inLabourForce.Count),
            SelfEmployedPersons: employed.Count(m => primaryChannel[m.CitizenId] == EmploymentChannel.SelfEmployment),
            PerCapitaAnnualIncomeFen: perCapitaFen,
            UrbanDibaoRecipients: RecipientsOn(WelfareProgramme.UrbanDibao),
            UrbanDibaoPaidFen: paidFen.GetValueOrDefault(WelfareProgramme.UrbanDibao),
            UrbanTekunRecipients: RecipientsOn(WelfareProgramme.UrbanTekun),
            UrbanTekunPaidFen: paidFen.GetValueOrDefault(WelfareProgramme.UrbanTekun),
            CareAllowancePaidFen: paidFen.GetValueOrDefault(WelfareProgramme.CareAllowance),
            DisabledPersons: disabled.Count,
            DisabledLabourForce: disabledInLabourForce,
            DisabledEmployed: disabledEmployed,
            DisabledEmploymentRate: new Rate(disabledEmployed, disabledInLabourForce),
            WillingHouseholdsWithEmploymentRate: new Rate(
                willingHouseholds.Count(employedHouseholds.Contains), willingHouseholds.Count),
            EmployedByChannel: [.. employed
                .GroupBy(m => primaryChannel[m.CitizenId])
                .OrderBy(g => g.Key)
                .Select(g => (g.Key, (long)g.Count()))]);

        long RecipientsOn(WelfareProgramme programme) => entitlements
            .Where(e => e.Programme == programme && e.Period.Contains(asOf) && relocated.ContainsKey(e.CitizenId))
            .Select(e => e.CitizenId)
            .Distinct(StringComparer.Ordinal)
            .Count();
    }

    /// <summary>
    /// The labour force (劳动力): relocated persons of working age who are not in school and have normal, skilled or
    /// weak labour capacity.
    /// </summary>
    public static bool IsInLabourForce(MemberStatus member, DateOnly asOf, ReconciliationPolicy policy) =>
        member.LabourCapacity is LabourCapacity.Normal or LabourCapacity.Skilled or LabourCapacity.Weak
        && !member.InSchool
        && EmploymentStability.AgeOn(member.BirthDate, asOf) >= policy.MinimumWorkingAge;

    private static bool IsDisabled(MemberStatus member) =>
        member.DisabilityCategory is not (DisabilityCategory.None or DisabilityCategory.Unspecified);
}
