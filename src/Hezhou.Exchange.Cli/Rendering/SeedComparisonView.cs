using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>Each indicator beside the seed report's figure, with ✓ where they agree and ✗ where they do not.</summary>
internal static class SeedComparisonView
{
    public static void Render(IAnsiConsole console, GetStatisticsResponse statistics)
    {
        var table = new Table()
            .Title($"贺州市 / Hezhou city · 截至 / as of {Figures.Date(statistics.AsOfDate)}")
            .AddColumn("指标 / indicator")
            .AddColumn(new TableColumn("报告 / seed report").RightAligned().NoWrap())
            .AddColumn(new TableColumn("服务 / service").RightAligned().NoWrap())
            .AddColumn(new TableColumn("").Centered());
        var differing = 0;
        foreach (var indicator in Indicators.All)
        {
            var value = indicator.Value(statistics);
            var mark = indicator.Seed is null ? new Text("") : indicator.Seed == value
                ? new Text("✓", new Style(Color.Green))
                : new Text("✗", new Style(Color.Red));
            if (indicator.Seed is not null && indicator.Seed != value)
            {
                differing++;
            }
            table.AddRow(new Text($"{indicator.Chinese} / {indicator.English}"), new Text(indicator.Seed ?? ""), new Text(value), mark);
        }
        console.Write(table);
        console.MarkupLine(differing == 0
            ? "[green]Every figure of the seed report is reproduced. / 报告各项数据均已复现。[/]"
            : $"[red]{differing} figure(s) differ from the seed report. / {differing} 项数据与报告不符。[/]");
    }
}
