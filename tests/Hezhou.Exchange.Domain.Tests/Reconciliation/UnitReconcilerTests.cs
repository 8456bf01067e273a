using System.Text.Json;
using Hezhou.Exchange.Domain.Reconciliation;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

public class UnitReconcilerTests
{
    private static readonly DateOnly Start = new(2023, 3, 1);

    private static ReconciledUnit Reconcile(UnitBuilder unit, ReconciliationPolicy? policy = null) =>
        Reconcile(unit.Build(), policy);

    private static ReconciledUnit Reconcile(ReconciliationUnit unit, ReconciliationPolicy? policy = null) =>
        UnitReconciler.Reconcile(unit, policy ?? Policies.Standard(), Policies.AsOf);

    /// <summary>A household with something for most rules to find, and members shared with a lower and a higher household.</summary>
    private static ReconciliationUnit Troubled() =>
        HouseholdWithId(
                "HZ-1",
                People.Head(),
                People.Spouse(),
                People.Child() with { LabourCapacity = LabourCapacity.Normal, InSchool = false },
                People.Elder() with { DeathDate = new DateOnly(2024, 3, 1) })
            .AlsoListedBy(People.SpouseId, "HZ-0")
            .AlsoListedBy(People.ChildId, "HZ-5")
            .AlsoListedBy(People.ChildId, "HZ-3")
            .Employed(People.HeadId, Start, name: "黄志刚")
            .Employed(People.HeadId, Start, name: "黄 志强", gender: Gender.Male)
            .Employed(People.ChildId, new DateOnly(2024, 9, 1), incomeFen: 2500_00)
            .Employed(People.ElderId, Start)
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, new DateOnly(2023, 1, 1))
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, new DateOnly(2023, 6, 30))
            .Entitled(People.ElderId, WelfareProgramme.RuralTekun, new DateOnly(2018, 1, 1))
            .Entitled(People.ElderId, WelfareProgramme.RuralDibao, new DateOnly(2018, 1, 1), new DateOnly(2020, 12, 31))
            .Paid(People.ElderId, WelfareProgramme.RuralTekun, new DateOnly(2024, 3, 1))
            .Paid(People.ElderId, WelfareProgramme.RuralTekun, new DateOnly(2024, 4, 1))
            .Paid(People.ElderId, WelfareProgramme.RuralTekun, new DateOnly(2024, 5, 1))
            .Paid(People.ElderId, WelfareProgramme.CareAllowance, new DateOnly(2024, 5, 1))
            .Employed(People.HeadId, Start, name: "王志强")
            .Build();

    [Fact]
    public void Reconcile_HouseholdAtAKnownSite_ShowsTheSiteWithItsSource()
    {
        var household = Reconcile(Household(People.Head()).AtSite(SiteKind.Rural)).Household!;

        Assert.Equal((DefaultHouseholdId, SiteCode, "八步区江北安置区", "451102", SiteKind.Rural),
            (household.HouseholdId, household.SiteCode, household.SiteName, household.CountyCode, household.SiteKind));
        var siteName = Assert.Single(household.Provenance, p => p.Field == "site_name");
        Assert.Equal(Department.Relocation, siteName.Source);
        Assert.Equal(SiteSource(), Assert.Single(siteName.Values).Source);
        Assert.Equal(HouseholdSource(), Assert.Single(Assert.Single(household.Provenance, p => p.Field == "address").Values).Source);
    }

    [Fact]
    public void Reconcile_HouseholdWithoutASite_LeavesTheSiteFieldsEmpty()
    {
        var household = Reconcile(Household(People.Head()).WithoutSite()).Household!;

        Assert.Null(household.SiteName);
        Assert.Null(household.CountyCode);
        Assert.Equal(SiteKind.Unspecified, household.SiteKind);
        var siteName = Assert.Single(household.Provenance, p => p.Field == "site_name");
        Assert.Equal(Department.Unspecified, siteName.Source);
        Assert.Empty(siteName.Values);
    }

    [Fact]
    public void Reconcile_MemberAlsoListedByALowerHousehold_IsNotOwnedHere()
    {
        var unit = HouseholdWithId("HZ-2", People.Head(), People.Spouse()).AlsoListedBy(People.SpouseId, "HZ-1");

        var result = Reconcile(unit);

        Assert.Equal([People.HeadId], result.Persons.Select(p => p.CitizenId));
        Assert.DoesNotContain(result.Findings, f => f.Rule == DiscrepancyRule.DuplicateMembership);
    }

    [Fact]
    public void Reconcile_MemberAlsoListedByAHigherHousehold_IsOwnedAndTheDuplicateFoundHere()
    {
        var unit = HouseholdWithId("HZ-1", People.Head(), People.Spouse()).AlsoListedBy(People.SpouseId, "HZ-2");

        var result = Reconcile(unit);

        Assert.Equal([People.HeadId, People.SpouseId], result.Persons.Select(p => p.CitizenId));
        Assert.All(result.Persons, p => Assert.Equal("HZ-1", p.HouseholdId));
        Assert.Contains(result.Findings, f => f.Key == $"duplicate-membership/{People.SpouseId}/");
    }

    [Fact]
    public void Reconcile_Member_ListsEveryDepartmentsIdentityValuesBesideTheRelocationOffices()
    {
        var unit = Household(People.Head())
            .Employed(People.HeadId, Start, key: "EMP-1", name: "黄 志强")
            .Employed(People.HeadId, Start, key: "EMP-2", name: "黄 志强")
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, Start, key: "ENT-1", name: "黄志刚");

        var person = Assert.Single(Reconcile(unit).Persons);

        Assert.Equal("黄志强", person.Name);
        var name = Assert.Single(person.Provenance, p => p.Field == "name");
        Assert.Equal(Department.Relocation, name.Source);
        Assert.Equal(
            [
                new DepartmentValue(Department.Relocation, "黄志强", HouseholdSource()),
                new DepartmentValue(Department.HumanResources, "黄 志强", EmploymentSource("EMP-1")),
                new DepartmentValue(Department.CivilAffairs, "黄志刚", EntitlementSource("ENT-1")),
            ],
            name.Values);
    }

    [Fact]
    public void Reconcile_Member_TakesHouseholdFactsFromTheRelocationOffice()
    {
        var person = Assert.Single(Reconcile(Household(People.Head() with { LabourCapacity = LabourCapacity.Weak })).Persons);

        Assert.Equal(LabourCapacity.Weak, person.LabourCapacity);
        var capacity = Assert.Single(person.Provenance, p => p.Field == "labour_capacity");
        Assert.Equal(Department.Relocation, capacity.Source);
        Assert.Equal([new DepartmentValue(Department.Relocation, "Weak", HouseholdSource())], capacity.Values);
        Assert.Equal(
            ["name", "gender", "birth_date", "ethnicity", "relation_to_head", "labour_capacity", "willing_to_work",
                "in_school", "disability_category", "disability_grade", "death_date"],
            person.Provenance.Select(p => p.Field));
    }

    [Theory]
    [InlineData(new[] { Department.Relocation, Department.HumanResources, Department.CivilAffairs }, "黄志强", Department.HumanResources)]
    [InlineData(new[] { Department.Relocation, Department.CivilAffairs, Department.HumanResources }, "黄志刚", Department.CivilAffairs)]
    [InlineData(new[] { Department.Relocation }, "黄志强", Department.HumanResources)]
    public void Reconcile_UnheldPerson_TakesTheNameOfTheFirstDepartmentInPrecedence(
        Department[] precedence, string expectedName, Department expectedSource)
    {
        var unit = UnheldPerson(People.HeadId)
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, Start, name: "黄志刚")
            .Employed(People.HeadId, Start, name: "黄志强");

        var person = Assert.Single(Reconcile(unit, Policies.Standard(identityPrecedence: precedence)).Persons);

        Assert.Equal(expectedName, person.Name);
        Assert.Equal(expectedSource, Assert.Single(person.Provenance, p => p.Field == "name").Source);
        Assert.Null(person.HouseholdId);
    }

    [Fact]
    public void Reconcile_UnheldPersonWithoutGenderOrBirthDate_ReadsThemFromTheCitizenId()
    {
        var unit = UnheldPerson(People.SpouseId).Employed(People.SpouseId, Start, name: "李秀英");

        var person = Assert.Single(Reconcile(unit).Persons);

        Assert.Equal((Gender.Female, new DateOnly(1987, 5, 23)), (person.Gender, person.BirthDate));
        Assert.Equal(LabourCapacity.Unspecified, person.LabourCapacity);
        Assert.Equal(Department.Unspecified, Assert.Single(person.Provenance, p => p.Field == "gender").Source);
        Assert.Null(Reconcile(unit).Household);
    }

    [Fact]
    public void Reconcile_UnheldPersonWithAGenderClaim_TakesTheClaim()
    {
        var unit = UnheldPerson(People.SpouseId).Employed(People.SpouseId, Start, key: "EMP-1", name: "李秀英", gender: Gender.Female);

        var gender = Assert.Single(Assert.Single(Reconcile(unit).Persons).Provenance, p => p.Field == "gender");

        Assert.Equal(Department.HumanResources, gender.Source);
        Assert.Equal([new DepartmentValue(Department.HumanResources, "Female", EmploymentSource("EMP-1"))], gender.Values);
    }

    [Fact]
    public void Reconcile_ListsInAnyOrder_GiveTheSameResult()
    {
        var unit = Troubled();
        var expected = JsonSerializer.Serialize(Reconcile(unit));

        var shuffled = Enumerable.Range(1, 8).Select(seed => JsonSerializer.Serialize(Reconcile(Shuffled(unit, seed))));

        Assert.All(shuffled, actual => Assert.Equal(expected, actual));
    }

    [Fact]
    public void Reconcile_TroubledHousehold_FindsEachConflictOnceInKeyOrder()
    {
        var result = Reconcile(Troubled());
        string[] expected =
        [
            $"benefit-after-death/{People.ElderId}/2024-03-01..",
            $"dibao-with-tekun/{People.ElderId}/2018-01-01..2020-12-31",
            $"duplicate-membership/{People.ChildId}/",
            $"employment-without-capacity/{People.ChildId}/2024-09-01..",
            $"employment-without-capacity/{People.ElderId}/2023-03-01..",
            $"identity-mismatch/{People.HeadId}/",
            "income-above-dibao-line/HZ-1/2023-03-01..",
            $"rural-benefit-at-urban-site/{People.ElderId}/2019-12-20..2020-12-31",
            $"rural-benefit-at-urban-site/{People.ElderId}/2019-12-20..2024-03-01",
            $"rural-benefit-at-urban-site/{People.HeadId}/2023-06-30..",
            $"urban-and-rural-dibao/{People.HeadId}/2023-06-30..",
        ];

        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            result.Findings.Select(f => f.Key));
    }

    [Fact]
    public void Reconcile_Explanations_ShowCitizenIdsOnlyMasked()
    {
        var findings = Reconcile(Troubled()).Findings;

        Assert.All(findings, f =>
        {
            foreach (var id in new[] { People.HeadId, People.SpouseId, People.ChildId, People.ElderId })
            {
                Assert.DoesNotContain(id, f.ExplanationZh);
                Assert.DoesNotContain(id, f.ExplanationEn);
            }

        });
        Assert.All(findings.Where(f => f.Subject.Length == 18), f =>
        {
            Assert.Contains(f.Subject[..6] + new string('*', 12), f.ExplanationZh);
            Assert.Contains(f.Subject[..6] + new string('*', 12), f.ExplanationEn);
        });
    }

    [Fact]
    public void Reconcile_UnitThatIsNeitherHouseholdNorPerson_Throws()
    {
        var unit = UnheldPerson(People.HeadId).Build() with { UnheldCitizenId = null };

        Assert.Throws<ArgumentException>(() => Reconcile(unit));
    }

    [Fact]
    public void All_EveryRuleOfTheContract_OnceInItsOrder()
    {
        var rules = ReconciliationRules.All.Select(r => r.Rule);

        Assert.Equal(Enum.GetValues<DiscrepancyRule>().Where(r => r != DiscrepancyRule.Unspecified), rules);
    }
}
