using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Reconciliation.Rules;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation.Rules;

public class UrbanAndRuralDibaoRuleTests
{
    private static readonly DateOnly January = new(2023, 1, 1);
    private static readonly DateOnly EndOfJune = new(2023, 6, 30);

    [Fact]
    public void Find_PeriodsTouchingOnOneDay_ReportsThatDay()
    {
        var unit = Household(People.Head())
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January, EndOfJune, key: "ENT-U")
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, EndOfJune, key: "ENT-R");

        var finding = Assert.Single(Run.Rule<UrbanAndRuralDibaoRule>(unit));

        Assert.Equal($"urban-and-rural-dibao/{People.HeadId}/2023-06-30..2023-06-30", finding.Key);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal([Department.CivilAffairs], finding.Departments);
        Assert.Equal([EntitlementSource("ENT-R"), EntitlementSource("ENT-U")], finding.Sources);
    }

    [Fact]
    public void Find_RuralStartingTheDayAfterUrbanEnds_ReportsNothing()
    {
        var unit = Household(People.Head())
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January, EndOfJune)
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, EndOfJune.AddDays(1));

        Assert.Empty(Run.Rule<UrbanAndRuralDibaoRule>(unit));
    }

    [Fact]
    public void Find_BothOpenEnded_ReportsAnOpenPeriodFromTheLaterStart()
    {
        var unit = Household(People.Head())
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, January)
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, new DateOnly(2024, 3, 1));

        var finding = Assert.Single(Run.Rule<UrbanAndRuralDibaoRule>(unit));

        Assert.Equal("2024-03-01..", finding.Period);
    }

    [Fact]
    public void Find_OneOpenEndedAroundAClosedOne_ReportsTheClosedOnesPeriod()
    {
        var unit = Household(People.Head())
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, January)
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, new DateOnly(2024, 3, 1), new DateOnly(2024, 8, 31));

        var finding = Assert.Single(Run.Rule<UrbanAndRuralDibaoRule>(unit));

        Assert.Equal("2024-03-01..2024-08-31", finding.Period);
    }

    [Fact]
    public void Find_TwoPairsWithTheSameOverlap_ReportsOneFindingWithAllRecords()
    {
        var unit = Household(People.Head())
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January, EndOfJune, key: "ENT-U1")
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January, EndOfJune, key: "ENT-U2")
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, January, key: "ENT-R");

        var finding = Assert.Single(Run.Rule<UrbanAndRuralDibaoRule>(unit));

        Assert.Equal(
            [EntitlementSource("ENT-R"), EntitlementSource("ENT-U1"), EntitlementSource("ENT-U2")],
            finding.Sources);
    }

    [Fact]
    public void Find_OverlapsOfTwoMembers_ReportsOnePerPerson()
    {
        var unit = Household(People.Head(), People.Spouse())
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January)
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, January)
            .Entitled(People.SpouseId, WelfareProgramme.UrbanDibao, January)
            .Entitled(People.SpouseId, WelfareProgramme.RuralDibao, January);

        var findings = Run.Rule<UrbanAndRuralDibaoRule>(unit);

        Assert.Equal([People.HeadId, People.SpouseId], findings.Select(f => f.Subject));
    }

    [Fact]
    public void Find_UrbanDibaoAndTekun_ReportsNothing()
    {
        var unit = Household(People.Head())
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January)
            .Entitled(People.HeadId, WelfareProgramme.RuralTekun, January);

        Assert.Empty(Run.Rule<UrbanAndRuralDibaoRule>(unit));
    }

    [Fact]
    public void Find_UnheldPerson_IsJudgedToo()
    {
        var unit = UnheldPerson(People.HeadId)
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January)
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, January);

        Assert.Single(Run.Rule<UrbanAndRuralDibaoRule>(unit));
    }
}
