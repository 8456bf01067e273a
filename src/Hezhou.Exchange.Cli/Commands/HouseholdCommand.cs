using System.ComponentModel;
using Hezhou.Exchange.Cli.Connection;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.V1;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

internal sealed class HouseholdSettings : PersonalDataSettings
{
    [CommandArgument(0, "<HOUSEHOLD_ID>")]
    [Description("The household ID (户编号).")]
    public string HouseholdId { get; set; } = "";
}

/// <summary>household: one reconciled household with its members.</summary>
internal sealed class HouseholdCommand(CliOutput output) : ExchangeCommand<HouseholdSettings>
{
    protected override async Task<int> RunAsync(ExchangeConnection connection, HouseholdSettings settings, CancellationToken cancellationToken)
    {
        var response = await connection.Audit.GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = settings.HouseholdId, Purpose = settings.Purpose },
            cancellationToken: cancellationToken);
        if (settings.Json)
        {
            ProtoJson.Write(output.Json, response);
        }
        else
        {
            HouseholdView.Render(output.Console, response.Household);
        }
        return ExitCodes.Ok;
    }
}
