using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Reconciliation.Rules;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation.Rules;

// Policies.Standard: stable after 90 days counting both ends; as of 2025-06-30.
public class ZeroEmploymentHouseholdRuleTests
{
    private static readonly DateOnly AsOf = Policies.AsOf;

    [Fact]
    public void Find_WillingWorkerWithoutEmployment_ReportsTheHousehold()
    {
        var finding = Assert.Single(Run.Rule<ZeroEmploymentHouseholdRule>(Household(People.Head(), People.Spouse())));

        Assert.Equal($"zero-employment-household/{DefaultHouseholdId}/", finding.Key);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([Department.Relocation, Department.HumanResources], finding.Departments);
        Assert.Equal([HouseholdSource()], finding.Sources);
    }

    [Fact]
    public void Find_EmploymentOf90Days_ReportsNothing()
    {
        var unit = Household(People.Head(), People.Spouse()).Employed(People.HeadId, AsOf.AddDays(-89));

        Assert.Empty(Run.Rule<ZeroEmploymentHouseholdRule>(unit));
    }

    [Fact]
    public void Find_EmploymentOf89Days_ReportsTheHouseholdWithThatEmployment()
    {
        var unit = Household(People.Head(), People.Spouse()).Employed(People.HeadId, AsOf.AddDays(-88), key: "EMP-1");

        var finding = Assert.Single(Run.Rule<ZeroEmploymentHouseholdRule>(unit));

        Assert.Equal([HouseholdSource(), EmploymentSource("EMP-1")], finding.Sources);
    }

    [Fact]
    public void Find_EmploymentEndedBeforeTheAsOfDate_ReportsTheHousehold()
    {
        var unit = Household(People.Head()).Employed(People.HeadId, new DateOnly(2023, 1, 1), AsOf.AddDays(-1));

        Assert.Single(Run.Rule<ZeroEmploymentHouseholdRule>(unit));
    }

    [Fact]
    public void Find_AnotherMemberStablyEmployed_ReportsNothing()
    {
        var unit = Household(People.Head(), People.Spouse()).Employed(People.SpouseId, new DateOnly(2023, 1, 1));

        Assert.Empty(Run.Rule<ZeroEmploymentHouseholdRule>(unit));
    }

    [Fact]
    public void Find_OnlyStableEmploymentThatOfAMemberWhoDied_ReportsTheHousehold()
    {
        var unit = Household(People.Head(), People.Elder() with { DeathDate = new DateOnly(2024, 3, 1) })
            .Employed(People.ElderId, new DateOnly(2023, 1, 1));

        Assert.Single(Run.Rule<ZeroEmploymentHouseholdRule>(unit));
    }

    [Fact]
    public void Find_WeakLabourCapacity_CountsAsLabourForce()
    {
        var unit = Household(People.Head() with { LabourCapacity = LabourCapacity.Weak });

        Assert.Single(Run.Rule<ZeroEmploymentHouseholdRule>(unit));
    }

    [Fact]
    public void Find_NobodyWillingToWork_ReportsNothing()
    {
        Assert.Empty(Run.Rule<ZeroEmploymentHouseholdRule>(Household(People.Head() with { WillingToWork = false })));
    }

    [Theory]
    [InlineData(LabourCapacity.Lost)]
    [InlineData(LabourCapacity.None)]
    public void Find_WillingMemberWithoutLabourCapacity_ReportsNothing(LabourCapacity capacity)
    {
        Assert.Empty(Run.Rule<ZeroEmploymentHouseholdRule>(Household(People.Head() with { LabourCapacity = capacity })));
    }

    [Fact]
    public void Find_WillingMemberInSchool_ReportsNothing()
    {
        Assert.Empty(Run.Rule<ZeroEmploymentHouseholdRule>(Household(People.Head() with { InSchool = true })));
    }

    [Fact]
    public void Find_WillingMemberDeadBeforeTheAsOfDate_ReportsNothing()
    {
        var unit = Household(People.Head() with { DeathDate = AsOf.AddDays(-1) });

        Assert.Empty(Run.Rule<ZeroEmploymentHouseholdRule>(unit));
    }

    [Fact]
    public void Find_WillingMemberTurning16_CountsFromTheBirthday()
    {
        // Born 2009-06-01: 15 on 2025-05-31, 16 on 2025-06-01.
        var unit = Household(People.Child() with { LabourCapacity = LabourCapacity.Normal, InSchool = false, WillingToWork = true });

        Assert.Empty(Run.Rule<ZeroEmploymentHouseholdRule>(unit, asOf: new DateOnly(2025, 5, 31)));
        Assert.Single(Run.Rule<ZeroEmploymentHouseholdRule>(unit, asOf: new DateOnly(2025, 6, 1)));
    }

    [Fact]
    public void Find_UnheldPerson_ReportsNothing()
    {
        Assert.Empty(Run.Rule<ZeroEmploymentHouseholdRule>(UnheldPerson(People.HeadId)));
    }
}
