using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Reconciliation.Rules;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation.Rules;

public class UnknownPersonRuleTests
{
    private static readonly DateOnly Start = new(2023, 3, 1);

    [Fact]
    public void Find_EmploymentOfAPersonNoHouseholdHolds_ReportsThePerson()
    {
        var unit = UnheldPerson(People.HeadId).Employed(People.HeadId, Start, key: "EMP-1");

        var finding = Assert.Single(Run.Rule<UnknownPersonRule>(unit));

        Assert.Equal($"unknown-person/{People.HeadId}/", finding.Key);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([Department.HumanResources], finding.Departments);
        Assert.Equal([EmploymentSource("EMP-1")], finding.Sources);
    }

    [Fact]
    public void Find_EmploymentAndWelfareOfAPersonNoHouseholdHolds_ListsEveryRecord()
    {
        var unit = UnheldPerson(People.HeadId)
            .Paid(People.HeadId, WelfareProgramme.RuralDibao, Start, key: "PAY-1")
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, Start, key: "ENT-1")
            .Employed(People.HeadId, Start, key: "EMP-1");

        var finding = Assert.Single(Run.Rule<UnknownPersonRule>(unit));

        Assert.Equal([Department.HumanResources, Department.CivilAffairs], finding.Departments);
        Assert.Equal([EmploymentSource("EMP-1"), EntitlementSource("ENT-1"), PaymentSource("PAY-1")], finding.Sources);
    }

    [Fact]
    public void Find_PersonNoHouseholdHoldsWithoutRecords_ReportsNothing()
    {
        Assert.Empty(Run.Rule<UnknownPersonRule>(UnheldPerson(People.HeadId)));
    }

    [Fact]
    public void Find_RecordsOfAHouseholdMember_ReportsNothing()
    {
        var unit = Household(People.Head()).Employed(People.HeadId, Start).Entitled(People.HeadId, WelfareProgramme.UrbanDibao, Start);

        Assert.Empty(Run.Rule<UnknownPersonRule>(unit));
    }
}
