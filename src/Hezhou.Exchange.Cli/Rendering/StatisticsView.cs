using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>The indicators as a table, with employment by channel and open discrepancies by rule beneath.</summary>
internal static class StatisticsView
{
    public static void Render(IAnsiConsole console, GetStatisticsResponse statistics, string scope)
    {
        var indicators = new Table()
            .Title($"{scope} · 截至 / as of {Figures.Date(statistics.AsOfDate)}")
            .AddColumn("指标 / indicator")
            .AddColumn(new TableColumn("数值 / value").RightAligned().NoWrap());
        foreach (var indicator in Indicators.All)
        {
            indicators.AddRow(new Text($"{indicator.Chinese} / {indicator.English}"), new Text(indicator.Value(statistics)));
        }
        console.Write(indicators);

        if (statistics.EmployedByChannel.Count > 0)
        {
            var channels = new Table()
                .Title("就业渠道 / employed by channel")
                .AddColumn("渠道 / channel")
                .AddColumn(new TableColumn("人数 / persons").RightAligned().NoWrap());
            foreach (var channel in statistics.EmployedByChannel)
            {
                channels.AddRow(new Text(EnumLabels.Bilingual(channel.Channel)), new Text(Figures.Count(channel.Persons)));
            }
            console.Write(channels);
        }

        if (statistics.OpenDiscrepanciesByRule.Count > 0)
        {
            var rules = new Table()
                .Title("待处理疑点 / open discrepancies by rule")
                .AddColumn("规则 / rule")
                .AddColumn(new TableColumn("数量 / count").RightAligned().NoWrap());
            foreach (var rule in statistics.OpenDiscrepanciesByRule)
            {
                rules.AddRow(new Text(EnumLabels.Bilingual(rule.Rule)), new Text(Figures.Count(rule.Count)));
            }
            console.Write(rules);
        }
    }
}
