using System.ComponentModel;
using Hezhou.Exchange.Cli.Connection;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

/// <summary>The purpose every read of personal data states; it is written to the access log.</summary>
internal class PersonalDataSettings : QuerySettings
{
    [CommandOption("--purpose <TEXT>")]
    [Description("Why the data is read, or a case number (4-200 characters); written to the access log.")]
    public string? Purpose { get; set; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Purpose)
            ? ValidationResult.Error("--purpose is required: say why the data is read, or give a case number")
            : base.Validate();
}

internal sealed class PersonSettings : PersonalDataSettings
{
    [CommandArgument(0, "<CITIZEN_ID>")]
    [Description("The citizen ID, 18 characters, in full.")]
    public string CitizenId { get; set; } = "";

    [CommandOption("--as-of <DATE>")]
    [Description("The date against which stable employment is judged, YYYY-MM-DD; today by default.")]
    public string? AsOf { get; set; }
}

/// <summary>person: one reconciled person, with the source of every field.</summary>
internal sealed class PersonCommand(CliOutput output) : ExchangeCommand<PersonSettings>
{
    protected override async Task<int> RunAsync(ExchangeConnection connection, PersonSettings settings, CancellationToken cancellationToken)
    {
        var response = await connection.Audit.GetPersonAsync(new GetPersonRequest
        {
            CitizenId = settings.CitizenId,
            Purpose = settings.Purpose,
            AsOfDate = OptionValues.Date(settings.AsOf, "--as-of"),
        }, cancellationToken: cancellationToken);
        if (settings.Json)
        {
            ProtoJson.Write(output.Json, response);
        }
        else
        {
            PersonView.Render(output.Console, response.Person);
        }
        return ExitCodes.Ok;
    }
}
