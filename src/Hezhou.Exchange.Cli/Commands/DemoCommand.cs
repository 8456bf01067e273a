using System.ComponentModel;
using Grpc.Core;
using Hezhou.Exchange.Cli.Demo;
using Hezhou.Exchange.Cli.Rendering;
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

    public override ValidationResult Validate() =>
        TimeoutSeconds <= 0 ? ValidationResult.Error("--timeout must be a positive number of seconds") : base.Validate();
}

/// <summary>demo: the default data set through an empty server, and the city's figures beside the seed report's.</summary>
internal sealed class DemoCommand(CliOutput output) : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        DemoOutcome outcome;
        try
        {
            outcome = await new CityDemo(settings.ServerAddress, output.Messages)
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
        }
        return outcome.MatchesSeedReport ? ExitCodes.Ok : ExitCodes.RejectedOrDiffering;
    }
}
