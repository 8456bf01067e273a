using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>Discrepancies as a table: key, rule, severity, status, departments, and the explanation in both languages.</summary>
internal static class DiscrepancyView
{
    public static void Render(IAnsiConsole console, IReadOnlyCollection<Discrepancy> discrepancies, string title)
    {
        if (discrepancies.Count == 0)
        {
            console.WriteLine($"{title}: 无 / none");
            return;
        }
        var table = new Table()
            .Title(title)
            .AddColumn(new TableColumn("疑点 / key").NoWrap())
            .AddColumn("规则 / rule")
            .AddColumn("级别 / severity")
            .AddColumn("状态 / status")
            .AddColumn("部门 / departments")
            .AddColumn(new TableColumn("首次发现 / first seen").NoWrap())
            .AddColumn("说明 / explanation");
        foreach (var discrepancy in discrepancies)
        {
            table.AddRow(
                new Text(discrepancy.Key),
                new Text(EnumLabels.Bilingual(discrepancy.Rule)),
                new Text(EnumLabels.Bilingual(discrepancy.Severity)),
                new Text(EnumLabels.Bilingual(discrepancy.Status)),
                new Text(string.Join(", ", discrepancy.Departments.Select(EnumLabels.English))),
                new Text(Figures.Time(discrepancy.FirstSeenTime)),
                new Text($"{discrepancy.ExplanationZh}\n{discrepancy.ExplanationEn}"));
        }
        console.Write(table);
    }
}
