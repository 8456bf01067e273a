using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>The indicators as a table, with employment by channel and open discrepancies by rule beneath.</summary>
internal static class StatisticsView
{
    public static void Render(IAnsiConsole console, GetStatisticsResponse statistics, string scope)
    {
        var indicators = new FittingTable($"{scope} · 截至 / as of {Figures.Date(statistics.AsOfDate)}")
            .Column("指标 / indicator")
            .Column("数值 / value", rightAligned: true);
        foreach (var indicator in Indicators.All)
        {
            indicators.Row($"{indicator.Chinese} / {indicator.English}", indicator.Value(statistics));
        }
        indicators.Render(console);

        if (statistics.EmployedByChannel.Count > 0)
        {
            var channels = new FittingTable("就业渠道 / employed by channel")
                .Column("渠道 / channel")
                .Column("人数 / persons", rightAligned: true);
            foreach (var channel in statistics.EmployedByChannel)
            {
                channels.Row(EnumLabels.Bilingual(channel.Channel), Figures.Count(channel.Persons));
            }
            channels.Render(console);
        }

        if (statistics.OpenDiscrepanciesByRule.Count > 0)
        {
            var rules = new FittingTable("待处理疑点 / open discrepancies by rule")
                .Column("规则 / rule")
                .Column("数量 / count", rightAligned: true);
            foreach (var rule in statistics.OpenDiscrepanciesByRule)
            {
                rules.Row(EnumLabels.Bilingual(rule.Rule), Figures.Count(rule.Count));
            }
            rules.Render(console);
        }
    }
}
