using System.ComponentModel;
using Grpc.Core;
using Hezhou.Exchange.Cli.Demo;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.DataSet;
using Hezhou.Exchange.Domain.Reconciliation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

internal sealed class DemoSettings : ServerSettings
{
    [CommandOption("--json")]
    [Description("Print only the statistics response as proto3 JSON.")]
    public bool Json { get; set; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for the server to reconcile everything pushed.")]
    [DefaultValue(3600)]
    public int TimeoutSeconds { get; set; } = 3600;

    [CommandOption("--discrepancies <N>")]
    [Description("Plant N discrepancies of every rule in the data set (as generate --inject does), for the discrepancy loop; the seed report's figures still hold.")]
    public int DiscrepanciesPerRule { get; set; }

    public override ValidationResult Validate() =>
        TimeoutSeconds <= 0 ? ValidationResult.Error("--timeout must be a positive number of seconds")
        : DiscrepanciesPerRule is < 0 or > MaximumDiscrepanciesPerRule
            ? ValidationResult.Error($"--discrepancies must be between 0 and {MaximumDiscrepanciesPerRule}")
        : base.Validate();

    /// <summary>Enough to see every rule a few times; the city has far more candidates than this for each.</summary>
    public const int MaximumDiscrepanciesPerRule = 100;
}

/// <summary>demo: the default data set through an empty server, and the city's figures beside the seed report's.</summary>
internal sealed class DemoCommand(CliOutput output) : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        DemoOutcome outcome;
        try
        {
            outcome = await new CityDemo(settings.ServerAddress, output.Messages, DataSetOptionsFor(settings))
                .RunAsync(TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken);
        }
        catch (RpcException e)
        {
            throw new ServerCallException(settings.ServerAddress, e);
        }

        if (settings.Json)
        {
            ProtoJson.Write(output.Json, outcome.Statistics);
        }
        else
        {
            PushView.Render(output.Console, outcome.Pushes);
            SeedComparisonView.Render(output.Console, outcome.Statistics);
            if (outcome.Injected.Count > 0)
            {
                RenderPlanted(outcome.Injected);
            }
        }
        return outcome.MatchesSeedReport ? ExitCodes.Ok : ExitCodes.RejectedOrDiffering;
    }

    private static DataSetOptions DataSetOptionsFor(DemoSettings settings) => new(
        Inject: settings.DiscrepanciesPerRule == 0
            ? null
            : Enum.GetValues<DiscrepancyRule>().Where(r => r != DiscrepancyRule.Unspecified)
                .ToDictionary(r => r, _ => settings.DiscrepanciesPerRule));

    private void RenderPlanted(IReadOnlyList<InjectedDiscrepancy> injected)
    {
        // Why the figures above still match: the planted records are chosen to leave them as they were.
        output.Console.WriteLine(
            $"Planted {injected.Count} discrepancies, {injected.Count / injected.Select(i => i.Rule).Distinct().Count()} of each rule. " +
            "They add records that ended before 2023-12-31, are unpaid, or take effect after it, so the seed report's " +
            "figures hold; only the count of households (no figure of the report) gains one per duplicate membership.");
        output.Console.WriteLine(
            "List them: hezhou discrepancies --status open --purpose \"demo review\" --api-key dev-auditor-key");
    }
}
