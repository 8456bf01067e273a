using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>A reconciled household: where it lives, its members, and the open discrepancies about it.</summary>
internal static class HouseholdView
{
    public static void Render(IAnsiConsole console, ReconciledHousehold household)
    {
        var summary = new Table().Title($"户 / household {household.HouseholdId}").AddColumn("项目 / field").AddColumn("值 / value");
        summary.AddRow(new Text("安置点 / site"), new Text($"{household.SiteCode} {household.SiteName}"));
        summary.AddRow(new Text("县区 / county"), new Text(household.CountyCode));
        summary.AddRow(new Text("住址 / address"), new Text(household.Address));
        summary.AddRow(new Text("搬迁入住日期 / relocated on"), new Text(Figures.Date(household.RelocationDate)));
        console.Write(summary);

        var members = new Table()
            .Title("成员 / members")
            .AddColumn(new TableColumn("身份证号码 / citizen ID").NoWrap())
            .AddColumn("姓名 / name")
            .AddColumn("关系 / relation")
            .AddColumn("性别 / gender")
            .AddColumn(new TableColumn("出生日期 / born").NoWrap())
            .AddColumn("劳动能力 / labour capacity")
            .AddColumn("就业意愿 / willing")
            .AddColumn("残疾 / disability")
            .AddColumn(new TableColumn("死亡日期 / died").NoWrap());
        foreach (var member in household.Members)
        {
            members.AddRow(
                new Text(member.CitizenId),
                new Text(member.Name),
                new Text(EnumLabels.Chinese(member.RelationToHead)),
                new Text(EnumLabels.Chinese(member.Gender)),
                new Text(Figures.Date(member.BirthDate)),
                new Text(EnumLabels.Chinese(member.LabourCapacity)),
                new Text(member.WillingToWork ? "是" : "否"),
                new Text(member.DisabilityGrade == 0 ? "" : $"{EnumLabels.Chinese(member.DisabilityCategory)} {member.DisabilityGrade}级"),
                new Text(Figures.Date(member.DeathDate)));
        }
        console.Write(members);
        PersonView.RenderProvenance(console, household.Provenance);
        DiscrepancyView.Render(console, household.OpenDiscrepancies, "待处理疑点 / open discrepancies");
    }
}
