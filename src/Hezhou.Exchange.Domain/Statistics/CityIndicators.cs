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
        ReconciliationPolicy policy) =>
        From(asOf, IndicatorTally.Of(asOf, members, employments, entitlements, paidFen, policy));

    /// <summary>The indicators of the households a tally counts.</summary>
    public static CityIndicators From(DateOnly asOf, IndicatorTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var perCapitaFen = tally.RelocatedPersons == 0
            ? 0
            : (long)Math.Round((decimal)tally.MonthlyIncomeFen * 12 / tally.RelocatedPersons, MidpointRounding.AwayFromZero);
        var residentsBySite = tally.RelocatedBySite.Values.Where(n => n > 0).ToList();
        return new CityIndicators(
            asOf,
            Sites: residentsBySite.Count,
            LargeSites: residentsBySite.Count(n => n >= LargeSiteResidents),
            SmallSites: residentsBySite.Count(n => n < LargeSiteResidents),
            RelocatedPersons: tally.RelocatedPersons,
            RelocatedHouseholds: tally.RelocatedHouseholds,
            LabourForce: tally.LabourForce,
            EmployedPersons: tally.EmployedPersons,
            EmployedHouseholds: tally.EmployedHouseholds,
            EmploymentRate: new Rate(tally.EmployedPersons, tally.LabourForce),
            SelfEmployedPersons: tally.SelfEmployedPersons,
            PerCapitaAnnualIncomeFen: perCapitaFen,
            UrbanDibaoRecipients: tally.UrbanDibaoRecipients,
            UrbanDibaoPaidFen: tally.PaidFen.GetValueOrDefault(WelfareProgramme.UrbanDibao),
            UrbanTekunRecipients: tally.UrbanTekunRecipients,
            UrbanTekunPaidFen: tally.PaidFen.GetValueOrDefault(WelfareProgramme.UrbanTekun),
            CareAllowancePaidFen: tally.PaidFen.GetValueOrDefault(WelfareProgramme.CareAllowance),
            DisabledPersons: tally.DisabledPersons,
            DisabledLabourForce: tally.DisabledLabourForce,
            DisabledEmployed: tally.DisabledEmployed,
            DisabledEmploymentRate: new Rate(tally.DisabledEmployed, tally.DisabledLabourForce),
            WillingHouseholdsWithEmploymentRate: new Rate(tally.WillingHouseholdsWithEmployment, tally.WillingHouseholds),
            EmployedByChannel: [.. tally.EmployedByChannel.Where(c => c.Value > 0).OrderBy(c => c.Key).Select(c => (c.Key, c.Value))]);
    }

    /// <summary>
    /// The labour force (劳动力): relocated persons of working age who are not in school and have normal, skilled or
    /// weak labour capacity.
    /// </summary>
    public static bool IsInLabourForce(MemberStatus member, DateOnly asOf, ReconciliationPolicy policy) =>
        member.LabourCapacity is LabourCapacity.Normal or LabourCapacity.Skilled or LabourCapacity.Weak
        && !member.InSchool
        && EmploymentStability.AgeOn(member.BirthDate, asOf) >= policy.MinimumWorkingAge;
}
