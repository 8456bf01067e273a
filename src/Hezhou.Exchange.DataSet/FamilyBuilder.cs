using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>
/// The members a household needs, by the part each plays in the figures, before anyone has a name or an age.
/// </summary>
internal sealed class HouseholdDraft
{
    public required HouseholdKind Kind { get; init; }
    public int Employed { get; set; }
    public int Unemployed { get; set; }
    public List<PersonRole> Others { get; } = [];
    public bool Urban { get; set; }
    public int Site { get; set; } = -1;
    public int Size => Employed + Unemployed + Others.Count;
}

/// <summary>Turns a household draft into a family: head, spouse, parents, children, with ages that fit together.</summary>
internal static class FamilyBuilder
{
    private static readonly double[] ElderlyCapacityWeights = [0.7, 0.3];

    /// <summary>Adds the household's members to the plan's persons, head first.</summary>
    public static void Build(
        CityPlan plan, int household, HouseholdDraft draft, SiteTemplate site, CitizenIdAllocator ids,
        DeterministicRandom random)
    {
        var members = draft.Kind switch
        {
            HouseholdKind.Employed => WorkingFamily(draft, random),
            HouseholdKind.NonWorking => NonWorkingFamily(draft, random),
            _ => [Single(draft.Others[0], random)],
        };

        var mix = HezhouGeography.EthnicMixOf(site);
        var headEthnicity = Ethnicity(mix, random);
        var head = members[0];
        var headSurname = ChineseNames.Surname(random, headEthnicity);
        var spouse = members.Find(m => m.Relation == V1.RelationToHead.Spouse);
        var spouseEthnicity = spouse is null ? headEthnicity : random.Chance(0.85) ? headEthnicity : Ethnicity(mix, random);
        var spouseSurname = ChineseNames.Surname(random, spouseEthnicity);

        // Children carry their father's surname: the head's, unless the head is a woman whose husband lives here.
        var familySurname = head.Gender == V1.Gender.Female && spouse is not null ? spouseSurname : headSurname;
        foreach (var member in members)
        {
            var (ethnicity, surname) = member.Relation switch
            {
                V1.RelationToHead.Self => (headEthnicity, headSurname),
                V1.RelationToHead.Spouse => (spouseEthnicity, spouseSurname),
                V1.RelationToHead.Child or V1.RelationToHead.Grandchild => (headEthnicity, familySurname),
                V1.RelationToHead.Parent when member.Gender == V1.Gender.Male => (headEthnicity, headSurname),
                V1.RelationToHead.Sibling => (headEthnicity, headSurname),
                V1.RelationToHead.ChildInLaw => Married(mix, random),
                _ => (headEthnicity, ChineseNames.Surname(random, headEthnicity)),
            };

            var birthDate = SeedFigures.AsOf.AddYears(-member.Age).AddDays(-random.Next(365));
            var person = new PersonPlan
            {
                Household = household,
                Role = member.Role,
                Gender = member.Gender,
                BirthDate = birthDate,
                Ethnicity = ethnicity,
                Relation = member.Relation,
                InSchool = member.Role == PersonRole.Student || (member.Role == PersonRole.Child && member.Age >= 6),
                WillingToWork = member.Role == PersonRole.Employed
                    || (member.Role == PersonRole.Unemployed && draft.Kind == HouseholdKind.Employed && random.Chance(0.55)),
                Capacity = member.Role switch
                {
                    PersonRole.Child => V1.LabourCapacity.None,
                    PersonRole.Student => V1.LabourCapacity.Normal,
                    PersonRole.IncapableAdult => V1.LabourCapacity.Lost,
                    PersonRole.Elderly => random.PickWeighted(ElderlyCapacityWeights) == 0
                        ? V1.LabourCapacity.None
                        : V1.LabourCapacity.Lost,

                    // The labour force's capacity is settled with its disabilities.
                    _ => V1.LabourCapacity.Normal,
                },
            };
            person.Name = ethnicity == V1.Ethnicity.Other && random.Chance(0.2)
                ? ChineseNames.Transliterated(random, member.Gender)
                : surname + ChineseNames.GivenName(random, member.Gender);
            person.CitizenId = ids.Next(site.County.Code, birthDate, member.Gender);
            plan.Households[household].Members.Add(plan.Persons.Count);
            plan.Persons.Add(person);
        }
    }

    private static (V1.Ethnicity, string) Married(IReadOnlyList<(V1.Ethnicity Group, double Share)> mix, DeterministicRandom random)
    {
        var ethnicity = Ethnicity(mix, random);
        return (ethnicity, ChineseNames.Surname(random, ethnicity));
    }

    private static V1.Ethnicity Ethnicity(IReadOnlyList<(V1.Ethnicity Group, double Share)> mix, DeterministicRandom random) =>
        mix[random.PickWeighted([.. mix.Select(m => m.Share)])].Group;

    private static List<MemberSketch> WorkingFamily(HouseholdDraft draft, DeterministicRandom random)
    {
        var workers = new List<PersonRole>();
        workers.AddRange(Enumerable.Repeat(PersonRole.Unemployed, draft.Unemployed));
        workers.AddRange(Enumerable.Repeat(PersonRole.Employed, draft.Employed - 1));
        random.Shuffle(workers);
        workers.Insert(0, PersonRole.Employed);

        var needsGrownChildren = workers.Count > 2 || draft.Others.Contains(PersonRole.Student);
        var minimumHeadAge = needsGrownChildren ? 41 : draft.Others.Contains(PersonRole.Elderly) ? 38 : 22;
        var headAge = random.Between(minimumHeadAge, 58);
        var head = new MemberSketch(PersonRole.Employed, V1.RelationToHead.Self, headAge, random.Chance(0.82) ? V1.Gender.Male : V1.Gender.Female);
        var members = new List<MemberSketch> { head };
        for (var i = 1; i < workers.Count; i++)
        {
            if (i == 1)
            {
                members.Add(SpouseOf(head, workers[i], random));
            }
            else if (i >= 3 && random.Chance(0.5))
            {
                members.Add(new MemberSketch(workers[i], V1.RelationToHead.ChildInLaw, random.Between(20, 36), RandomGender(random)));
            }
            else
            {
                members.Add(new MemberSketch(workers[i], V1.RelationToHead.Child, random.Between(19, Math.Min(36, headAge - 20)), RandomGender(random)));
            }
        }

        AddOthers(members, draft.Others, head, random);
        return members;
    }

    private static List<MemberSketch> NonWorkingFamily(HouseholdDraft draft, DeterministicRandom random)
    {
        var elderly = draft.Others.Count(r => r == PersonRole.Elderly);
        var members = new List<MemberSketch>();
        MemberSketch head;
        var others = new List<PersonRole>(draft.Others);
        if (elderly > 0)
        {
            head = new MemberSketch(PersonRole.Elderly, V1.RelationToHead.Self, random.Between(62, 88), RandomGender(random));
            others.Remove(PersonRole.Elderly);
            members.Add(head);
            if (others.Remove(PersonRole.Elderly))
            {
                members.Add(SpouseOf(head, PersonRole.Elderly, random));
            }

            for (var i = 0; i < draft.Unemployed; i++)
            {
                members.Add(new MemberSketch(
                    PersonRole.Unemployed, V1.RelationToHead.Child,
                    random.Between(Math.Max(19, head.Age - 40), Math.Min(55, head.Age - 20)), RandomGender(random)));
            }
        }
        else if (draft.Unemployed > 0)
        {
            head = new MemberSketch(PersonRole.Unemployed, V1.RelationToHead.Self, random.Between(25, 55), RandomGender(random));
            members.Add(head);
        }
        else
        {
            head = new MemberSketch(PersonRole.IncapableAdult, V1.RelationToHead.Self, random.Between(25, 59), RandomGender(random));
            others.Remove(PersonRole.IncapableAdult);
            members.Add(head);
        }

        AddOthers(members, others, head, random);
        return members;
    }

    private static MemberSketch Single(PersonRole role, DeterministicRandom random) =>
        new(role, V1.RelationToHead.Self,
            role == PersonRole.Elderly ? random.Between(60, 90) : random.Between(25, 59),
            random.Chance(0.55) ? V1.Gender.Male : V1.Gender.Female);

    private static MemberSketch SpouseOf(MemberSketch head, PersonRole role, DeterministicRandom random)
    {
        var gender = head.Gender == V1.Gender.Male ? V1.Gender.Female : V1.Gender.Male;
        var gap = random.Between(-2, 6);
        var age = head.Gender == V1.Gender.Male ? head.Age - gap : head.Age + gap;
        var (lowest, highest) = role switch
        {
            PersonRole.Elderly => (60, 90),
            PersonRole.Employed or PersonRole.Unemployed => (20, 60),
            _ => (20, 90),
        };
        return new MemberSketch(role, V1.RelationToHead.Spouse, Math.Clamp(age, lowest, highest), gender);
    }

    /// <summary>Parents, the incapable, students and children, placed in the generation their age allows.</summary>
    private static void AddOthers(List<MemberSketch> members, List<PersonRole> others, MemberSketch head, DeterministicRandom random)
    {
        var parents = 0;
        foreach (var role in others.OrderDescending())
        {
            switch (role)
            {
                case PersonRole.Elderly:
                    {
                        // A working head's parents; in a non-working household the elderly head's brother or sister.
                        var relation = head.Role == PersonRole.Elderly ? V1.RelationToHead.Sibling : V1.RelationToHead.Parent;
                        var age = relation == V1.RelationToHead.Parent
                            ? random.Between(Math.Max(60, head.Age + 20), Math.Min(90, head.Age + 35))
                            : Math.Clamp(head.Age + random.Between(-6, 6), 60, 90);
                        var gender = relation == V1.RelationToHead.Parent && parents == 1
                            ? members.Last(m => m.Relation == V1.RelationToHead.Parent).Gender == V1.Gender.Male ? V1.Gender.Female : V1.Gender.Male
                            : RandomGender(random);
                        parents += relation == V1.RelationToHead.Parent ? 1 : 0;
                        members.Add(new MemberSketch(role, relation, age, gender));
                        break;
                    }

                case PersonRole.IncapableAdult:
                    members.Add(head.Age >= 40 && random.Chance(0.5)
                        ? new MemberSketch(role, V1.RelationToHead.Child, random.Between(18, Math.Min(40, head.Age - 20)), RandomGender(random))
                        : new MemberSketch(role, V1.RelationToHead.Sibling, Math.Clamp(head.Age + random.Between(-8, 8), 18, 59), RandomGender(random)));
                    break;

                case PersonRole.Student:
                    members.Add(new MemberSketch(role, V1.RelationToHead.Child, random.Between(16, Math.Min(22, head.Age - 20)), RandomGender(random)));
                    break;

                default:
                    members.Add(ChildOf(members, head, random));
                    break;
            }
        }
    }

    private static MemberSketch ChildOf(List<MemberSketch> members, MemberSketch head, DeterministicRandom random)
    {
        var grownChild = members
            .Where(m => (m.Relation is V1.RelationToHead.Child or V1.RelationToHead.ChildInLaw) && m.Age >= 20)
            .Select(m => m.Age)
            .DefaultIfEmpty(0)
            .Max();
        if (head.Age > 50 && grownChild >= 20)
        {
            return new MemberSketch(PersonRole.Child, V1.RelationToHead.Grandchild, random.Between(0, Math.Min(15, grownChild - 20)), RandomGender(random));
        }

        if (head.Age > 60)
        {
            return new MemberSketch(PersonRole.Child, V1.RelationToHead.Grandchild, random.Between(0, 15), RandomGender(random));
        }

        return new MemberSketch(
            PersonRole.Child, V1.RelationToHead.Child,
            random.Between(Math.Max(0, head.Age - 45), Math.Min(15, head.Age - 20)), RandomGender(random));
    }

    private static V1.Gender RandomGender(DeterministicRandom random) => random.Chance(0.5) ? V1.Gender.Male : V1.Gender.Female;

    private sealed record MemberSketch(PersonRole Role, V1.RelationToHead Relation, int Age, V1.Gender Gender);
}
