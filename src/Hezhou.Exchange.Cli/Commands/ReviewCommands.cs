using System.ComponentModel;
using Hezhou.Exchange.Cli.Connection;
using Hezhou.Exchange.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

internal class ReviewSettings : QuerySettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The discrepancy's key as listed: in full, or masked with its '#<number>' at the end.")]
    public string DiscrepancyKey { get; set; } = "";

    [CommandOption("--note <TEXT>")]
    [Description("A note for the discrepancy's history, up to 1,000 characters.")]
    public string? Note { get; set; }
}

internal sealed class WaiveSettings : ReviewSettings
{
    // The server requires the note too; asking here saves a round trip and names the option.
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Note)
            ? ValidationResult.Error("--note is required to waive: say why the discrepancy needs no follow-up")
            : base.Validate();
}

/// <summary>ack: an auditor acknowledges an open discrepancy, to follow it up (UpdateDiscrepancy).</summary>
internal sealed class AckCommand(CliOutput output) : ExchangeCommand<ReviewSettings>
{
    protected override Task<int> RunAsync(ExchangeConnection connection, ReviewSettings settings, CancellationToken cancellationToken) =>
        AuditorReview.RunAsync(connection, output, settings, DiscrepancyAction.Acknowledge, "已确认 / acknowledged", cancellationToken);
}

/// <summary>waive: an auditor waives an open or acknowledged discrepancy, with a note (UpdateDiscrepancy).</summary>
internal sealed class WaiveCommand(CliOutput output) : ExchangeCommand<WaiveSettings>
{
    protected override Task<int> RunAsync(ExchangeConnection connection, WaiveSettings settings, CancellationToken cancellationToken) =>
        AuditorReview.RunAsync(connection, output, settings, DiscrepancyAction.Waive, "已豁免 / waived", cancellationToken);
}

internal static class AuditorReview
{
    public static async Task<int> RunAsync(
        ExchangeConnection connection, CliOutput output, ReviewSettings settings, DiscrepancyAction action, string title,
        CancellationToken cancellationToken)
    {
        var response = await connection.Audit.UpdateDiscrepancyAsync(new UpdateDiscrepancyRequest
        {
            Key = settings.DiscrepancyKey,
            Action = action,
            Note = settings.Note ?? "",
        }, cancellationToken: cancellationToken);
        DiscrepancyReviewOutput.Write(output, settings.Json, response.Discrepancy, title);
        return ExitCodes.Ok;
    }
}
