using System.Globalization;
using Hezhou.Exchange.Cli.Pushing;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>What a push did, per source and in total, and the first rejections explained.</summary>
internal static class PushView
{
    public const int RejectionsShown = 10;

    public static void Render(IAnsiConsole console, IReadOnlyList<PushReport> reports)
    {
        var table = new FittingTable("推送结果 / push outcome")
            .Column("来源 / source")
            .Column("记录 / records", rightAligned: true)
            .Column("已发送批次 / batches sent", rightAligned: true)
            .Column("已存在批次 / already stored", rightAligned: true)
            .Column("已接受 / accepted", rightAligned: true)
            .Column("未变化 / unchanged", rightAligned: true)
            .Column("已拒绝 / rejected", rightAligned: true);
        foreach (var report in reports)
        {
            table.Row(
                report.Source,
                Figures.Count(report.Records),
                Figures.Count(report.BatchesSent),
                Figures.Count(report.BatchesSkipped),
                Figures.Count(report.Accepted),
                Figures.Count(report.Unchanged),
                new CellText(Figures.Count(report.Rejected), report.Rejected > 0 ? new Style(Color.Red) : (Style?)null));
        }
        if (reports.Count > 1)
        {
            table.Row(
                "合计 / total",
                Figures.Count(reports.Sum(r => r.Records)),
                Figures.Count(reports.Sum(r => r.BatchesSent)),
                Figures.Count(reports.Sum(r => r.BatchesSkipped)),
                Figures.Count(reports.Sum(r => r.Accepted)),
                Figures.Count(reports.Sum(r => r.Unchanged)),
                Figures.Count(reports.Sum(r => r.Rejected)));
        }
        table.Render(console);

        var rejections = reports.SelectMany(r => r.Rejections).Take(RejectionsShown).ToList();
        if (rejections.Count == 0)
        {
            return;
        }
        var rejected = reports.Sum(r => r.Rejected);
        var details = new FittingTable(rejected > rejections.Count
                ? $"前 {rejections.Count} 条被拒绝的记录 / the first {rejections.Count} of {Figures.Count(rejected)} rejected records"
                : "被拒绝的记录 / rejected records")
            .Column("来源 / source")
            .Column("记录 / record", rightAligned: true)
            .Column("位置 / at")
            .Column("记录编号 / source key")
            .Column("字段 / field")
            .Column("规则 / rule")
            .Column("说明 / description");
        foreach (var rejection in rejections)
        {
            foreach (var violation in rejection.Violations.DefaultIfEmpty(new Google.Rpc.BadRequest.Types.FieldViolation()))
            {
                details.Row(
                    rejection.Source,
                    Figures.Count(rejection.Index + 1),
                    Where(rejection),
                    rejection.SourceKey,
                    violation.Field,
                    violation.Reason,
                    violation.Description);
            }
        }
        details.Render(console);
    }

    /// <summary>
    /// Where a rejected record is in its file, counted from 1 as editors and spreadsheets count: the line of a JSON Lines
    /// file, the row of a CSV or Excel file (the header is row 1, so the first record is row 2).
    /// </summary>
    public static string Where(Rejection rejection) => rejection.Line == 0
        ? ""
        : rejection.Source.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            ? $"line {rejection.Line.ToString(CultureInfo.InvariantCulture)}"
            : $"row {rejection.Line.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Records per second, for the push progress bar.</summary>
internal sealed class RecordsPerSecondColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.Speed is { } speed ? $"{speed.ToString("N0", CultureInfo.InvariantCulture)} records/s" : "", Style.Plain);
}
