using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>A reconciled household: where it lives, its members, and the open discrepancies about it.</summary>
internal static class HouseholdView
{
    public static void Render(IAnsiConsole console, ReconciledHousehold household)
    {
        new FittingTable($"户 / household {household.HouseholdId}")
            .KeyValue()
            .Column("项目 / field")
            .Column("值 / value")
            .Row("安置点 / site", $"{household.SiteCode} {household.SiteName}")
            .Row("县区 / county", household.CountyCode)
            .Row("住址 / address", household.Address)
            .Row("搬迁入住日期 / relocated on", Figures.Date(household.RelocationDate))
            .Render(console);

        var members = new FittingTable("成员 / members")
            .Column("身份证号码 / citizen ID")
            .Column("姓名 / name")
            .Column("关系 / relation")
            .Column("性别 / gender")
            .Column("出生日期 / born")
            .Column("劳动能力 / labour capacity")
            .Column("就业意愿 / willing")
            .Column("残疾 / disability")
            .Column("死亡日期 / died");
        foreach (var member in household.Members)
        {
            members.Row(
                member.CitizenId,
                member.Name,
                EnumLabels.Chinese(member.RelationToHead),
                EnumLabels.Chinese(member.Gender),
                Figures.Date(member.BirthDate),
                EnumLabels.Chinese(member.LabourCapacity),
                member.WillingToWork ? "是" : "否",
                member.DisabilityGrade == 0 ? "" : $"{EnumLabels.Chinese(member.DisabilityCategory)} {member.DisabilityGrade}级",
                Figures.Date(member.DeathDate));
        }
        members.Render(console);
        PersonView.RenderProvenance(console, household.Provenance);
        DiscrepancyView.Render(console, household.OpenDiscrepancies, "待处理疑点 / open discrepancies");
    }
}
