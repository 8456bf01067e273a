using Hezhou.Exchange.Domain.Reconciliation;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>Human resources' side of one copy of the city: every employed member's jobs, and the vacancies.</summary>
/// <remarks>
/// <para>
/// Each employed member has one open-ended primary job that began at least 90 days before the report's date and
/// after their 18th birthday; exactly the report's number of them have self-employment as that job. Some also have a
/// later second job, an earlier job that ended, and some unemployed members a job begun less than 90 days before the
/// report's date (active, so their income counts, but not yet stable). Members of dibao households hold only
/// low-paid local jobs, within the household's income ceiling, and nothing else.
/// </para>
/// <para>
/// Incomes are drawn by channel and then scaled, to the fen, so that the income of every job active on the report's
/// date adds up to the report's per-capita income exactly.
/// </para>
/// </remarks>
internal static class WorkPlanner
{
    private const int Vacancies = 300;

    private static readonly DateOnly LatestStableStart = SeedFigures.AsOf.AddDays(-95);
    private static readonly DateOnly EarliestStart = new(2016, 3, 1);

    private static readonly V1.EmploymentChannel[] PrimaryChannels =
    [
        V1.EmploymentChannel.LabourExport, V1.EmploymentChannel.GuangdongGuangxiCooperation,
        V1.EmploymentChannel.AssistanceWorkshop, V1.EmploymentChannel.IndustryDriven,
        V1.EmploymentChannel.PublicWelfarePost, V1.EmploymentChannel.Flexible,
    ];

    private static readonly double[] PrimaryChannelWeights = [0.34, 0.10, 0.17, 0.18, 0.07, 0.14];

    private static readonly V1.EmploymentChannel[] LocalChannels =
    [
        V1.EmploymentChannel.PublicWelfarePost, V1.EmploymentChannel.AssistanceWorkshop, V1.EmploymentChannel.Flexible,
    ];

    private static readonly double[] LocalChannelWeights = [0.6, 0.25, 0.15];

    public static void AddJobs(CityPlan plan, CityPlanner.Replica replica, EmployerCatalogue employers, int seed)
    {
        var random = DeterministicRandom.For(seed, replica.Number, "work");
        var firstEmployment = plan.Employments.Count;
        var mayBeSelfEmployed = Enumerable.Range(replica.FirstPerson, replica.EndPerson - replica.FirstPerson)
            .Where(p => plan.Persons[p].Role == PersonRole.Employed && plan.Households[plan.Persons[p].Household].Dibao == DibaoKind.None)
            .ToList();
        random.Shuffle(mayBeSelfEmployed);
        var selfEmployed = mayBeSelfEmployed.Take(SeedFigures.SelfEmployedPersons).ToHashSet();

        for (var h = replica.FirstHousehold; h < replica.EndHousehold; h++)
        {
            var household = plan.Households[h];
            var site = plan.Sites[household.Site].Template;
            var dibao = household.Dibao != DibaoKind.None;
            var employed = household.Members.Count(m => plan.Persons[m].Role == PersonRole.Employed);
            var wageCeiling = dibao && employed > 0 ? WelfarePlanner.IncomeCeilingFen(plan, household) / employed : 0;
            foreach (var p in household.Members)
            {
                var person = plan.Persons[p];
                var adult = EmploymentStability.DayOfTurning(person.BirthDate, 18);
                if (person.Role == PersonRole.Employed)
                {
                    if (dibao)
                    {
                        var channel = LocalChannels[random.PickWeighted(LocalChannelWeights)];
                        var start = random.DayBetween(Later(adult, household.RelocationDate), LatestStableStart);
                        var wage = random.Between(WelfarePlanner.LowestWageFen / 100, wageCeiling / 100) * 100;
                        Add(plan, p, EmploymentPurpose.Primary, channel, EmployerFor(channel, employers, site, person, random), start, null, wage);
                        continue;
                    }

                    var earliest = Later(Later(adult, household.RelocationDate.AddDays(-730)), EarliestStart);
                    var primaryChannel = selfEmployed.Contains(p)
                        ? V1.EmploymentChannel.SelfEmployment
                        : PrimaryChannels[random.PickWeighted(PrimaryChannelWeights)];
                    var primaryStart = random.DayBetween(earliest, LatestStableStart);
                    AddDrawn(plan, p, EmploymentPurpose.Primary, primaryChannel, employers, site, primaryStart, null, random);

                    if (random.Chance(0.04) && primaryStart.AddDays(30) < new DateOnly(2023, 11, 30))
                    {
                        var channel = random.PickWeighted([0.6, 0.25, 0.15]) switch
                        {
                            0 => V1.EmploymentChannel.Flexible,
                            1 => V1.EmploymentChannel.IndustryDriven,
                            _ => V1.EmploymentChannel.SelfEmployment,
                        };
                        var start = random.DayBetween(primaryStart.AddDays(30), new DateOnly(2023, 11, 30));
                        Add(plan, p, EmploymentPurpose.Secondary, channel, EmployerFor(channel, employers, site, person, random),
                            start, null, random.Between(60_000L, 150_000L));
                    }

                    if (random.Chance(0.08) && earliest.AddDays(150) < primaryStart)
                    {
                        var start = random.DayBetween(earliest, primaryStart.AddDays(-121));
                        var end = Earlier(start.AddDays(random.Between(90, 700)), primaryStart.AddDays(-31));
                        AddDrawn(plan, p, EmploymentPurpose.Past, PrimaryChannels[random.PickWeighted(PrimaryChannelWeights)],
                            employers, site, start, end, random);
                    }
                }
                else if (person.Role == PersonRole.Unemployed && !dibao)
                {
                    var channel = PrimaryChannels[random.PickWeighted(PrimaryChannelWeights)];
                    if (household.Kind == HouseholdKind.Employed && random.Chance(0.15))
                    {
                        var start = random.DayBetween(new DateOnly(2023, 10, 10), new DateOnly(2023, 12, 20));
                        AddDrawn(plan, p, EmploymentPurpose.Recent, channel, employers, site, start, null, random);
                    }
                    else if (random.Chance(household.Kind == HouseholdKind.Employed ? 0.15 : 0.10))
                    {
                        var start = random.DayBetween(Later(adult, new DateOnly(2019, 1, 1)), new DateOnly(2022, 12, 31));
                        var end = Earlier(start.AddDays(random.Between(60, 500)), new DateOnly(2023, 6, 30));
                        AddDrawn(plan, p, EmploymentPurpose.Past, channel, employers, site, start, end, random);
                    }
                }
            }
        }

        SettleIncome(plan, firstEmployment);
    }

    public static void AddVacancies(CityPlan plan, CityPlanner.Replica replica, EmployerCatalogue employers, int seed)
    {
        var random = DeterministicRandom.For(seed, replica.Number, "vacancies");
        for (var i = 0; i < Vacancies; i++)
        {
            var site = plan.Sites[replica.FirstSite + random.Next(HezhouGeography.Sites.Count)];
            var (employer, titles, lowest, highest, most) = random.PickWeighted([0.4, 0.15, 0.25, 0.2]) switch
            {
                0 => (random.Pick(employers.LabourExport), new[] { "普工", "装配工", "质检员", "包装工", "仓库管理员", "叉车司机" }, 3_600, 6_000, 150),
                1 => (random.Pick(employers.Cooperation), new[] { "普工", "缝纫工", "电子装配工", "质检员" }, 3_000, 5_000, 80),
                2 => (random.Pick(employers.IndustriesIn(site.Template.County.Code)), new[] { "采摘工", "果园管护员", "分拣包装工", "加工工" }, 2_000, 3_500, 40),
                _ => (random.Pick(employers.WorkshopsAt(site.Template)), new[] { "缝纫工", "手工编织工", "电子元件加工工", "包装工" }, 1_800, 2_800, 30),
            };
            var posted = random.DayBetween(new DateOnly(2023, 1, 3), new DateOnly(2023, 12, 20));
            var closing = posted.AddDays(random.Between(30, 90));
            plan.Vacancies.Add(new VacancyPlan
            {
                Key = plan.NewVacancyKey(),
                Employer = employer,
                Title = random.Pick(titles),
                Positions = random.Between(1, most),
                MonthlyWageFen = random.Between(lowest, highest) * 100L,
                Posted = posted,
                Closing = random.Chance(0.6) && closing <= SeedFigures.AsOf ? closing : null,
                SiteCode = random.Chance(0.4) ? site.Code : "",
            });
        }
    }

    /// <summary>
    /// Scales the incomes of jobs active on the report's date outside dibao households (whose incomes are bounded
    /// by the dibao line) so that all active jobs pay exactly the report's total; the last fen go to the best paid.
    /// </summary>
    private static void SettleIncome(CityPlan plan, int firstEmployment)
    {
        var active = plan.Employments.Skip(firstEmployment).Where(e => e.IsActiveOn(SeedFigures.AsOf)).ToList();
        var scaled = active.Where(e => plan.Households[plan.Persons[e.Person].Household].Dibao == DibaoKind.None).ToList();
        var fixedIncome = active.Except(scaled).Sum(e => e.MonthlyIncomeFen);
        var drawn = scaled.Sum(e => e.MonthlyIncomeFen);
        var factor = (decimal)(SeedFigures.MonthlyIncomeFen - fixedIncome) / drawn;
        if (factor is < 0.75m or > 1.3m)
        {
            throw new InvalidOperationException($"Incomes would need scaling by {factor:F3}; the drawn incomes are off.");
        }

        foreach (var employment in scaled)
        {
            employment.MonthlyIncomeFen = (long)Math.Round(employment.MonthlyIncomeFen * factor, MidpointRounding.AwayFromZero);
        }

        var remainder = SeedFigures.MonthlyIncomeFen - fixedIncome - scaled.Sum(e => e.MonthlyIncomeFen);
        scaled.MaxBy(e => e.MonthlyIncomeFen)!.MonthlyIncomeFen += remainder;
    }

    private static void AddDrawn(
        CityPlan plan, int person, EmploymentPurpose purpose, V1.EmploymentChannel channel, EmployerCatalogue employers,
        SiteTemplate site, DateOnly start, DateOnly? end, DeterministicRandom random)
    {
        var employer = EmployerFor(channel, employers, site, plan.Persons[person], random);
        var (lowest, highest) = channel switch
        {
            V1.EmploymentChannel.LabourExport when employer.LocationFrom(site.County.Code) == V1.WorkLocation.OutOfProvince => (3_000, 4_600),
            V1.EmploymentChannel.LabourExport => (2_600, 3_800),
            V1.EmploymentChannel.GuangdongGuangxiCooperation => (2_500, 3_900),
            V1.EmploymentChannel.AssistanceWorkshop => (1_500, 2_400),
            V1.EmploymentChannel.IndustryDriven => (1_800, 3_000),
            V1.EmploymentChannel.SelfEmployment => (2_000, 4_500),
            V1.EmploymentChannel.PublicWelfarePost => (900, 1_500),
            _ => (1_400, 2_800),
        };
        Add(plan, person, purpose, channel, employer, start, end, random.Between(lowest * 100L, highest * 100L));
    }

    private static void Add(
        CityPlan plan, int person, EmploymentPurpose purpose, V1.EmploymentChannel channel, Employer employer,
        DateOnly start, DateOnly? end, long incomeFen) =>
        plan.Employments.Add(new EmploymentPlan
        {
            Key = plan.NewEmploymentKey(),
            Person = person,
            Purpose = purpose,
            Channel = channel,
            Employer = employer,
            Start = start,
            End = end,
            MonthlyIncomeFen = incomeFen,
        });

    private static Employer EmployerFor(
        V1.EmploymentChannel channel, EmployerCatalogue employers, SiteTemplate site, PersonPlan person, DeterministicRandom random) =>
        channel switch
        {
            V1.EmploymentChannel.LabourExport => random.Pick(employers.LabourExport),
            V1.EmploymentChannel.GuangdongGuangxiCooperation => random.Pick(employers.Cooperation),
            V1.EmploymentChannel.AssistanceWorkshop => random.Pick(employers.WorkshopsAt(site)),
            V1.EmploymentChannel.IndustryDriven => random.Chance(0.8)
                ? random.Pick(employers.IndustriesIn(site.County.Code))
                : random.Pick(employers.IndustriesIn(random.Pick(HezhouGeography.Counties).Code)),
            V1.EmploymentChannel.SelfEmployment => EmployerCatalogue.OwnBusiness(random, site, Surname(person.Name), GivenName(person.Name)),
            V1.EmploymentChannel.PublicWelfarePost => employers.TownGovernmentOf(site),
            _ => employers.Flexible(random, site),
        };

    // A business is named after its owner; transliterated names are used whole.
    private static string Surname(string name) => name.Contains('\u00B7', StringComparison.Ordinal) ? "" : name[..1];

    private static string GivenName(string name) =>
        name.Contains('\u00B7', StringComparison.Ordinal) ? name[..name.IndexOf('\u00B7', StringComparison.Ordinal)] : name[1..];

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
