using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Reconciliation.Rules;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation.Rules;

public class IdentityMismatchRuleTests
{
    private static readonly DateOnly Start = new(2023, 3, 1);

    [Fact]
    public void Find_EmploymentWithAnotherName_ReportsMismatchOnTheCitizenId()
    {
        var unit = Household(People.Head()).Employed(People.HeadId, Start, key: "EMP-1", name: "黄志刚");

        var finding = Assert.Single(Run.Rule<IdentityMismatchRule>(unit));

        Assert.Equal(DiscrepancyRule.IdentityMismatch, finding.Rule);
        Assert.Equal($"identity-mismatch/{People.HeadId}/", finding.Key);
        Assert.Equal("", finding.Period);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([Department.Relocation, Department.HumanResources], finding.Departments);
        Assert.Equal([HouseholdSource(), EmploymentSource("EMP-1")], finding.Sources);
    }

    [Fact]
    public void Find_EmploymentWithTheSameName_ReportsNothing()
    {
        var unit = Household(People.Head()).Employed(People.HeadId, Start, name: "黄志强");

        Assert.Empty(Run.Rule<IdentityMismatchRule>(unit));
    }

    [Theory]
    [InlineData("黄Ａ", "黄A")]
    [InlineData("黄ａ", "黄A")]
    [InlineData("王１号", "王1号")]
    [InlineData("ＷＡＮＧ Ｌｉ", "Wang Li")]
    public void Find_NameDifferingOnlyInWidthOrCase_ReportsNothing(string relocationName, string claimedName)
    {
        var unit = Household(People.Head() with { Name = relocationName })
            .Employed(People.HeadId, Start, name: claimedName);

        Assert.Empty(Run.Rule<IdentityMismatchRule>(unit));
    }

    [Theory]
    [InlineData("阿依古丽•买买提")]
    [InlineData("阿依古丽‧买买提")]
    [InlineData("阿依古丽・买买提")]
    [InlineData("阿依古丽･买买提")]
    [InlineData("阿依古丽∙买买提")]
    [InlineData("阿依古丽⋅买买提")]
    [InlineData("阿依古丽᛫买买提")]
    [InlineData("阿依古丽 · 买买提")]
    public void Find_MinorityNameWithAnotherMiddleDot_ReportsNothing(string claimedName)
    {
        var unit = Household(People.Head() with { Name = "阿依古丽·买买提" })
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, Start, name: claimedName);

        Assert.Empty(Run.Rule<IdentityMismatchRule>(unit));
    }

    [Theory]
    [InlineData("黄 志强")]
    [InlineData("黄　志强")]
    [InlineData(" 黄志强\t")]
    public void Find_NameDifferingOnlyInSpaces_ReportsNothing(string claimedName)
    {
        var unit = Household(People.Head()).Paid(People.HeadId, WelfareProgramme.UrbanDibao, Start, name: claimedName);

        Assert.Empty(Run.Rule<IdentityMismatchRule>(unit));
    }

    [Fact]
    public void Find_MinorityNameWithAnotherSecondPart_ReportsMismatch()
    {
        var unit = Household(People.Head() with { Name = "阿依古丽·买买提" })
            .Entitled(People.HeadId, WelfareProgramme.UrbanDibao, Start, key: "ENT-1", name: "阿依古丽・吐尔逊");

        var finding = Assert.Single(Run.Rule<IdentityMismatchRule>(unit));

        Assert.Equal([HouseholdSource(), EntitlementSource("ENT-1")], finding.Sources);
    }

    [Fact]
    public void Find_ClaimWithAnotherGender_ReportsMismatch()
    {
        var unit = Household(People.Head()).Employed(People.HeadId, Start, key: "EMP-1", gender: Gender.Female);

        var finding = Assert.Single(Run.Rule<IdentityMismatchRule>(unit));

        Assert.Equal([HouseholdSource(), EmploymentSource("EMP-1")], finding.Sources);
    }

    [Fact]
    public void Find_ClaimWithAnotherBirthDate_ReportsMismatch()
    {
        var unit = Household(People.Head())
            .Employed(People.HeadId, Start, key: "EMP-1", birthDate: new DateOnly(1985, 3, 21));

        Assert.Single(Run.Rule<IdentityMismatchRule>(unit));
    }

    [Fact]
    public void Find_ClaimWithTheSameGenderAndBirthDate_ReportsNothing()
    {
        var unit = Household(People.Head())
            .Employed(People.HeadId, Start, gender: Gender.Male, birthDate: new DateOnly(1985, 3, 12));

        Assert.Empty(Run.Rule<IdentityMismatchRule>(unit));
    }

    [Fact]
    public void Find_SeveralDisagreeingRecords_ReportsOneFindingListingEachOfThem()
    {
        var unit = Household(People.Head(), People.Spouse())
            .Employed(People.HeadId, Start, key: "EMP-2", name: "黄志刚")
            .Employed(People.HeadId, Start, key: "EMP-1")
            .Paid(People.HeadId, WelfareProgramme.UrbanDibao, Start, key: "PAY-1", name: "王志强");

        var finding = Assert.Single(Run.Rule<IdentityMismatchRule>(unit));

        Assert.Equal([Department.Relocation, Department.HumanResources, Department.CivilAffairs], finding.Departments);
        Assert.Equal([HouseholdSource(), EmploymentSource("EMP-2"), PaymentSource("PAY-1")], finding.Sources);
    }

    [Fact]
    public void Find_MemberListedFirstByALowerHousehold_LeavesItToThatHousehold()
    {
        var unit = HouseholdWithId("HZ-2", People.Head())
            .AlsoListedBy(People.HeadId, "HZ-1")
            .Employed(People.HeadId, Start, name: "黄志刚");

        Assert.Empty(Run.Rule<IdentityMismatchRule>(unit));
    }

    [Fact]
    public void Find_UnheldPersonNamedDifferentlyByTheTwoDepartments_ReportsBothRecords()
    {
        var unit = UnheldPerson(People.HeadId)
            .Employed(People.HeadId, Start, key: "EMP-1", name: "黄志强")
            .Employed(People.HeadId, Start, key: "EMP-2", name: "黄志强")
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, Start, key: "ENT-1", name: "黄志刚");

        var finding = Assert.Single(Run.Rule<IdentityMismatchRule>(unit));

        Assert.Equal($"identity-mismatch/{People.HeadId}/", finding.Key);
        Assert.Equal([Department.HumanResources, Department.CivilAffairs], finding.Departments);
        Assert.Equal(
            [EmploymentSource("EMP-1"), EmploymentSource("EMP-2"), EntitlementSource("ENT-1")],
            finding.Sources);
    }

    [Fact]
    public void Find_UnheldPersonNamedAlikeByTheTwoDepartments_ReportsNothing()
    {
        var unit = UnheldPerson(People.HeadId)
            .Employed(People.HeadId, Start, name: "黄志强")
            .Entitled(People.HeadId, WelfareProgramme.RuralDibao, Start, name: "黄 志强");

        Assert.Empty(Run.Rule<IdentityMismatchRule>(unit));
    }

    [Fact]
    public void Find_UnheldPersonKnownToOneDepartmentOnly_ReportsNothing()
    {
        // Two human-resources records that disagree are not a disagreement between departments.
        var unit = UnheldPerson(People.HeadId)
            .Employed(People.HeadId, Start, name: "黄志强")
            .Employed(People.HeadId, Start, name: "黄志刚");

        Assert.Empty(Run.Rule<IdentityMismatchRule>(unit));
    }
}
