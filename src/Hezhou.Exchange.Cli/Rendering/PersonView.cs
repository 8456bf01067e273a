using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>A reconciled person: the fields, where each came from, employments, welfare and open discrepancies.</summary>
internal static class PersonView
{
    public static void Render(IAnsiConsole console, ReconciledPerson person)
    {
        var fields = new FittingTable($"{person.Name} · {person.CitizenId}").KeyValue().Column("项目 / field").Column("值 / value");
        foreach (var (label, value) in Fields(person))
        {
            fields.Row(label, value);
        }
        fields.Render(console);
        RenderProvenance(console, person.Provenance);

        if (person.Employments.Count > 0)
        {
            var employments = new FittingTable("就业 / employments (人社局 / human resources)")
                .Column("记录编号 / key")
                .Column("渠道 / channel")
                .Column("用人单位 / employer")
                .Column("开始 / start")
                .Column("结束 / end")
                .Column("月收入 / monthly income", rightAligned: true)
                .Column("稳定就业 / stable");
            foreach (var item in person.Employments)
            {
                var employment = item.Employment ?? new Employment();
                employments.Row(
                    item.Source?.SourceKey ?? "",
                    EnumLabels.Bilingual(employment.Channel),
                    employment.EmployerName,
                    Figures.Date(employment.StartDate),
                    Figures.Date(employment.EndDate),
                    Figures.Money(employment.MonthlyIncome),
                    Figures.YesNo(item.Stable));
            }
            employments.Render(console);
        }

        if (person.Welfare.Count > 0)
        {
            var welfare = new FittingTable("社会救助 / welfare (民政局 / civil affairs)")
                .Column("记录编号 / key")
                .Column("项目 / programme")
                .Column("开始 / start")
                .Column("结束 / end")
                .Column("月标准 / monthly", rightAligned: true)
                .Column("发放次数 / payments", rightAligned: true)
                .Column("累计发放 / paid", rightAligned: true);
            foreach (var item in person.Welfare)
            {
                var entitlement = item.Entitlement ?? new WelfareEntitlement();
                welfare.Row(
                    item.Source?.SourceKey ?? "",
                    EnumLabels.Bilingual(entitlement.Programme),
                    Figures.Date(entitlement.StartDate),
                    Figures.Date(entitlement.EndDate),
                    Figures.Money(entitlement.MonthlyAmount),
                    Figures.Count(item.PaymentCount),
                    Figures.Money(item.PaidTotal));
            }
            welfare.Render(console);
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
        var table = new FittingTable("来源 / provenance")
            .Column("字段 / field")
            .Column("采用 / shown from")
            .Column("各部门的值 / each department's value");
        foreach (var field in provenance)
        {
            table.Row(
                field.Field,
                EnumLabels.English(field.Source),
                string.Join("\n", field.Values.Select(v =>
                    $"{EnumLabels.English(v.Department)}: {v.Value} ({v.Source?.SourceKey} v{v.Source?.Version})")));
        }
        table.Render(console);
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
