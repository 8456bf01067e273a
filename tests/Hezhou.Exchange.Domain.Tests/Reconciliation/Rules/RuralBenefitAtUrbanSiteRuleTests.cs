using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Reconciliation.Rules;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation.Rules;

public class RuralBenefitAtUrbanSiteRuleTests
{
    private static readonly DateOnly LongBefore = new(2018, 1, 1);

    [Theory]
    [InlineData(WelfareProgramme.RuralDibao)]
    [InlineData(WelfareProgramme.RuralTekun)]
    public void Find_RuralBenefitAtAnUrbanSite_ReportsItFromTheRelocationDate(WelfareProgramme programme)
    {
        var unit = Household(People.Head()).AtSite(SiteKind.Urban).Entitled(People.HeadId, programme, LongBefore, key: "ENT-1");

        var finding = Assert.Single(Run.Rule<RuralBenefitAtUrbanSiteRule>(unit));

        Assert.Equal($"rural-benefit-at-urban-site/{People.HeadId}/2019-12-20..", finding.Key);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([Department.Relocation, Department.CivilAffairs], finding.Departments);
        Assert.Equal([SiteSource(), HouseholdSource(), EntitlementSource("ENT-1")], finding.Sources);
    }

    [Theory]
    [InlineData(WelfareProgramme.UrbanDibao)]
    [InlineData(WelfareProgramme.UrbanTekun)]
    [InlineData(WelfareProgramme.CareAllowance)]
    public void Find_UrbanOrOtherBenefitAtAnUrbanSite_ReportsNothing(WelfareProgramme programme)
    {
        var unit = Household(People.Head()).AtSite(SiteKind.Urban).Entitled(People.HeadId, programme, LongBefore);

        Assert.Empty(Run.Rule<RuralBenefitAtUrbanSiteRule>(unit));
    }

    [Fact]
    public void Find_RuralBenefitAtARuralSite_ReportsNothing()
    {
        var unit = Household(People.Head()).AtSite(SiteKind.Rural).Entitled(People.HeadId, WelfareProgramme.RuralDibao, LongBefore);

        Assert.Empty(Run.Rule<RuralBenefitAtUrbanSiteRule>(unit));
    }

    [Fact]
    public void Find_SiteUnknown_ReportsNothing()
    {
        var unit = Household(People.Head()).WithoutSite().Entitled(People.HeadId, WelfareProgramme.RuralDibao, LongBefore);

        Assert.Empty(Run.Rule<RuralBenefitAtUrbanSiteRule>(unit));
    }

    [Fact]
    public void Find_RuralBenefitEndingTheDayBeforeRelocation_ReportsNothing()
    {
        var unit = Household(People.Head())
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, LongBefore, RelocationDate.AddDays(-1));

        Assert.Empty(Run.Rule<RuralBenefitAtUrbanSiteRule>(unit));
    }

    [Fact]
    public void Find_RuralBenefitEndingOnTheRelocationDate_ReportsThatDay()
    {
        var unit = Household(People.Head())
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, LongBefore, RelocationDate);

        var finding = Assert.Single(Run.Rule<RuralBenefitAtUrbanSiteRule>(unit));

        Assert.Equal("2019-12-20..2019-12-20", finding.Period);
    }

    [Fact]
    public void Find_MemberWhoDied_ReportsUpToTheDeath()
    {
        var unit = Household(People.Elder() with { DeathDate = new DateOnly(2023, 5, 10) })
            .Entitled(People.ElderId, WelfareProgramme.RuralTekun, LongBefore);

        var finding = Assert.Single(Run.Rule<RuralBenefitAtUrbanSiteRule>(unit));

        Assert.Equal("2019-12-20..2023-05-10", finding.Period);
    }
}
