using System.ComponentModel;
using Hezhou.Exchange.Cli.Connection;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

internal sealed class StatsSettings : QuerySettings
{
    [CommandOption("--county <CODE>")]
    [Description("Only this county or district, e.g. 451102 (八步区).")]
    public string? County { get; set; }

    [CommandOption("--site <CODE>")]
    [Description("Only this resettlement site.")]
    public string? Site { get; set; }

    [CommandOption("--as-of <DATE>")]
    [Description("The date the indicators are taken on, YYYY-MM-DD; today (China Standard Time) by default.")]
    public string? AsOf { get; set; }

    public override ValidationResult Validate() =>
        County is not null && Site is not null
            ? ValidationResult.Error("--county and --site exclude each other: give one, or neither for the whole city")
            : base.Validate();
}

/// <summary>stats: the city's indicators for the city, a county or a site.</summary>
internal sealed class StatsCommand(CliOutput output) : ExchangeCommand<StatsSettings>
{
    protected override async Task<int> RunAsync(ExchangeConnection connection, StatsSettings settings, CancellationToken cancellationToken)
    {
        var request = new GetStatisticsRequest { AsOfDate = OptionValues.Date(settings.AsOf, "--as-of") };
        var scope = "贺州市 / Hezhou city";
        if (settings.County is not null)
        {
            request.CountyCode = settings.County;
            scope = $"县区 / county {settings.County}";
        }
        else if (settings.Site is not null)
        {
            request.SiteCode = settings.Site;
            scope = $"安置点 / site {settings.Site}";
        }
        var statistics = await connection.Audit.GetStatisticsAsync(request, cancellationToken: cancellationToken);
        if (settings.Json)
        {
            ProtoJson.Write(output.Json, statistics);
        }
        else
        {
            StatisticsView.Render(output.Console, statistics, scope);
        }
        return ExitCodes.Ok;
    }
}
