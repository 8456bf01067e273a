using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>A reconciled person: the fields, where each came from, employments, welfare and open discrepancies.</summary>
internal static class PersonView
{
    public static void Render(IAnsiConsole console, ReconciledPerson person)
    {
        var fields = new Table().Title($"{person.Name} · {person.CitizenId}").AddColumn("项目 / field").AddColumn("值 / value");
        foreach (var (label, value) in Fields(person))
        {
            fields.AddRow(new Text(label), new Text(value));
        }
        console.Write(fields);
        RenderProvenance(console, person.Provenance);

        if (person.Employments.Count > 0)
        {
            var employments = new Table()
                .Title("就业 / employments (人社局 / human resources)")
                .AddColumn(new TableColumn("记录编号 / key").NoWrap())
                .AddColumn("渠道 / channel")
                .AddColumn("用人单位 / employer")
                .AddColumn(new TableColumn("开始 / start").NoWrap())
                .AddColumn(new TableColumn("结束 / end").NoWrap())
                .AddColumn(new TableColumn("月收入 / monthly income").RightAligned().NoWrap())
                .AddColumn("稳定就业 / stable");
            foreach (var item in person.Employments)
            {
                var employment = item.Employment ?? new Employment();
                employments.AddRow(
                    new Text(item.Source?.SourceKey ?? ""),
                    new Text(EnumLabels.Bilingual(employment.Channel)),
                    new Text(employment.EmployerName),
                    new Text(Figures.Date(employment.StartDate)),
                    new Text(Figures.Date(employment.EndDate)),
                    new Text(Figures.Money(employment.MonthlyIncome)),
                    new Text(Figures.YesNo(item.Stable)));
            }
            console.Write(employments);
        }

        if (person.Welfare.Count > 0)
        {
            var welfare = new Table()
                .Title("社会救助 / welfare (民政局 / civil affairs)")
                .AddColumn(new TableColumn("记录编号 / key").NoWrap())
                .AddColumn("项目 / programme")
                .AddColumn(new TableColumn("开始 / start").NoWrap())
                .AddColumn(new TableColumn("结束 / end").NoWrap())
                .AddColumn(new TableColumn("月标准 / monthly").RightAligned().NoWrap())
                .AddColumn(new TableColumn("发放次数 / payments").RightAligned().NoWrap())
                .AddColumn(new TableColumn("累计发放 / paid").RightAligned().NoWrap());
            foreach (var item in person.Welfare)
            {
                var entitlement = item.Entitlement ?? new WelfareEntitlement();
                welfare.AddRow(
                    new Text(item.Source?.SourceKey ?? ""),
                    new Text(EnumLabels.Bilingual(entitlement.Programme)),
                    new Text(Figures.Date(entitlement.StartDate)),
                    new Text(Figures.Date(entitlement.EndDate)),
                    new Text(Figures.Money(entitlement.MonthlyAmount)),
                    new Text(Figures.Count(item.PaymentCount)),
                    new Text(Figures.Money(item.PaidTotal)));
            }
            console.Write(welfare);
        }

        DiscrepancyView.Render(console, person.OpenDiscrepancies, "待处理疑点 / open discrepancies");
    }

    /// <summary>Each field's source and every department's own value, where the departments hold it.</summary>
    public static void RenderProvenance(IAnsiConsole console, IReadOnlyCollection<FieldProvenance> provenance)
    {
        if (provenance.Count == 0)
        {
            return;
        }
        var table = new Table()
            .Title("来源 / provenance")
            .AddColumn(new TableColumn("字段 / field").NoWrap())
            .AddColumn("采用 / shown from")
            .AddColumn("各部门的值 / each department's value");
        foreach (var field in provenance)
        {
            table.AddRow(
                new Text(field.Field),
                new Text(EnumLabels.English(field.Source)),
                new Text(string.Join("\n", field.Values.Select(v =>
                    $"{EnumLabels.English(v.Department)}: {v.Value} ({v.Source?.SourceKey} v{v.Source?.Version})"))));
        }
        console.Write(table);
    }

    public static IEnumerable<(string Label, string Value)> Fields(ReconciledPerson person)
    {
        yield return ("身份证号码 / citizen ID", person.CitizenId);
        yield return ("姓名 / name", person.Name);
        yield return ("性别 / gender", EnumLabels.Bilingual(person.Gender));
        yield return ("出生日期 / birth date", Figures.Date(person.BirthDate));
        yield return ("民族 / ethnicity", EnumLabels.Bilingual(person.Ethnicity));
        yield return ("与户主关系 / relation to head", EnumLabels.Bilingual(person.RelationToHead));
        yield return ("劳动能力 / labour capacity", EnumLabels.Bilingual(person.LabourCapacity));
        yield return ("就业意愿 / willing to work", Figures.YesNo(person.WillingToWork));
        yield return ("在校生 / in school", Figures.YesNo(person.InSchool));
        yield return ("残疾 / disability", person.DisabilityGrade == 0
            ? EnumLabels.Bilingual(person.DisabilityCategory)
            : $"{EnumLabels.Bilingual(person.DisabilityCategory)}, {person.DisabilityGrade} 级 / grade {person.DisabilityGrade}");
        yield return ("死亡日期 / date of death", Figures.Date(person.DeathDate));
        yield return ("户编号 / household", person.HouseholdId);
        yield return ("安置点 / site", person.SiteCode);
    }
}
