using System.ComponentModel;
using Hezhou.Exchange.Cli.Connection;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Pushing;
using Hezhou.Exchange.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

internal sealed class PushSettings : KeyedSettings
{
    [CommandArgument(0, "<FILES>")]
    [Description("Files of records: .jsonl (proto3 JSON, one record a line), .csv or .xlsx (bilingual headers).")]
    public string[] Files { get; set; } = [];

    [CommandOption(CsvEncodings.Option + " <ENCODING>")]
    [Description("The encoding of the CSV files: " + CsvEncodings.Names + "; detected when left out.")]
    public string? Encoding { get; set; }

    public CsvEncoding CsvEncoding => CsvEncodings.TryParse(Encoding, out var encoding) ? encoding : CsvEncoding.Detect;

    public override ValidationResult Validate()
    {
        var keyed = base.Validate();
        return !keyed.Successful || CsvEncodings.TryParse(Encoding, out _)
            ? keyed
            : ValidationResult.Error($"{CsvEncodings.Option} '{Encoding}' is not one of: {CsvEncodings.Names}");
    }
}

/// <summary>push: checks every file whole, then streams them to the server, resumably.</summary>
internal sealed class PushCommand(CliOutput output) : ExchangeCommand<PushSettings>
{
    protected override async Task<int> RunAsync(ExchangeConnection connection, PushSettings settings, CancellationToken cancellationToken)
    {
        // Every file is read through before anything is sent, so a file that does not parse sends nothing.
        var counts = RecordFileCheck.CountAll(settings.Files, settings.CsvEncoding);
        var pusher = new RecordPusher(connection.Submissions);
        var reports = new List<PushReport>();
        try
        {
            await PushAllAsync(settings, counts, pusher, reports, cancellationToken);
        }
        catch (PushStoppedException e)
        {
            throw new PushInterruptedException(Interrupted(connection.Address, reports, e.Report), e.InnerException ?? e);
        }
        PushView.Render(output.Console, reports);
        return reports.Any(r => r.Rejected > 0) ? ExitCodes.RejectedOrDiffering : ExitCodes.Ok;
    }

    /// <summary>What the server acknowledged before it stopped answering, from the pusher's own record, and how to go on.</summary>
    internal static string Interrupted(Uri address, IReadOnlyList<PushReport> done, PushReport stopped)
    {
        var stored = done.Append(stopped).Where(r => r.BatchIds.Count > 0)
            .Select(r => $"{r.Source}: {Figures.Count(r.BatchIds.Count)} batch(es), {Figures.Count(r.Records)} records")
            .ToList();
        var what = stored.Count == 0
            ? "nothing was acknowledged as stored"
            : "stored before it stopped: " + string.Join("; ", stored)
                + $" (last batch {stopped.BatchIds.LastOrDefault() ?? done.LastOrDefault(r => r.BatchIds.Count > 0)?.BatchIds[^1]})";
        return $"the server at {address} stopped answering during the push of {stopped.Source}; {what}. "
            + "Run the same push again once it is back: batches already stored are skipped (a batch's id is its idempotency key), "
            + "so it resumes where it stopped.";
    }

    private async Task PushAllAsync(
        PushSettings settings, IReadOnlyDictionary<string, long> counts, RecordPusher pusher, List<PushReport> reports,
        CancellationToken cancellationToken)
    {
        await output.Messages.Progress()
            .Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RecordsPerSecondColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var tasks = settings.Files
                    .Select(file => progress.AddTask(Path.GetFileName(file), autoStart: false, maxValue: Math.Max(1, counts[file])))
                    .ToList();
                for (var i = 0; i < settings.Files.Length; i++)
                {
                    var file = settings.Files[i];
                    var task = tasks[i];
                    task.StartTask();
                    reports.Add(await pusher.PushAsync(
                        Path.GetFileName(file), RecordPusher.FilePrefix(file), RecordFiles.Read(file, settings.CsvEncoding),
                        sent => task.Increment(sent), cancellationToken));
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });
    }
}
