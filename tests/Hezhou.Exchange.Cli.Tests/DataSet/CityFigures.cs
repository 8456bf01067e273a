using System.Globalization;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.DataSet;

/// <summary>The city's indicators as the seed report states them, with rates and the income as shown.</summary>
internal sealed record CityFigures(
    int Sites,
    int LargeSites,
    int SmallSites,
    int RelocatedPersons,
    int RelocatedHouseholds,
    int LabourForce,
    int EmployedPersons,
    int EmployedHouseholds,
    string EmploymentRate,
    int SelfEmployedPersons,
    string PerCapitaAnnualIncome,
    int UrbanDibaoRecipients,
    string UrbanDibaoPaid,
    int UrbanTekunRecipients,
    string UrbanTekunPaid,
    string CareAllowancePaid,
    int DisabledPersons,
    int DisabledLabourForce,
    int DisabledEmployed,
    string DisabledEmploymentRate,
    string WillingHouseholdsWithEmploymentRate)
{
    /// <summary>The report's date, "截止2023年12月".</summary>
    public static readonly DateOnly ReportDate = new(2023, 12, 31);

    /// <summary>
    /// What the city's report says (DESIGN section 7), as the statistics show it; the report gives no number of
    /// households, so that one is the generated city's.
    /// </summary>
    public static readonly CityFigures SeedReport = new(
        Sites: 25,
        LargeSites: 16,
        SmallSites: 9,
        RelocatedPersons: 61_620,
        RelocatedHouseholds: 14_596,
        LabourForce: 30_164,
        EmployedPersons: 28_469,
        EmployedHouseholds: 12_296,
        EmploymentRate: "94.38",
        SelfEmployedPersons: 483,
        PerCapitaAnnualIncome: "14,052.35",
        UrbanDibaoRecipients: 10_635,
        UrbanDibaoPaid: "50,615,000.00",
        UrbanTekunRecipients: 894,
        UrbanTekunPaid: "8,085,000.00",
        CareAllowancePaid: "2,491,000.00",
        DisabledPersons: 3_858,
        DisabledLabourForce: 1_509,
        DisabledEmployed: 888,
        DisabledEmploymentRate: "58.85",
        WillingHouseholdsWithEmploymentRate: "100.00");

    /// <summary>
    /// Computes the indicators for the whole city as of <paramref name="day"/> straight from the submitted records,
    /// independently of the server, by the definitions the statistics follow: a relocated person is a member of a
    /// household (the one with the lowest ID, should two list them) that moved in by that day, alive on it; a
    /// relocated household is any household that moved in by that day with a member alive on it.
    /// </summary>
    public static CityFigures Compute(GeneratedCity city, DateOnly day)
    {
        var sites = city.Relocation.Where(r => r.Site is not null).ToDictionary(r => r.SourceKey, r => r.Site);
        var households = city.Relocation.Where(r => r.Household is not null)
            .OrderBy(r => r.SourceKey, StringComparer.Ordinal)
            .ToList();
        var owner = new Dictionary<string, (string Household, V1.Household Record, V1.Member Member)>(StringComparer.Ordinal);
        foreach (var record in households)
        {
            foreach (var member in record.Household.Members)
            {
                owner.TryAdd(member.CitizenId, (record.SourceKey, record.Household, member));
            }
        }

        var relocated = owner.Values
            .Where(o => Day(o.Record.RelocationDate) <= day && (o.Member.DeathDate is null || Day(o.Member.DeathDate) > day))
            .ToList();
        var employments = city.HumanResources.Where(r => r.Employment is not null)
            .ToLookup(r => r.Employment.Person.CitizenId, StringComparer.Ordinal);
        var entitlements = city.CivilAffairs.Where(r => r.WelfareEntitlement is not null)
            .ToLookup(r => r.WelfareEntitlement.Person.CitizenId, StringComparer.Ordinal);

        bool Active(V1.Employment e) => Day(e.StartDate) <= day && (e.EndDate is null || Day(e.EndDate) >= day);
        bool Stable(V1.Employment e) => Active(e) && day.DayNumber - Day(e.StartDate).DayNumber + 1 >= 90;
        bool InLabourForce(V1.Member m) =>
            Age(Day(m.BirthDate), day) >= 16 && !m.InSchool
            && m.LabourCapacity is V1.LabourCapacity.Normal or V1.LabourCapacity.Skilled or V1.LabourCapacity.Weak;
        bool Entitled(string id, V1.WelfareProgramme programme) => entitlements[id].Any(r =>
            r.WelfareEntitlement.Programme == programme && Day(r.WelfareEntitlement.StartDate) <= day
            && (r.WelfareEntitlement.EndDate is null || Day(r.WelfareEntitlement.EndDate) >= day));

        var labourForce = relocated.Where(o => InLabourForce(o.Member)).ToList();
        var employed = labourForce.Where(o => employments[o.Member.CitizenId].Any(r => Stable(r.Employment))).ToList();
        var selfEmployed = employed.Count(o => employments[o.Member.CitizenId]
            .Where(r => Stable(r.Employment))
            .OrderBy(r => Day(r.Employment.StartDate))
            .ThenBy(r => r.SourceKey, StringComparer.Ordinal)
            .First().Employment.Channel == V1.EmploymentChannel.SelfEmployment);
        var incomeFen = relocated.Sum(o => employments[o.Member.CitizenId]
            .Where(r => Active(r.Employment))
            .Sum(r => Fen(r.Employment.MonthlyIncome)));
        var perSite = relocated.GroupBy(o => o.Record.SiteCode).Select(g => g.Count()).ToList();

        var members = owner.Keys.ToHashSet(StringComparer.Ordinal);
        long Paid(V1.WelfareProgramme programme) => city.CivilAffairs
            .Where(r => r.WelfarePayment is { } p && p.Programme == programme && members.Contains(p.Person.CitizenId)
                && new DateOnly(p.Month.Year, p.Month.Month, 1) <= day)
            .Sum(r => Fen(r.WelfarePayment.Amount));

        var disabled = relocated.Where(o => o.Member.DisabilityCategory != V1.DisabilityCategory.None).ToList();
        var disabledIds = disabled.Select(o => o.Member.CitizenId).ToHashSet(StringComparer.Ordinal);
        var employedHouseholds = employed.Select(o => o.Household).Distinct().Count();
        var willingHouseholds = labourForce.Where(o => o.Member.WillingToWork).Select(o => o.Household).Distinct().Count();
        var disabledLabourForce = labourForce.Count(o => disabledIds.Contains(o.Member.CitizenId));
        var disabledEmployed = employed.Count(o => disabledIds.Contains(o.Member.CitizenId));

        return new CityFigures(
            perSite.Count,
            perSite.Count(n => n >= 800),
            perSite.Count(n => n < 800),
            relocated.Count,
            households.Count(r => Day(r.Household.RelocationDate) <= day
                && r.Household.Members.Any(m => m.DeathDate is null || Day(m.DeathDate) > day)),
            labourForce.Count,
            employed.Count,
            employedHouseholds,
            Rate(employed.Count, labourForce.Count),
            selfEmployed,
            Yuan(RoundHalfAwayFromZero(incomeFen * 12, relocated.Count)),
            relocated.Count(o => Entitled(o.Member.CitizenId, V1.WelfareProgramme.UrbanDibao)),
            Yuan(Paid(V1.WelfareProgramme.UrbanDibao)),
            relocated.Count(o => Entitled(o.Member.CitizenId, V1.WelfareProgramme.UrbanTekun)),
            Yuan(Paid(V1.WelfareProgramme.UrbanTekun)),
            Yuan(Paid(V1.WelfareProgramme.CareAllowance)),
            disabled.Count,
            disabledLabourForce,
            disabledEmployed,
            Rate(disabledEmployed, disabledLabourForce),
            Rate(employedHouseholds, willingHouseholds));
    }

    private static DateOnly Day(Google.Type.Date date) => new(date.Year, date.Month, date.Day);

    private static long Fen(Google.Type.Money money) => (money.Units * 100) + (money.Nanos / 10_000_000);

    private static int Age(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        var birthday = born is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(day.Year)
            ? new DateOnly(day.Year, 3, 1)
            : new DateOnly(day.Year, born.Month, born.Day);
        return day < birthday ? age - 1 : age;
    }

    private static long RoundHalfAwayFromZero(long numerator, long denominator) =>
        ((2 * numerator) + denominator) / (2 * denominator);

    private static string Rate(long numerator, long denominator) =>
        Math.Round(100m * numerator / denominator, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Yuan(long fen) => (fen / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);
}
