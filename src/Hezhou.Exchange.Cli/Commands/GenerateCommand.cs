using System.ComponentModel;
using Hezhou.Exchange.Cli.Demo;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.DataSet;
using Spectre.Console;
using Spectre.Console.Cli;
using Rule = Hezhou.Exchange.Domain.Reconciliation.DiscrepancyRule;

namespace Hezhou.Exchange.Cli.Commands;

internal sealed class GenerateSettings : CommandSettings
{
    [CommandOption("--out <DIR>")]
    [Description("The folder to write to; created if missing. Existing files of the same names are replaced.")]
    public string? Out { get; set; }

    [CommandOption("--seed <N>")]
    [Description("The same seed and options always give the same bytes.")]
    [DefaultValue(DataSetOptions.DefaultSeed)]
    public int Seed { get; set; } = DataSetOptions.DefaultSeed;

    [CommandOption("--scale <N>")]
    [Description("1 is Hezhou as its report describes it; N is N such cities side by side.")]
    [DefaultValue(1)]
    public int Scale { get; set; } = 1;

    [CommandOption("--inject <RULES>")]
    [Description("Discrepancies to plant, e.g. dibao-with-tekun=3,unknown-person=2; injected.json tells which.")]
    public string? Inject { get; set; }

    [CommandOption("--xlsx")]
    [Description("Also write each department's records as an Excel workbook (<department>.xlsx).")]
    public bool Xlsx { get; set; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("--out DIR is required: the folder to write the data set to");
        }
        if (Scale is < 1 or > DataSetOptions.MaximumScale)
        {
            return ValidationResult.Error($"--scale must be 1 to {DataSetOptions.MaximumScale}");
        }
        try
        {
            InjectOption.Parse(Inject);
            return ValidationResult.Success();
        }
        catch (UsageException e)
        {
            return ValidationResult.Error(e.Message);
        }
    }
}

/// <summary>generate: writes the three departments' files of a seed-calibrated data set, and the truth it planted.</summary>
internal sealed class GenerateCommand(CliOutput output) : Command<GenerateSettings>
{
    public override int Execute(CommandContext context, GenerateSettings settings, CancellationToken cancellationToken)
    {
        var folder = settings.Out!;
        Directory.CreateDirectory(folder);
        var dataSet = output.Messages.Status().Start("Planning the city…", _ =>
            DataSetGenerator.Generate(new DataSetOptions(settings.Seed, settings.Scale, InjectOption.Parse(settings.Inject))));

        var written = new List<DataSetFiles.WrittenFile>();
        output.Messages.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RecordsPerSecondColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                foreach (var department in DemoDepartments.All)
                {
                    var task = progress.AddTask(department.FileName, maxValue: Math.Max(1, department.RecordCount(dataSet)));
                    written.AddRange(DataSetFiles.Write(folder, department, dataSet, settings.Xlsx, () => task.Increment(1), cancellationToken));
                    task.Value = task.MaxValue;
                }
            });
        written.Add(DataSetFiles.WriteInjected(folder, dataSet.Injected));

        var table = new FittingTable($"数据集 / data set · seed {settings.Seed} · scale {settings.Scale}")
            .Column("文件 / file")
            .Column("记录 / records", rightAligned: true)
            .Column("大小 / bytes", rightAligned: true);
        foreach (var file in written)
        {
            table.Row(file.Path, Figures.Count(file.Records), Figures.Count(new FileInfo(file.Path).Length));
        }
        table.Render(output.Console);
        return ExitCodes.Ok;
    }
}

/// <summary>Reads --inject: "rule=count,…" with the rules' English names, e.g. "dibao-with-tekun=3".</summary>
internal static class InjectOption
{
    public static IReadOnlyDictionary<Rule, int>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var inject = new Dictionary<Rule, int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2
                || !EnumLabels.TryParse<V1.DiscrepancyRule>(pair[0], out var rule)
                || rule == V1.DiscrepancyRule.Unspecified
                || !Enum.IsDefined(rule)
                || !int.TryParse(pair[1], System.Globalization.CultureInfo.InvariantCulture, out var count)
                || count < 0)
            {
                throw new UsageException(
                    $"--inject '{part}' is not rule=count, with a rule among: {string.Join(", ", EnumLabels.EnglishNames<V1.DiscrepancyRule>())}");
            }
            // The contract and the domain number the rules alike.
            inject[(Rule)(int)rule] = count;
        }
        return inject;
    }
}
