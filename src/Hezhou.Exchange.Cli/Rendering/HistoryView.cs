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
        var table = new FittingTable(title)
            .Column("版本 / version", rightAligned: true)
            .Column("接收时间 / received")
            .Column("发送者 / sender")
            .Column("批次 / batch")
            .Column("摘要 / digest")
            .Column("内容 / content");
        foreach (var version in history.Versions)
        {
            table.Row(
                version.Reference?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Figures.Time(version.ReceiveTime),
                version.Principal,
                version.BatchId,
                version.ContentDigest.Length > 12 ? version.ContentDigest[..12] : version.ContentDigest,
                version.Record is null ? "" : Compact.Format(version.Record));
        }
        table.Render(console);
    }
}
