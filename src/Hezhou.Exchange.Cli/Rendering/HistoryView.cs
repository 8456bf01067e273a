using Google.Protobuf;
using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>Every version of one source record, oldest first: who sent it, when, in which batch, and what.</summary>
internal static class HistoryView
{
    private static readonly JsonFormatter Compact = new(JsonFormatter.Settings.Default);

    public static void Render(IAnsiConsole console, GetRecordHistoryResponse history, string title)
    {
        var table = new Table()
            .Title(title)
            .AddColumn(new TableColumn("版本 / version").RightAligned().NoWrap())
            .AddColumn(new TableColumn("接收时间 / received").NoWrap())
            .AddColumn("发送者 / sender")
            .AddColumn(new TableColumn("批次 / batch").NoWrap())
            .AddColumn(new TableColumn("摘要 / digest").NoWrap())
            .AddColumn("内容 / content");
        foreach (var version in history.Versions)
        {
            table.AddRow(
                new Text(version.Reference?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                new Text(Figures.Time(version.ReceiveTime)),
                new Text(version.Principal),
                new Text(version.BatchId),
                new Text(version.ContentDigest.Length > 12 ? version.ContentDigest[..12] : version.ContentDigest),
                new Text(version.Record is null ? "" : Compact.Format(version.Record)));
        }
        console.Write(table);
    }
}
