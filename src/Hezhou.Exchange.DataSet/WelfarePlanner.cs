using Hezhou.Exchange.Domain.Reconciliation;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>Civil affairs' side of one copy of the city: who receives dibao, tekun, care allowance and subsidies.</summary>
/// <remarks>
/// <para>
/// Urban programmes go only to households at urban sites and rural ones only to rural sites, nobody has two kinds of
/// dibao or dibao with tekun, and a household receives dibao only if its monthly income per member stays at or below
/// the dibao line in every month, now and later: its members' jobs are paid at most the 2021 standard (780 yuan urban,
/// 410 rural, the lowest in force since) times the members already born when the dibao starts, and jobs never end.
/// </para>
/// <para>
/// Entitlements are open-ended and paid monthly up to December 2023. The urban dibao, urban tekun and care allowance
/// amounts are drawn and then settled so that what was paid adds up exactly to the report's totals.
/// </para>
/// </remarks>
internal static class WelfarePlanner
{
    /// <summary>The last month paid for: December 2023.</summary>
    public static readonly DateOnly LastPaidMonth = new(2023, 12, 1);

    /// <summary>A job in a dibao household pays at least this; the household is only chosen if all its jobs can.</summary>
    public const long LowestWageFen = 80_000;

    private const long UrbanLineFen = 78_000;
    private const long RuralLineFen = 41_000;
    private const long LowestWageRoomFen = 90_000;
    private const int RuralDibaoRecipients = 4_300;

    private static readonly DateOnly SubsidiesFrom = new(2023, 7, 1);

    /// <summary>The most a dibao household's jobs may pay together each month.</summary>
    public static long IncomeCeilingFen(CityPlan plan, HouseholdPlan household) =>
        (household.Dibao == DibaoKind.Urban ? UrbanLineFen : RuralLineFen)
        * household.Members.Count(m => plan.Persons[m].BirthDate <= household.DibaoStart);

    public static int PaidMonthsFrom(DateOnly start) =>
        ((LastPaidMonth.Year - start.Year) * 12) + LastPaidMonth.Month - start.Month + 1;

    public static DateOnly MonthStart(int paidMonths) => LastPaidMonth.AddMonths(-(paidMonths - 1));

    public static void AddWelfare(CityPlan plan, CityPlanner.Replica replica, int seed)
    {
        var random = DeterministicRandom.For(seed, replica.Number, "welfare");
        var firstEntitlement = plan.Entitlements.Count;
        ChooseDibao(plan, replica, DibaoKind.Urban, SeedFigures.UrbanDibaoRecipients, exact: true, random);
        ChooseDibao(plan, replica, DibaoKind.Rural, RuralDibaoRecipients, exact: false, random);
        AddTekun(plan, replica, random);
        AddDisabilitySubsidies(plan, replica);

        var added = plan.Entitlements.Skip(firstEntitlement).ToList();
        Settle(added, V1.WelfareProgramme.UrbanDibao, SeedFigures.UrbanDibaoPaidYuan, random);
        Settle(added, V1.WelfareProgramme.UrbanTekun, SeedFigures.UrbanTekunPaidYuan, random);
        Settle(added, V1.WelfareProgramme.CareAllowance, SeedFigures.CareAllowancePaidYuan, random);
        foreach (var entitlement in added.Where(e => e.MonthlyAmountFen == 0))
        {
            entitlement.MonthlyAmountFen = entitlement.Programme switch
            {
                V1.WelfareProgramme.RuralDibao => random.Between(150, 380) * 100L,
                V1.WelfareProgramme.RuralTekun => random.Between(560, 720) * 100L,
                V1.WelfareProgramme.DisabilityLivingSubsidy => 80_00,
                _ => plan.Persons[entitlement.Person].DisabilityGrade == 1 ? 100_00 : 80_00,
            };
        }
    }

    /// <summary>
    /// Households for one kind of dibao until it has the wanted number of recipients (exactly, for urban dibao: the
    /// last household chosen may have only some of its members covered). Households with fewer workers are likelier.
    /// </summary>
    private static void ChooseDibao(
        CityPlan plan, CityPlanner.Replica replica, DibaoKind kind, int recipients, bool exact, DeterministicRandom random)
    {
        var siteKind = kind == DibaoKind.Urban ? V1.SiteKind.Urban : V1.SiteKind.Rural;
        var line = kind == DibaoKind.Urban ? UrbanLineFen : RuralLineFen;
        var programme = kind == DibaoKind.Urban ? V1.WelfareProgramme.UrbanDibao : V1.WelfareProgramme.RuralDibao;
        var longestMonths = kind == DibaoKind.Urban ? 16 : 12;
        var candidates = Enumerable.Range(replica.FirstHousehold, replica.EndHousehold - replica.FirstHousehold)
            .Where(h => plan.Households[h].Kind != HouseholdKind.Tekun && plan.Sites[plan.Households[h].Site].Template.Kind == siteKind)
            .ToList();
        random.Shuffle(candidates);

        var remaining = recipients;
        for (var pass = 0; pass < 20 && remaining > 0; pass++)
        {
            foreach (var h in candidates)
            {
                var household = plan.Households[h];
                var workers = household.Members.Count(m => plan.Persons[m].Role == PersonRole.Employed);
                var likelihood = workers switch
                {
                    0 => 0.9,
                    1 => 0.75,
                    2 => 0.5,
                    3 => 0.25,
                    _ => 0.08,
                };
                if (household.Dibao != DibaoKind.None || !random.Chance(likelihood))
                {
                    continue;
                }

                var start = MonthStart(random.Between(1, longestMonths));
                var bornBefore = household.Members.Count(m => plan.Persons[m].BirthDate <= start);
                if (bornBefore == 0 || bornBefore * line < workers * LowestWageRoomFen)
                {
                    continue;
                }

                // A child born after the household's dibao started is covered from the next month on.
                var covered = household.Members
                    .Select(m => (Member: m, Start: Later(start, FirstOfNextMonth(plan.Persons[m].BirthDate))))
                    .Where(c => c.Start <= LastPaidMonth)
                    .Take(exact ? remaining : int.MaxValue)
                    .ToList();
                household.Dibao = kind;
                household.DibaoStart = start;
                foreach (var (member, memberStart) in covered)
                {
                    Add(plan, member, programme, memberStart);
                }

                remaining -= covered.Count;
                if (remaining <= 0)
                {
                    break;
                }
            }
        }

        if (remaining > 0)
        {
            throw new InvalidOperationException($"Only {recipients - remaining} of {recipients} {kind} dibao recipients found.");
        }
    }

    /// <summary>Tekun for the single extreme-hardship households; care allowance for those who cannot look after themselves.</summary>
    private static void AddTekun(CityPlan plan, CityPlanner.Replica replica, DeterministicRandom random)
    {
        for (var h = replica.FirstHousehold; h < replica.EndHousehold; h++)
        {
            var household = plan.Households[h];
            if (household.Kind != HouseholdKind.Tekun)
            {
                continue;
            }

            var urban = plan.Sites[household.Site].Template.Kind == V1.SiteKind.Urban;
            var person = household.Members[0];
            var months = random.Between(1, urban ? 16 : 24);
            Add(plan, person, urban ? V1.WelfareProgramme.UrbanTekun : V1.WelfareProgramme.RuralTekun, MonthStart(months));
            var recipient = plan.Persons[person];
            if (recipient.Capacity == V1.LabourCapacity.Lost || EmploymentStability.AgeOn(recipient.BirthDate, SeedFigures.AsOf) >= 80)
            {
                Add(plan, person, V1.WelfareProgramme.CareAllowance, MonthStart(random.Between(1, months)));
            }
        }
    }

    /// <summary>
    /// Living subsidy for disabled dibao recipients, nursing subsidy for the severely disabled (grades 1 and 2), both
    /// from July 2023, when the subsidies were last re-certified.
    /// </summary>
    private static void AddDisabilitySubsidies(CityPlan plan, CityPlanner.Replica replica)
    {
        var dibaoStart = new Dictionary<int, DateOnly>();
        foreach (var entitlement in plan.Entitlements.Where(e => (e.Programme is V1.WelfareProgramme.UrbanDibao or V1.WelfareProgramme.RuralDibao) && e.Person >= replica.FirstPerson))
        {
            dibaoStart[entitlement.Person] = entitlement.Start;
        }

        for (var p = replica.FirstPerson; p < replica.EndPerson; p++)
        {
            var person = plan.Persons[p];
            if (!person.IsDisabled)
            {
                continue;
            }

            var earliest = Later(SubsidiesFrom, FirstOfNextMonth(person.BirthDate));
            if (earliest > LastPaidMonth)
            {
                continue;
            }

            if (dibaoStart.TryGetValue(p, out var start))
            {
                Add(plan, p, V1.WelfareProgramme.DisabilityLivingSubsidy, Later(earliest, start));
            }

            if (person.DisabilityGrade <= 2)
            {
                Add(plan, p, V1.WelfareProgramme.DisabilityNursingSubsidy, earliest);
            }
        }
    }

    private static void Settle(List<EntitlementPlan> entitlements, V1.WelfareProgramme programme, long totalYuan, DeterministicRandom random)
    {
        var paid = entitlements.Where(e => e.Programme == programme).ToList();
        var months = paid.Select(e => e.PaidMonths).ToArray();
        var amounts = ExactTotals.MonthlyAmounts(months, totalYuan, spread: 0.3, random);
        for (var i = 0; i < paid.Count; i++)
        {
            paid[i].PaidMonths = months[i];
            paid[i].Start = MonthStart(months[i]);
            paid[i].MonthlyAmountFen = amounts[i] * 100;
        }
    }

    private static void Add(CityPlan plan, int person, V1.WelfareProgramme programme, DateOnly start) =>
        plan.Entitlements.Add(new EntitlementPlan
        {
            Key = plan.NewEntitlementKey(programme),
            Person = person,
            Programme = programme,
            Start = start,
            PaidMonths = PaidMonthsFrom(start),
        });

    private static DateOnly FirstOfNextMonth(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
