using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Reconciliation.Rules;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation.Rules;

public class DuplicateMembershipRuleTests
{
    [Fact]
    public void Find_MemberAlsoListedByAHigherHousehold_ReportsItFromTheLowest()
    {
        var unit = HouseholdWithId("HZ-1", People.Head(), People.Spouse()).AlsoListedBy(People.HeadId, "HZ-2");

        var finding = Assert.Single(Run.Rule<DuplicateMembershipRule>(unit));

        Assert.Equal($"duplicate-membership/{People.HeadId}/", finding.Key);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([Department.Relocation], finding.Departments);
        Assert.Equal([HouseholdSource("HZ-1"), HouseholdSource("HZ-2")], finding.Sources);
    }

    [Fact]
    public void Find_MemberAlsoListedByALowerHousehold_LeavesItToThatHousehold()
    {
        var unit = HouseholdWithId("HZ-2", People.Head()).AlsoListedBy(People.HeadId, "HZ-1");

        Assert.Empty(Run.Rule<DuplicateMembershipRule>(unit));
    }

    [Fact]
    public void Find_HouseholdIdsComparedOrdinally_LowestIsTheOrdinalFirst()
    {
        // Ordinal, not numeric: "HZ-10" sorts before "HZ-9".
        var lower = HouseholdWithId("HZ-10", People.Head()).AlsoListedBy(People.HeadId, "HZ-9");
        var higher = HouseholdWithId("HZ-9", People.Head()).AlsoListedBy(People.HeadId, "HZ-10");

        Assert.Single(Run.Rule<DuplicateMembershipRule>(lower));
        Assert.Empty(Run.Rule<DuplicateMembershipRule>(higher));
    }

    [Fact]
    public void Find_MemberOfThreeHouseholds_ListsEveryHouseholdRecord()
    {
        var unit = HouseholdWithId("HZ-1", People.Head())
            .AlsoListedBy(People.HeadId, "HZ-3")
            .AlsoListedBy(People.HeadId, "HZ-2");

        var finding = Assert.Single(Run.Rule<DuplicateMembershipRule>(unit));

        Assert.Equal([HouseholdSource("HZ-1"), HouseholdSource("HZ-2"), HouseholdSource("HZ-3")], finding.Sources);
    }

    [Fact]
    public void Find_NoMemberListedElsewhere_ReportsNothing()
    {
        Assert.Empty(Run.Rule<DuplicateMembershipRule>(Household(People.Head(), People.Spouse())));
    }

    [Fact]
    public void Find_OtherHouseholdsListingThisOneItself_ReportsNothing()
    {
        var unit = Household(People.Head()).AlsoListedBy(People.HeadId, DefaultHouseholdId);

        Assert.Empty(Run.Rule<DuplicateMembershipRule>(unit));
    }
}
