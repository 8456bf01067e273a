using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>Each indicator beside the seed report's figure, with ✓ where they agree and ✗ where they do not.</summary>
internal static class SeedComparisonView
{
    public static void Render(IAnsiConsole console, GetStatisticsResponse statistics)
    {
        var table = new FittingTable($"贺州市 / Hezhou city · 截至 / as of {Figures.Date(statistics.AsOfDate)}")
            .Column("指标 / indicator")
            .Column("报告 / seed report", rightAligned: true)
            .Column("服务 / service", rightAligned: true)
            .Column("");
        var differing = 0;
        foreach (var indicator in Indicators.All)
        {
            var value = indicator.Value(statistics);
            var mark = indicator.Seed is null ? new CellText("") : indicator.Seed == value
                ? new CellText("✓", new Style(Color.Green))
                : new CellText("✗", new Style(Color.Red));
            if (indicator.Seed is not null && indicator.Seed != value)
            {
                differing++;
            }
            table.Row($"{indicator.Chinese} / {indicator.English}", indicator.Seed ?? "", value, mark);
        }
        table.Render(console);
        console.MarkupLine(differing == 0
            ? "[green]Every figure of the seed report is reproduced. / 报告各项数据均已复现。[/]"
            : $"[red]{differing} figure(s) differ from the seed report. / {differing} 项数据与报告不符。[/]");
    }
}
