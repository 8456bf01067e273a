using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Reconciliation.Rules;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation.Rules;

public class DibaoWithTekunRuleTests
{
    private static readonly DateOnly January = new(2023, 1, 1);
    private static readonly DateOnly EndOfJune = new(2023, 6, 30);

    [Theory]
    [InlineData(WelfareProgramme.UrbanDibao, WelfareProgramme.UrbanTekun)]
    [InlineData(WelfareProgramme.UrbanDibao, WelfareProgramme.RuralTekun)]
    [InlineData(WelfareProgramme.RuralDibao, WelfareProgramme.UrbanTekun)]
    [InlineData(WelfareProgramme.RuralDibao, WelfareProgramme.RuralTekun)]
    public void Find_DibaoAndTekunOverlapping_ReportsTheOverlap(WelfareProgramme dibao, WelfareProgramme tekun)
    {
        var unit = Household(People.Elder())
            .Entitled(People.ElderId, dibao, January, new DateOnly(2023, 12, 31), key: "ENT-D")
            .Entitled(People.ElderId, tekun, new DateOnly(2023, 10, 1), key: "ENT-T");

        var finding = Assert.Single(Run.Rule<DibaoWithTekunRule>(unit));

        Assert.Equal($"dibao-with-tekun/{People.ElderId}/2023-10-01..2023-12-31", finding.Key);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal([EntitlementSource("ENT-D"), EntitlementSource("ENT-T")], finding.Sources);
    }

    [Fact]
    public void Find_TekunStartingOnTheDayDibaoEnds_ReportsThatDay()
    {
        var unit = Household(People.Elder())
            .Entitled(People.ElderId, WelfareProgramme.RuralDibao, January, EndOfJune)
            .Entitled(People.ElderId, WelfareProgramme.UrbanTekun, EndOfJune);

        var finding = Assert.Single(Run.Rule<DibaoWithTekunRule>(unit));

        Assert.Equal("2023-06-30..2023-06-30", finding.Period);
    }

    [Fact]
    public void Find_TekunStartingTheDayAfterDibaoEnds_ReportsNothing()
    {
        var unit = Household(People.Elder())
            .Entitled(People.ElderId, WelfareProgramme.RuralDibao, January, EndOfJune)
            .Entitled(People.ElderId, WelfareProgramme.UrbanTekun, EndOfJune.AddDays(1));

        Assert.Empty(Run.Rule<DibaoWithTekunRule>(unit));
    }

    [Fact]
    public void Find_BothOpenEnded_ReportsAnOpenPeriod()
    {
        var unit = Household(People.Elder())
            .Entitled(People.ElderId, WelfareProgramme.UrbanDibao, January)
            .Entitled(People.ElderId, WelfareProgramme.UrbanTekun, January);

        var finding = Assert.Single(Run.Rule<DibaoWithTekunRule>(unit));

        Assert.Equal("2023-01-01..", finding.Period);
    }

    [Theory]
    [InlineData(WelfareProgramme.CareAllowance)]
    [InlineData(WelfareProgramme.DisabilityLivingSubsidy)]
    [InlineData(WelfareProgramme.RuralDibao)]
    public void Find_DibaoWithAnotherProgramme_ReportsNothing(WelfareProgramme other)
    {
        var unit = Household(People.Elder())
            .Entitled(People.ElderId, WelfareProgramme.UrbanDibao, January)
            .Entitled(People.ElderId, other, January);

        Assert.Empty(Run.Rule<DibaoWithTekunRule>(unit));
    }

    [Fact]
    public void Find_DibaoAndTekunOfDifferentMembers_ReportsNothing()
    {
        var unit = Household(People.Head(), People.Elder())
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, January)
            .Entitled(People.ElderId, WelfareProgramme.UrbanTekun, January);

        Assert.Empty(Run.Rule<DibaoWithTekunRule>(unit));
    }
}
