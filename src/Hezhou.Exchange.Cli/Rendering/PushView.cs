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
        var table = new Table()
            .Title("推送结果 / push outcome")
            .AddColumn("来源 / source")
            .AddColumn(new TableColumn("记录 / records").RightAligned().NoWrap())
            .AddColumn(new TableColumn("已发送批次 / batches sent").RightAligned().NoWrap())
            .AddColumn(new TableColumn("已存在批次 / already stored").RightAligned().NoWrap())
            .AddColumn(new TableColumn("已接受 / accepted").RightAligned().NoWrap())
            .AddColumn(new TableColumn("未变化 / unchanged").RightAligned().NoWrap())
            .AddColumn(new TableColumn("已拒绝 / rejected").RightAligned().NoWrap());
        foreach (var report in reports)
        {
            table.AddRow(
                new Text(report.Source),
                new Text(Figures.Count(report.Records)),
                new Text(Figures.Count(report.BatchesSent)),
                new Text(Figures.Count(report.BatchesSkipped)),
                new Text(Figures.Count(report.Accepted)),
                new Text(Figures.Count(report.Unchanged)),
                new Text(Figures.Count(report.Rejected), report.Rejected > 0 ? new Style(Color.Red) : Style.Plain));
        }
        if (reports.Count > 1)
        {
            table.AddRow(
                new Text("合计 / total"),
                new Text(Figures.Count(reports.Sum(r => r.Records))),
                new Text(Figures.Count(reports.Sum(r => r.BatchesSent))),
                new Text(Figures.Count(reports.Sum(r => r.BatchesSkipped))),
                new Text(Figures.Count(reports.Sum(r => r.Accepted))),
                new Text(Figures.Count(reports.Sum(r => r.Unchanged))),
                new Text(Figures.Count(reports.Sum(r => r.Rejected))));
        }
        console.Write(table);

        var rejections = reports.SelectMany(r => r.Rejections).Take(RejectionsShown).ToList();
        if (rejections.Count == 0)
        {
            return;
        }
        var rejected = reports.Sum(r => r.Rejected);
        var details = new Table()
            .Title(rejected > rejections.Count
                ? $"前 {rejections.Count} 条被拒绝的记录 / the first {rejections.Count} of {Figures.Count(rejected)} rejected records"
                : "被拒绝的记录 / rejected records")
            .AddColumn("来源 / source")
            .AddColumn(new TableColumn("序号 / index").RightAligned().NoWrap())
            .AddColumn(new TableColumn("行 / line").RightAligned().NoWrap())
            .AddColumn(new TableColumn("记录编号 / source key").NoWrap())
            .AddColumn(new TableColumn("字段 / field").NoWrap())
            .AddColumn("规则 / rule")
            .AddColumn("说明 / description");
        foreach (var rejection in rejections)
        {
            foreach (var violation in rejection.Violations.DefaultIfEmpty(new Google.Rpc.BadRequest.Types.FieldViolation()))
            {
                details.AddRow(
                    new Text(rejection.Source),
                    new Text(rejection.Index.ToString(CultureInfo.InvariantCulture)),
                    new Text(rejection.Line == 0 ? "" : rejection.Line.ToString(CultureInfo.InvariantCulture)),
                    new Text(rejection.SourceKey),
                    new Text(violation.Field),
                    new Text(violation.Reason),
                    new Text(violation.Description));
            }
        }
        console.Write(details);
    }
}

/// <summary>Records per second, for the push progress bar.</summary>
internal sealed class RecordsPerSecondColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.Speed is { } speed ? $"{speed.ToString("N0", CultureInfo.InvariantCulture)} records/s" : "", Style.Plain);
}
