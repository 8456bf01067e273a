using System.ComponentModel;
using Hezhou.Exchange.Cli.Connection;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

internal sealed class AnswerSettings : QuerySettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The discrepancy's key as listed: in full, or masked with its '#<number>' at the end.")]
    public string DiscrepancyKey { get; set; } = "";

    [CommandOption("--answer <ANSWER>")]
    [Description("will-correct (the department will correct its records) or disputed (it holds them to be right).")]
    public string? Answer { get; set; }

    [CommandOption("--reason <TEXT>")]
    [Description("Why, 1-1,000 characters; kept in the discrepancy's history.")]
    public string? Reason { get; set; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Answer) || string.IsNullOrWhiteSpace(Reason)
            ? ValidationResult.Error("--answer and --reason are required: say whether the department will correct its records, and why")
            : base.Validate();
}

/// <summary>answer: a department answers a discrepancy its records are involved in (AnswerDiscrepancy).</summary>
internal sealed class AnswerCommand(CliOutput output) : ExchangeCommand<AnswerSettings>
{
    protected override async Task<int> RunAsync(ExchangeConnection connection, AnswerSettings settings, CancellationToken cancellationToken)
    {
        var response = await connection.Audit.AnswerDiscrepancyAsync(new AnswerDiscrepancyRequest
        {
            Key = settings.DiscrepancyKey,
            Answer = OptionValues.Enum<DiscrepancyAnswer>(settings.Answer, "--answer"),
            Reason = settings.Reason,
        }, cancellationToken: cancellationToken);
        DiscrepancyReviewOutput.Write(output, settings.Json, response.Discrepancy, "已答复 / answered");
        return ExitCodes.Ok;
    }
}

/// <summary>What answer, ack and waive print: the discrepancy after the act, as a table or as proto3 JSON.</summary>
internal static class DiscrepancyReviewOutput
{
    public static void Write(CliOutput output, bool json, Discrepancy discrepancy, string title)
    {
        if (json)
        {
            ProtoJson.Write(output.Json, discrepancy);
            return;
        }
        DiscrepancyView.Render(output.Console, [discrepancy], title);
    }
}
