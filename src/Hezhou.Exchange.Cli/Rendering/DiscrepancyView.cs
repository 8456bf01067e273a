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
        var table = new FittingTable(title)
            .Column("疑点 / key")
            .Column("规则 / rule")
            .Column("级别 / severity")
            .Column("状态 / status")
            .Column("部门 / departments")
            .Column("首次发现 / first seen")
            .Column("说明 / explanation");
        foreach (var discrepancy in discrepancies)
        {
            table.Row(
                discrepancy.Key,
                EnumLabels.Bilingual(discrepancy.Rule),
                EnumLabels.Bilingual(discrepancy.Severity),
                EnumLabels.Bilingual(discrepancy.Status),
                string.Join(", ", discrepancy.Departments.Select(EnumLabels.English)),
                Figures.Time(discrepancy.FirstSeenTime),
                $"{discrepancy.ExplanationZh}\n{discrepancy.ExplanationEn}");
        }
        table.Render(console);
    }
}
