using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Reconciliation.Rules;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation.Rules;

public class EmploymentWithoutCapacityRuleTests
{
    // The child was born 2009-06-01 and turns 16 on 2025-06-01.
    private static readonly DateOnly SixteenthBirthday = new(2025, 6, 1);

    private static MemberFact AbleChild() => People.Child() with { LabourCapacity = LabourCapacity.Normal, InSchool = false };

    [Fact]
    public void Find_EmploymentStartingTheDayBeforeThe16thBirthday_ReportsIt()
    {
        var unit = Household(People.Head(), AbleChild()).Employed(People.ChildId, SixteenthBirthday.AddDays(-1), key: "EMP-1");

        var finding = Assert.Single(Run.Rule<EmploymentWithoutCapacityRule>(unit));

        Assert.Equal($"employment-without-capacity/{People.ChildId}/2025-05-31..", finding.Key);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([Department.Relocation, Department.HumanResources], finding.Departments);
        Assert.Equal([HouseholdSource(), EmploymentSource("EMP-1")], finding.Sources);
    }

    [Fact]
    public void Find_EmploymentStartingOnThe16thBirthday_ReportsNothing()
    {
        var unit = Household(People.Head(), AbleChild()).Employed(People.ChildId, SixteenthBirthday);

        Assert.Empty(Run.Rule<EmploymentWithoutCapacityRule>(unit));
    }

    [Fact]
    public void Find_MemberBornOnALeapDay_ReachesWorkingAgeOnTheFirstOfMarch()
    {
        // Born 2008-02-29; with a working age of 17, the birthday falls in 2025, a common year: 1 March.
        var leapChild = AbleChild() with { CitizenId = People.IdFor("45110220080229001"), BirthDate = new DateOnly(2008, 2, 29) };
        var policy = Policies.Standard() with { MinimumWorkingAge = 17 };
        var dayBefore = Household(leapChild).Employed(leapChild.CitizenId, new DateOnly(2025, 2, 28));
        var onTheDay = Household(leapChild).Employed(leapChild.CitizenId, new DateOnly(2025, 3, 1));

        Assert.Single(Run.Rule<EmploymentWithoutCapacityRule>(dayBefore, policy: policy));
        Assert.Empty(Run.Rule<EmploymentWithoutCapacityRule>(onTheDay, policy: policy));
    }

    [Theory]
    [InlineData(LabourCapacity.Lost)]
    [InlineData(LabourCapacity.None)]
    public void Find_EmploymentOfAMemberWithoutLabourCapacity_ReportsIt(LabourCapacity capacity)
    {
        var unit = Household(People.Head() with { LabourCapacity = capacity })
            .Employed(People.HeadId, new DateOnly(2023, 3, 1), new DateOnly(2023, 12, 31));

        var finding = Assert.Single(Run.Rule<EmploymentWithoutCapacityRule>(unit));

        Assert.Equal("2023-03-01..2023-12-31", finding.Period);
    }

    [Theory]
    [InlineData(LabourCapacity.Normal)]
    [InlineData(LabourCapacity.Skilled)]
    [InlineData(LabourCapacity.Weak)]
    public void Find_EmploymentOfAnAdultWithLabourCapacity_ReportsNothing(LabourCapacity capacity)
    {
        var unit = Household(People.Head() with { LabourCapacity = capacity }).Employed(People.HeadId, new DateOnly(2023, 3, 1));

        Assert.Empty(Run.Rule<EmploymentWithoutCapacityRule>(unit));
    }

    [Fact]
    public void Find_TwoEmployments_ReportsOnePerEmployment()
    {
        var unit = Household(People.Elder())
            .Employed(People.ElderId, new DateOnly(2024, 5, 1))
            .Employed(People.ElderId, new DateOnly(2023, 3, 1), new DateOnly(2023, 12, 31));

        var findings = Run.Rule<EmploymentWithoutCapacityRule>(unit);

        Assert.Equal(["2023-03-01..2023-12-31", "2024-05-01.."], findings.Select(f => f.Period));
    }

    [Fact]
    public void Find_UnheldPerson_ReportsNothing()
    {
        var unit = UnheldPerson(People.ChildId).Employed(People.ChildId, new DateOnly(2020, 1, 1));

        Assert.Empty(Run.Rule<EmploymentWithoutCapacityRule>(unit));
    }
}
