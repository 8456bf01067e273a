using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Reconciliation.Rules;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation.Rules;

// Policies.Standard: 600 urban / 450 rural yuan per person per month from 2020, 700 / 550 from July 2024.
public class IncomeAboveDibaoLineRuleTests
{
    private static readonly DateOnly January2024 = new(2024, 1, 1);

    /// <summary>Two members; the head receives dibao and earns the household's whole income, from January 2024.</summary>
    private static UnitBuilder TwoPersonHousehold(long incomeFen, SiteKind site = SiteKind.Urban) =>
        Household(People.Head(), People.Spouse())
            .AtSite(site)
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January2024, key: "ENT-1")
            .Employed(People.HeadId, January2024, incomeFen: incomeFen, key: "EMP-1");

    [Fact]
    public void Find_IncomePerPersonAboveTheLineThroughTheAsOfMonth_ReportsOneOpenPeriod()
    {
        // 1,500 / 2 = 750 a person, above 600 and then 700.
        var finding = Assert.Single(Run.Rule<IncomeAboveDibaoLineRule>(TwoPersonHousehold(1500_00)));

        Assert.Equal($"income-above-dibao-line/{DefaultHouseholdId}/2024-01-01..", finding.Key);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([Department.Relocation, Department.HumanResources, Department.CivilAffairs], finding.Departments);
        Assert.Equal([HouseholdSource(), EmploymentSource("EMP-1"), EntitlementSource("ENT-1")], finding.Sources);
    }

    [Fact]
    public void Find_StandardRaisedMidPeriod_JudgesEachMonthByTheStandardInForce()
    {
        // 1,300 / 2 = 650 a person: above 600 until June 2024, below 700 from July.
        var finding = Assert.Single(Run.Rule<IncomeAboveDibaoLineRule>(TwoPersonHousehold(1300_00)));

        Assert.Equal("2024-01-01..2024-06-30", finding.Period);
    }

    [Fact]
    public void Find_IncomePerPersonExactlyAtTheLine_ReportsNothing()
    {
        Assert.Empty(Run.Rule<IncomeAboveDibaoLineRule>(TwoPersonHousehold(1200_00)));
    }

    [Fact]
    public void Find_IncomePerPersonHalfAFenAboveTheLine_ReportsIt()
    {
        // 1,200.01 / 2 = 600.005: above the line, though not by a whole fen.
        var finding = Assert.Single(Run.Rule<IncomeAboveDibaoLineRule>(TwoPersonHousehold(1200_01)));

        Assert.Equal("2024-01-01..2024-06-30", finding.Period);
    }

    [Fact]
    public void Find_IncomePerPersonBelowTheLine_ReportsNothing()
    {
        Assert.Empty(Run.Rule<IncomeAboveDibaoLineRule>(TwoPersonHousehold(1000_00)));
    }

    [Fact]
    public void Find_RuralSite_JudgesByTheRuralStandard()
    {
        // 1,000 / 2 = 500 a person: above the rural 450, not above 550 from July 2024.
        var finding = Assert.Single(Run.Rule<IncomeAboveDibaoLineRule>(TwoPersonHousehold(1000_00, SiteKind.Rural)));

        Assert.Equal("2024-01-01..2024-06-30", finding.Period);
    }

    [Fact]
    public void Find_SiteUnknown_JudgesByTheRuralStandard()
    {
        var finding = Assert.Single(Run.Rule<IncomeAboveDibaoLineRule>(TwoPersonHousehold(1000_00).WithoutSite()));

        Assert.Equal("2024-01-01..2024-06-30", finding.Period);
    }

    [Fact]
    public void Find_DibaoStartingMidMonth_StartsJudgingTheNextMonth()
    {
        var unit = Household(People.Head(), People.Spouse())
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, new DateOnly(2024, 1, 15))
            .Employed(People.HeadId, January2024, incomeFen: 1300_00);

        var finding = Assert.Single(Run.Rule<IncomeAboveDibaoLineRule>(unit));

        Assert.Equal("2024-02-01..2024-06-30", finding.Period);
    }

    [Fact]
    public void Find_MonthsWithoutDibaoBetween_ReportsEachRunOfMonths()
    {
        var unit = Household(People.Head(), People.Spouse())
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January2024, new DateOnly(2024, 2, 29))
            .Entitled(People.SpouseId, WelfareProgramme.UrbanDibao, new DateOnly(2024, 5, 1), new DateOnly(2024, 6, 30))
            .Employed(People.HeadId, January2024, incomeFen: 1300_00);

        var findings = Run.Rule<IncomeAboveDibaoLineRule>(unit);

        Assert.Equal(["2024-01-01..2024-02-29", "2024-05-01..2024-06-30"], findings.Select(f => f.Period));
    }

    [Fact]
    public void Find_DibaoBeforeTheFirstStandard_JudgesFromTheFirstStandardOn()
    {
        var unit = Household(People.Head(), People.Spouse())
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, new DateOnly(2018, 1, 1))
            .Employed(People.HeadId, new DateOnly(2018, 1, 1), incomeFen: 1500_00);

        var finding = Assert.Single(Run.Rule<IncomeAboveDibaoLineRule>(unit));

        Assert.Equal("2020-01-01..", finding.Period);
    }

    [Fact]
    public void Find_MemberDeadBeforeTheMonth_IsNotCountedAsAPerson()
    {
        // 1,300 for three is 433 a person; for the two alive it is 650.
        var withElderAlive = TwoPersonHousehold(1300_00).Build();
        withElderAlive = withElderAlive with
        {
            Household = withElderAlive.Household! with { Members = [People.Head(), People.Spouse(), People.Elder()] },
        };
        var withElderDead = withElderAlive with
        {
            Household = withElderAlive.Household! with
            {
                Members = [People.Head(), People.Spouse(), People.Elder() with { DeathDate = new DateOnly(2023, 12, 31) }],
            },
        };

        Assert.Empty(Run.Rule<IncomeAboveDibaoLineRule>(withElderAlive));
        Assert.Equal("2024-01-01..2024-06-30", Assert.Single(Run.Rule<IncomeAboveDibaoLineRule>(withElderDead)).Period);
    }

    [Fact]
    public void Find_IncomeWithoutDibao_ReportsNothing()
    {
        var unit = Household(People.Head(), People.Spouse()).Employed(People.HeadId, January2024, incomeFen: 9000_00);

        Assert.Empty(Run.Rule<IncomeAboveDibaoLineRule>(unit));
    }

    [Fact]
    public void Find_UnheldPerson_ReportsNothing()
    {
        var unit = UnheldPerson(People.HeadId)
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January2024)
            .Employed(People.HeadId, January2024, incomeFen: 9000_00);

        Assert.Empty(Run.Rule<IncomeAboveDibaoLineRule>(unit));
    }
}
