using System.ComponentModel;
using Hezhou.Exchange.Cli.Connection;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

internal sealed class HistorySettings : PersonalDataSettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The department's key of the record (its source_key).")]
    public string SourceKey { get; set; } = "";

    [CommandOption("--department <DEPARTMENT>")]
    [Description("The department that holds the record: relocation, human-resources or civil-affairs.")]
    public string? Department { get; set; }

    [CommandOption("--kind <KIND>")]
    [Description("The record kind: site, household, employment, job-vacancy, welfare-entitlement or welfare-payment.")]
    public string? Kind { get; set; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Department) || string.IsNullOrWhiteSpace(Kind)
            ? ValidationResult.Error("--department and --kind are required: they name the record with its key")
            : base.Validate();
}

/// <summary>history: every version of one source record, who sent it and when.</summary>
internal sealed class HistoryCommand(CliOutput output) : ExchangeCommand<HistorySettings>
{
    protected override async Task<int> RunAsync(ExchangeConnection connection, HistorySettings settings, CancellationToken cancellationToken)
    {
        var department = OptionValues.Enum<Department>(settings.Department, "--department");
        var kind = OptionValues.Enum<RecordKind>(settings.Kind, "--kind");
        var history = await connection.Audit.GetRecordHistoryAsync(new GetRecordHistoryRequest
        {
            Department = department,
            Kind = kind,
            SourceKey = settings.SourceKey,
            Purpose = settings.Purpose,
        }, cancellationToken: cancellationToken);
        if (settings.Json)
        {
            ProtoJson.Write(output.Json, history);
        }
        else
        {
            HistoryView.Render(output.Console, history,
                $"{EnumLabels.Bilingual(department)} · {EnumLabels.Bilingual(kind)} · {settings.SourceKey}");
        }
        return ExitCodes.Ok;
    }
}
