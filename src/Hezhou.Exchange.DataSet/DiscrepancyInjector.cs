using System.Globalization;
using Hezhou.Exchange.Domain.Reconciliation;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>Plants discrepancies in a clean plan, each found by exactly one rule exactly once.</summary>
/// <remarks>
/// <para>
/// Each case touches its own household and leaves the city's figures as of 2023-12-31 as they were, wherever it can:
/// it adds records rather than changing calibrated ones, and what it adds ended before the report's date or is not
/// paid. Every key is one the rules give whatever day reconciliation runs from 2024-01-01 on, and every date is on or
/// before 2024-01-01, so the records pass validation on any day since.
/// </para>
/// <list type="bullet">
/// <item>Identity mismatch: human resources mistypes the last character of an employed person's name.</item>
/// <item>Duplicate membership: an elderly member without jobs or welfare is also listed, as its head, by a new
/// household at the same site, whose ID sorts after theirs. The only case that changes a figure: one more household
/// (and one more person where memberships rather than persons are counted).</item>
/// <item>Benefit after death: an employed member of a household with another employed member dies on 2024-01-01,
/// the day after the report's date, while their job runs on.</item>
/// <item>Urban and rural dibao: a rural dibao recipient also gets urban dibao for three months, ended and unpaid.</item>
/// <item>Dibao with tekun: a rural dibao recipient also gets rural tekun for three months, ended and unpaid.</item>
/// <item>Rural benefit at urban site: a member at an urban site without welfare gets rural tekun from March to
/// August 2022, unpaid.</item>
/// <item>Income above dibao line: a worker of a dibao household has a well-paid job for four months that ended
/// before the report's date.</item>
/// <item>Zero-employment household: the only job of a household with one employed member ends on 2023-12-31, so it
/// counts on the report's date but the household has no stable job when reconciled later.</item>
/// <item>Employment without capacity: a member with lost or no labour capacity had a job in 2022.</item>
/// <item>Unknown person: human resources records a 2022 job for a citizen ID no household holds.</item>
/// </list>
/// </remarks>
internal sealed class DiscrepancyInjector
{
    /// <summary>A death the day after the report's date: alive in the figures, dead when reconciled.</summary>
    private static readonly DateOnly DeathAfterReport = new(2024, 1, 1);

    private static readonly DateOnly LatestOverlapStart = new(2023, 5, 1);

    private readonly CityPlan plan;
    private readonly int seed;
    private readonly CitizenIdAllocator ids;
    private readonly HashSet<int> usedHouseholds = [];
    private readonly Dictionary<int, List<EmploymentPlan>> employmentsOf = [];
    private readonly Dictionary<int, List<EntitlementPlan>> entitlementsOf = [];
    private readonly List<InjectedDiscrepancy> injected = [];
    private readonly List<Employer> exportEmployers;

    private DiscrepancyInjector(CityPlan plan, int seed, CitizenIdAllocator ids)
    {
        this.plan = plan;
        this.seed = seed;
        this.ids = ids;
        foreach (var employment in plan.Employments)
        {
            ListOf(employmentsOf, employment.Person).Add(employment);
        }

        foreach (var entitlement in plan.Entitlements)
        {
            ListOf(entitlementsOf, entitlement.Person).Add(entitlement);
        }

        exportEmployers = [.. plan.Employments.Where(e => e.Channel == V1.EmploymentChannel.LabourExport).Select(e => e.Employer).Take(50)];
    }

    public static IReadOnlyList<InjectedDiscrepancy> Inject(CityPlan plan, DataSetOptions options, CitizenIdAllocator ids)
    {
        var injector = new DiscrepancyInjector(plan, options.Seed, ids);
        var counts = options.Inject ?? new Dictionary<DiscrepancyRule, int>();
        foreach (var rule in Enum.GetValues<DiscrepancyRule>().Where(r => r != DiscrepancyRule.Unspecified))
        {
            if (counts.TryGetValue(rule, out var count) && count > 0)
            {
                injector.Inject(rule, count);
            }
        }

        return injector.injected;
    }

    private void Inject(DiscrepancyRule rule, int count)
    {
        var random = DeterministicRandom.For(seed, 0, "inject:" + Finding.Slug(rule));
        if (rule == DiscrepancyRule.UnknownPerson)
        {
            for (var i = 0; i < count; i++)
            {
                UnknownPerson(random);
            }

            return;
        }

        var householdRule = rule is DiscrepancyRule.IncomeAboveDibaoLine or DiscrepancyRule.ZeroEmploymentHousehold;
        var candidates = householdRule
            ? Enumerable.Range(0, plan.Households.Count).Where(h => IsCandidateHousehold(rule, h)).ToList()
            : Enumerable.Range(0, plan.Persons.Count).Where(p => IsCandidatePerson(rule, p)).ToList();
        random.Shuffle(candidates);

        var done = 0;
        foreach (var candidate in candidates)
        {
            var household = householdRule ? candidate : plan.Persons[candidate].Household;
            if (done == count)
            {
                break;
            }

            if (!usedHouseholds.Add(household))
            {
                continue;
            }

            injected.Add(rule switch
            {
                DiscrepancyRule.IdentityMismatch => IdentityMismatch(candidate),
                DiscrepancyRule.DuplicateMembership => DuplicateMembership(candidate),
                DiscrepancyRule.BenefitAfterDeath => BenefitAfterDeath(candidate),
                DiscrepancyRule.UrbanAndRuralDibao => AlsoEntitled(rule, candidate, V1.WelfareProgramme.UrbanDibao),
                DiscrepancyRule.DibaoWithTekun => AlsoEntitled(rule, candidate, V1.WelfareProgramme.RuralTekun),
                DiscrepancyRule.RuralBenefitAtUrbanSite => RuralBenefitAtUrbanSite(candidate),
                DiscrepancyRule.IncomeAboveDibaoLine => IncomeAboveDibaoLine(candidate, random),
                DiscrepancyRule.ZeroEmploymentHousehold => ZeroEmploymentHousehold(candidate),
                _ => EmploymentWithoutCapacity(candidate),
            });
            done++;
        }

        if (done < count)
        {
            throw new ArgumentException(
                $"Only {done} cases of {Finding.Slug(rule)} can be planted in this data set, not {count}; " +
                "use a larger scale.", nameof(count));
        }
    }

    private bool IsCandidatePerson(DiscrepancyRule rule, int p)
    {
        var person = plan.Persons[p];
        if (person.Household < 0)
        {
            return false;
        }

        var household = plan.Households[person.Household];
        var site = plan.Sites[household.Site].Template;
        var jobs = employmentsOf.GetValueOrDefault(p) ?? [];
        var welfare = entitlementsOf.GetValueOrDefault(p) ?? [];
        return rule switch
        {
            DiscrepancyRule.IdentityMismatch =>
                person.Role == PersonRole.Employed && person.Name.Length >= 2
                && !person.Name.Contains('\u00B7', StringComparison.Ordinal) && !person.Name.Any(char.IsSurrogate),
            DiscrepancyRule.DuplicateMembership =>
                person.Role == PersonRole.Elderly && person.Capacity == V1.LabourCapacity.None
                && household.Kind != HouseholdKind.Tekun && !site.IsSmall && jobs.Count == 0 && welfare.Count == 0,
            DiscrepancyRule.BenefitAfterDeath =>
                person.Role == PersonRole.Employed && household.Dibao == DibaoKind.None
                && household.Members.Count(m => plan.Persons[m].Role == PersonRole.Employed) >= 2,
            DiscrepancyRule.UrbanAndRuralDibao or DiscrepancyRule.DibaoWithTekun =>
                welfare.Any(e => e.Programme == V1.WelfareProgramme.RuralDibao && e.Start <= LatestOverlapStart),
            DiscrepancyRule.RuralBenefitAtUrbanSite =>
                site.Kind == V1.SiteKind.Urban && household.Kind != HouseholdKind.Tekun
                && household.Dibao == DibaoKind.None && welfare.Count == 0,
            DiscrepancyRule.EmploymentWithoutCapacity =>
                person.Capacity is V1.LabourCapacity.Lost or V1.LabourCapacity.None
                && EmploymentStability.AgeOn(person.BirthDate, IncapableJob.Start) >= 20 && household.Dibao == DibaoKind.None,
            _ => false,
        };
    }

    private bool IsCandidateHousehold(DiscrepancyRule rule, int h)
    {
        var household = plan.Households[h];
        if (rule == DiscrepancyRule.IncomeAboveDibaoLine)
        {
            return household.Dibao != DibaoKind.None
                && DibaoFrom(household) <= LatestOverlapStart
                && household.Members.Any(m => plan.Persons[m].Role is PersonRole.Employed or PersonRole.Unemployed);
        }

        var jobs = household.Members.SelectMany(m => employmentsOf.GetValueOrDefault(m) ?? []).ToList();
        return household.Kind == HouseholdKind.Employed
            && household.Members.Count(m => plan.Persons[m].Role == PersonRole.Employed) == 1
            && jobs.Count == 1 && jobs[0].Purpose == EmploymentPurpose.Primary;
    }

    private InjectedDiscrepancy IdentityMismatch(int p)
    {
        var person = plan.Persons[p];
        var job = employmentsOf[p].First(e => e.Purpose == EmploymentPurpose.Primary);
        job.ClaimedName = ChineseNames.Mistyped(person.Name);
        return new InjectedDiscrepancy(
            DiscrepancyRule.IdentityMismatch,
            $"identity-mismatch/{person.CitizenId}/",
            $"Human resources' employment {job.Key} names {person.CitizenId} \"{job.ClaimedName}\"; the relocation " +
            $"office lists them in household {plan.Households[person.Household].Id} as \"{person.Name}\".");
    }

    private InjectedDiscrepancy DuplicateMembership(int p)
    {
        var person = plan.Persons[p];
        var holder = plan.Households[person.Household];
        var site = plan.Sites[holder.Site];
        var household = new HouseholdPlan
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{site.Code}{site.NextHouseholdNumber++:D5}"),
            Site = holder.Site,
            Kind = HouseholdKind.NonWorking,
            RelocationDate = holder.RelocationDate,
            Address = holder.Address + "（分户）",
            HeadedBy = p,
        };
        household.Members.Add(p);
        plan.Households.Add(household);
        usedHouseholds.Add(plan.Households.Count - 1);
        return new InjectedDiscrepancy(
            DiscrepancyRule.DuplicateMembership,
            $"duplicate-membership/{person.CitizenId}/",
            $"{person.Name} ({person.CitizenId}) of household {holder.Id} is also listed as the head of household " +
            $"{household.Id} at the same site.");
    }

    private InjectedDiscrepancy BenefitAfterDeath(int p)
    {
        var person = plan.Persons[p];
        person.DeathDate = DeathAfterReport;
        return new InjectedDiscrepancy(
            DiscrepancyRule.BenefitAfterDeath,
            $"benefit-after-death/{person.CitizenId}/{Iso(DeathAfterReport)}..",
            $"The relocation office records that {person.Name} ({person.CitizenId}) of household " +
            $"{plan.Households[person.Household].Id} died on {Iso(DeathAfterReport)}; their job " +
            $"{employmentsOf[p].First(e => e.Purpose == EmploymentPurpose.Primary).Key} runs on.");
    }

    /// <summary>A second, unpaid entitlement for three months inside a rural dibao recipient's dibao.</summary>
    private InjectedDiscrepancy AlsoEntitled(DiscrepancyRule rule, int p, V1.WelfareProgramme programme)
    {
        var person = plan.Persons[p];
        var dibao = entitlementsOf[p].First(e => e.Programme == V1.WelfareProgramme.RuralDibao);
        var start = dibao.Start.AddMonths(2);
        var overlap = new DatePeriod(start, start.AddMonths(3).AddDays(-1));
        var extra = AddEntitlement(p, programme, overlap, dibao.MonthlyAmountFen);
        return new InjectedDiscrepancy(
            rule,
            $"{Finding.Slug(rule)}/{person.CitizenId}/{overlap}",
            $"{person.Name} ({person.CitizenId}) receives rural dibao ({dibao.Key}) from {Iso(dibao.Start)} " +
            $"and also {programme} ({extra.Key}) {overlap}.");
    }

    private InjectedDiscrepancy RuralBenefitAtUrbanSite(int p)
    {
        var person = plan.Persons[p];
        var period = new DatePeriod(new DateOnly(2022, 3, 1), new DateOnly(2022, 8, 31));
        var extra = AddEntitlement(p, V1.WelfareProgramme.RuralTekun, period, 60_000);
        var household = plan.Households[person.Household];
        return new InjectedDiscrepancy(
            DiscrepancyRule.RuralBenefitAtUrbanSite,
            $"rural-benefit-at-urban-site/{person.CitizenId}/{period}",
            $"{person.Name} ({person.CitizenId}) has lived at the urban site {plan.Sites[household.Site].Code} since " +
            $"{Iso(household.RelocationDate)} and receives rural tekun ({extra.Key}) {period}.");
    }

    private InjectedDiscrepancy IncomeAboveDibaoLine(int h, DeterministicRandom random)
    {
        var household = plan.Households[h];
        var workers = household.Members.Where(m => plan.Persons[m].Role is PersonRole.Employed or PersonRole.Unemployed).ToList();
        var worker = workers[random.Next(workers.Count)];
        var start = DibaoFrom(household).AddMonths(2);
        var period = new DatePeriod(start, start.AddMonths(4).AddDays(-1));

        // More than the highest standard for every member, whatever else the household earns.
        var income = (83_000L * household.Members.Count) + 300_000;
        var job = AddEmployment(worker, V1.EmploymentChannel.LabourExport, random.Pick(exportEmployers), period, income);
        return new InjectedDiscrepancy(
            DiscrepancyRule.IncomeAboveDibaoLine,
            $"income-above-dibao-line/{household.Id}/{period}",
            $"Household {household.Id} receives {household.Dibao} dibao while {plan.Persons[worker].Name} " +
            $"({plan.Persons[worker].CitizenId}) earns {(income / 100).ToString(CultureInfo.InvariantCulture)} yuan a month ({job.Key}) {period}.");
    }

    private InjectedDiscrepancy ZeroEmploymentHousehold(int h)
    {
        var household = plan.Households[h];
        var job = household.Members.SelectMany(m => employmentsOf.GetValueOrDefault(m) ?? []).Single();
        job.End = SeedFigures.AsOf;
        return new InjectedDiscrepancy(
            DiscrepancyRule.ZeroEmploymentHousehold,
            $"zero-employment-household/{household.Id}/",
            $"The only job in household {household.Id} ({job.Key}) ended on {Iso(SeedFigures.AsOf)}; " +
            "its willing worker has had no stable job since.");
    }

    private InjectedDiscrepancy EmploymentWithoutCapacity(int p)
    {
        var person = plan.Persons[p];
        var county = plan.Sites[plan.Households[person.Household].Site].Template.County;
        var oddJob = new Employer("灵活就业（建筑零工）", "", county.Code, county.FullName, "建筑零工");
        var job = AddEmployment(p, V1.EmploymentChannel.Flexible, oddJob, IncapableJob, 150_000);
        return new InjectedDiscrepancy(
            DiscrepancyRule.EmploymentWithoutCapacity,
            $"employment-without-capacity/{person.CitizenId}/{IncapableJob}",
            $"{person.Name} ({person.CitizenId}), recorded with {person.Capacity} labour capacity, has the job " +
            $"{job.Key} {IncapableJob}.");
    }

    private void UnknownPerson(DeterministicRandom random)
    {
        var county = random.Pick(HezhouGeography.Counties);
        var gender = random.Chance(0.5) ? V1.Gender.Male : V1.Gender.Female;
        var birthDate = SeedFigures.AsOf.AddYears(-random.Between(25, 50)).AddDays(-random.Next(365));
        var stranger = new PersonPlan
        {
            Household = -1,
            Role = PersonRole.Employed,
            CitizenId = ids.Next(county.Code, birthDate, gender),
            Name = ChineseNames.Surname(random, V1.Ethnicity.Han) + ChineseNames.GivenName(random, gender),
            Gender = gender,
            BirthDate = birthDate,
            Ethnicity = V1.Ethnicity.Han,
        };
        plan.Persons.Add(stranger);
        var period = new DatePeriod(new DateOnly(2022, 5, 1), new DateOnly(2022, 10, 31));
        var job = AddEmployment(plan.Persons.Count - 1, V1.EmploymentChannel.LabourExport, random.Pick(exportEmployers), period, 350_000);
        injected.Add(new InjectedDiscrepancy(
            DiscrepancyRule.UnknownPerson,
            $"unknown-person/{stranger.CitizenId}/",
            $"Human resources' employment {job.Key} is for {stranger.Name} ({stranger.CitizenId}), whom no household lists."));
    }

    private static readonly DatePeriod IncapableJob = new(new DateOnly(2022, 4, 1), new DateOnly(2022, 9, 30));

    private DateOnly DibaoFrom(HouseholdPlan household) =>
        household.Members
            .SelectMany(m => entitlementsOf.GetValueOrDefault(m) ?? [])
            .Where(e => e.Programme is V1.WelfareProgramme.UrbanDibao or V1.WelfareProgramme.RuralDibao)
            .Min(e => e.Start);

    private EmploymentPlan AddEmployment(int person, V1.EmploymentChannel channel, Employer employer, DatePeriod period, long incomeFen)
    {
        var job = new EmploymentPlan
        {
            Key = plan.NewEmploymentKey(),
            Person = person,
            Purpose = EmploymentPurpose.Injected,
            Channel = channel,
            Employer = employer,
            Start = period.Start,
            End = period.End,
            MonthlyIncomeFen = incomeFen,
        };
        plan.Employments.Add(job);
        return job;
    }

    private EntitlementPlan AddEntitlement(int person, V1.WelfareProgramme programme, DatePeriod period, long amountFen)
    {
        var entitlement = new EntitlementPlan
        {
            Key = plan.NewEntitlementKey(programme),
            Person = person,
            Programme = programme,
            Start = period.Start,
            End = period.End,
            MonthlyAmountFen = amountFen,
        };
        plan.Entitlements.Add(entitlement);
        return entitlement;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<T> ListOf<T>(Dictionary<int, List<T>> lists, int key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            list = [];
            lists[key] = list;
        }

        return list;
    }
}
