using System.Globalization;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>The persons and households of one copy of the city, laid out so that its figures are the seed report's.</summary>
/// <remarks>
/// The figures are not hoped for but built in: the number of employed members of each household, of unemployed
/// members of the labour force, of members outside it, and of disabled persons in each group are drawn at random and
/// then nudged until they add up exactly to the report's totals; only then do the households become families with
/// names and ages. Everything a copy draws comes from streams seeded by the seed and the copy's number.
/// </remarks>
internal static class CityPlanner
{
    /// <summary>A copy's range of households and persons in the plan.</summary>
    public readonly record struct Replica(int Number, int FirstSite, int FirstHousehold, int EndHousehold, int FirstPerson, int EndPerson);

    private static readonly double[] EmployedPerHousehold = [0, 0.24, 0.36, 0.24, 0.12, 0.04];
    private static readonly double[] OthersPerWorkingHousehold = [0.10, 0.18, 0.25, 0.24, 0.15, 0.06, 0.02];
    private static readonly double[] OthersPerNonWorkingHousehold = [0, 0.35, 0.40, 0.17, 0.08];
    private const double UrbanShare = 0.45;

    private static readonly V1.DisabilityCategory[] WorkingDisabilities =
    [
        V1.DisabilityCategory.Physical, V1.DisabilityCategory.Hearing, V1.DisabilityCategory.Visual,
        V1.DisabilityCategory.Speech, V1.DisabilityCategory.Intellectual, V1.DisabilityCategory.Mental,
    ];

    private static readonly double[] WorkingDisabilityWeights = [0.45, 0.20, 0.12, 0.06, 0.12, 0.05];

    private static readonly V1.DisabilityCategory[] AllDisabilities =
    [
        V1.DisabilityCategory.Physical, V1.DisabilityCategory.Hearing, V1.DisabilityCategory.Visual,
        V1.DisabilityCategory.Speech, V1.DisabilityCategory.Intellectual, V1.DisabilityCategory.Mental,
        V1.DisabilityCategory.Multiple,
    ];

    private static readonly double[] AllDisabilityWeights = [0.38, 0.14, 0.14, 0.04, 0.13, 0.10, 0.07];

    public static Replica AddPeople(CityPlan plan, int seed, int number, CitizenIdAllocator ids)
    {
        var random = DeterministicRandom.For(seed, number, "households");
        var drafts = Drafts(random);
        var firstSite = plan.Sites.Count;
        AddSites(plan, number, random);
        AssignSites(plan, firstSite, drafts);

        var firstHousehold = plan.Households.Count;
        var firstPerson = plan.Persons.Count;
        var families = DeterministicRandom.For(seed, number, "families");
        for (var s = firstSite; s < plan.Sites.Count; s++)
        {
            var site = plan.Sites[s];
            foreach (var draft in drafts.Where(d => d.Site == s))
            {
                var relocated = site.OpenDate.AddDays(families.Between(0, 240));
                var household = new HouseholdPlan
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"{site.Code}{site.NextHouseholdNumber++:D5}"),
                    Site = s,
                    Kind = draft.Kind,
                    RelocationDate = relocated > LastRelocation ? LastRelocation : relocated,
                    Address = string.Create(CultureInfo.InvariantCulture,
                        $"{families.Between(1, 60)}栋{families.Between(1, 4)}单元{families.Between(1, 11)}{families.Between(1, 4):D2}室"),
                };
                plan.Households.Add(household);
                FamilyBuilder.Build(plan, plan.Households.Count - 1, draft, site.Template, ids, families);
            }

            var households = site.NextHouseholdNumber - 1;
            site.Dwellings = households + families.Between(0, Math.Max(1, households / 10));
        }

        var replica = new Replica(number, firstSite, firstHousehold, plan.Households.Count, firstPerson, plan.Persons.Count);
        EnsureUnusualNames(plan, replica, families);
        AssignDisabilities(plan, replica, DeterministicRandom.For(seed, number, "disabilities"));
        return replica;
    }

    private static DateOnly LastRelocation => new(2020, 12, 31);

    /// <summary>The households' make-up, with every total the report fixes met exactly.</summary>
    private static List<HouseholdDraft> Drafts(DeterministicRandom random)
    {
        var employed = Draw(SeedFigures.EmployedHouseholds, EmployedPerHousehold, random);
        ExactTotals.AdjustCounts(employed, SeedFigures.EmployedPersons, 1, 5, random);
        var unemployed = new int[SeedFigures.EmployedHouseholds];
        for (var i = 0; i < unemployed.Length; i++)
        {
            unemployed[i] = random.Chance(0.09) ? 1 : random.Chance(0.01) ? 2 : 0;
        }

        ExactTotals.AdjustCounts(
            unemployed, SeedFigures.UnemployedLabourForce - SeedFigures.UnemployedInNonWorkingHouseholds, 0, 2, random);
        var others = Draw(SeedFigures.EmployedHouseholds, OthersPerWorkingHousehold, random);
        ExactTotals.AdjustCounts(others, SeedFigures.NonLabourInEmployedHouseholds, 0, 7, random);

        var drafts = new List<HouseholdDraft>();
        for (var i = 0; i < SeedFigures.EmployedHouseholds; i++)
        {
            var draft = new HouseholdDraft { Kind = HouseholdKind.Employed, Employed = employed[i], Unemployed = unemployed[i] };
            for (var j = 0; j < others[i]; j++)
            {
                var role = random.PickWeighted([0.50, 0.10, 0.365, 0.035]) switch
                {
                    0 => PersonRole.Child,
                    1 => PersonRole.Student,
                    2 => PersonRole.Elderly,
                    _ => PersonRole.IncapableAdult,
                };
                draft.Others.Add(role == PersonRole.Elderly && draft.Others.Count(r => r == PersonRole.Elderly) == 2
                    ? PersonRole.Child
                    : role);
            }

            draft.Urban = random.Chance(UrbanShare);
            drafts.Add(draft);
        }

        var idleUnemployed = new int[SeedFigures.NonWorkingHouseholds];
        for (var i = 0; i < idleUnemployed.Length; i++)
        {
            idleUnemployed[i] = random.Chance(0.476) ? 1 : 0;
        }

        ExactTotals.AdjustCounts(idleUnemployed, SeedFigures.UnemployedInNonWorkingHouseholds, 0, 1, random);
        var idleOthers = Draw(SeedFigures.NonWorkingHouseholds, OthersPerNonWorkingHousehold, random);
        ExactTotals.AdjustCounts(idleOthers, SeedFigures.NonLabourInNonWorkingHouseholds, 1, 4, random);
        for (var i = 0; i < SeedFigures.NonWorkingHouseholds; i++)
        {
            var draft = new HouseholdDraft { Kind = HouseholdKind.NonWorking, Unemployed = idleUnemployed[i] };
            for (var j = 0; j < idleOthers[i]; j++)
            {
                var role = random.PickWeighted([0.55, 0.30, 0.15]) switch
                {
                    0 => PersonRole.Elderly,
                    1 => PersonRole.Child,
                    _ => PersonRole.IncapableAdult,
                };
                draft.Others.Add(role == PersonRole.Elderly && draft.Others.Count(r => r == PersonRole.Elderly) == 2
                    ? PersonRole.IncapableAdult
                    : role);
            }

            // Somebody grown-up heads the household.
            if (draft.Unemployed == 0 && !draft.Others.Any(r => r is PersonRole.Elderly or PersonRole.IncapableAdult))
            {
                draft.Others[0] = PersonRole.Elderly;
            }

            draft.Urban = random.Chance(UrbanShare);
            drafts.Add(draft);
        }

        for (var i = 0; i < SeedFigures.TekunHouseholds; i++)
        {
            var draft = new HouseholdDraft { Kind = HouseholdKind.Tekun, Urban = i < SeedFigures.UrbanTekunRecipients };
            draft.Others.Add(random.Chance(0.75) ? PersonRole.Elderly : PersonRole.IncapableAdult);
            drafts.Add(draft);
        }

        random.Shuffle(drafts);
        return drafts;
    }

    private static int[] Draw(int count, double[] weights, DeterministicRandom random)
    {
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = random.PickWeighted(weights);
        }

        return values;
    }

    private static void AddSites(CityPlan plan, int number, DeterministicRandom random)
    {
        foreach (var template in HezhouGeography.Sites)
        {
            var inCounty = HezhouGeography.Sites.Where(s => s.County == template.County).ToList();
            var siteNumber = (number * inCounty.Count) + inCounty.IndexOf(template) + 1;
            plan.Sites.Add(new SitePlan
            {
                Code = string.Create(CultureInfo.InvariantCulture, $"{template.County.Code}{siteNumber:D3}"),
                Template = template,
                Name = number == 0 ? template.Name : template.Name + ChineseNumerals.Of(number + 1) + "期",
                OpenDate = random.DayBetween(new DateOnly(2017, 3, 1), new DateOnly(2020, 3, 31)),
            });
        }
    }

    /// <summary>
    /// Places households at sites of their kind, each to the site furthest below its share of residents, so that the
    /// small sites stay under 800 residents and the large ones well over.
    /// </summary>
    private static void AssignSites(CityPlan plan, int firstSite, List<HouseholdDraft> drafts)
    {
        foreach (var urban in new[] { true, false })
        {
            var sites = Enumerable.Range(firstSite, plan.Sites.Count - firstSite)
                .Where(s => plan.Sites[s].Template.Kind == (urban ? V1.SiteKind.Urban : V1.SiteKind.Rural))
                .ToList();
            var ofKind = drafts.Where(d => d.Urban == urban).ToList();
            var residents = ofKind.Sum(d => d.Size);
            var forLarge = residents - sites.Sum(s => plan.Sites[s].Template.SmallTarget);
            var weights = sites.Sum(s => plan.Sites[s].Template.Weight);
            var targets = sites.ToDictionary(
                s => s,
                s => plan.Sites[s].Template.IsSmall
                    ? plan.Sites[s].Template.SmallTarget
                    : forLarge * plan.Sites[s].Template.Weight / weights);
            foreach (var draft in ofKind)
            {
                var site = sites.MaxBy(s => targets[s] - plan.Sites[s].Residents);
                draft.Site = site;
                plan.Sites[site].Residents += draft.Size;
            }

            foreach (var s in sites)
            {
                var site = plan.Sites[s];
                if (site.Template.IsSmall ? site.Residents >= 800 : site.Residents < 900)
                {
                    throw new InvalidOperationException($"Site {site.Name} was given {site.Residents} residents.");
                }
            }
        }
    }

    /// <summary>Makes sure each copy has a transliterated name with a middle dot and a name outside the BMP.</summary>
    private static void EnsureUnusualNames(CityPlan plan, Replica replica, DeterministicRandom random)
    {
        var persons = Enumerable.Range(replica.FirstPerson, replica.EndPerson - replica.FirstPerson).Select(i => plan.Persons[i]).ToList();
        if (!persons.Any(p => p.Name.Contains('\u00B7', StringComparison.Ordinal)))
        {
            var spouse = persons.First(p => p.Relation == V1.RelationToHead.Spouse);
            spouse.Ethnicity = V1.Ethnicity.Other;
            spouse.Name = ChineseNames.Transliterated(random, spouse.Gender);
        }

        if (!persons.Any(p => p.Name.Any(char.IsSurrogate)))
        {
            var child = persons.First(p => p.Relation == V1.RelationToHead.Child && !p.Name.Contains('\u00B7', StringComparison.Ordinal));
            child.Name = child.Name[..^1] + ChineseNames.SupplementaryCharacters[0];
        }
    }

    /// <summary>Exactly the report's disabled persons in and out of the labour force; then everyone's capacity.</summary>
    private static void AssignDisabilities(CityPlan plan, Replica replica, DeterministicRandom random)
    {
        var persons = Enumerable.Range(replica.FirstPerson, replica.EndPerson - replica.FirstPerson).Select(i => plan.Persons[i]).ToList();
        List<PersonPlan> Of(Func<PersonPlan, bool> which)
        {
            var list = persons.Where(which).ToList();
            random.Shuffle(list);
            return list;
        }

        foreach (var person in Of(p => p.Role == PersonRole.Employed).Take(SeedFigures.DisabledEmployed)
            .Concat(Of(p => p.Role == PersonRole.Unemployed).Take(SeedFigures.DisabledUnemployed)))
        {
            person.Disability = WorkingDisabilities[random.PickWeighted(WorkingDisabilityWeights)];
            person.DisabilityGrade = random.PickWeighted([0.10, 0.40, 0.50]) + 2;
        }

        // Everyone who lost their labour capacity as an adult holds a certificate; the rest come from the elderly
        // (most of them those who lost capacity), children and students.
        var incapable = Of(p => p.Role == PersonRole.IncapableAdult);
        var remaining = SeedFigures.DisabledOutsideLabourForce - incapable.Count;
        if (remaining < 0)
        {
            throw new InvalidOperationException($"{incapable.Count} incapable adults exceed the disabled outside the labour force.");
        }

        var frail = Of(p => p.Role == PersonRole.Elderly && p.Capacity == V1.LabourCapacity.Lost);
        var elderly = Of(p => p.Role == PersonRole.Elderly && p.Capacity == V1.LabourCapacity.None);
        var young = Of(p => p.Role is PersonRole.Child or PersonRole.Student);
        var fromFrail = Math.Min(frail.Count, remaining * 55 / 100);
        var fromElderly = Math.Min(elderly.Count, remaining * 30 / 100);
        var fromYoung = remaining - fromFrail - fromElderly;
        foreach (var person in incapable.Concat(frail.Take(fromFrail)).Concat(elderly.Take(fromElderly)).Concat(young.Take(fromYoung)))
        {
            person.Disability = AllDisabilities[random.PickWeighted(AllDisabilityWeights)];
            person.DisabilityGrade = random.PickWeighted([0.25, 0.35, 0.25, 0.15]) + 1;
        }

        foreach (var person in persons.Where(p => p.Role is PersonRole.Employed or PersonRole.Unemployed))
        {
            person.Capacity = person.IsDisabled
                ? random.Chance(0.6) ? V1.LabourCapacity.Weak : V1.LabourCapacity.Normal
                : random.PickWeighted([0.82, 0.12, 0.06]) switch
                {
                    0 => V1.LabourCapacity.Normal,
                    1 => V1.LabourCapacity.Skilled,
                    _ => V1.LabourCapacity.Weak,
                };
        }
    }
}

/// <summary>Chinese numerals for the phases of a site in a scaled data set: 二期, 十一期.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static string Of(int n) => n switch
    {
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
        100 => "一百",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
