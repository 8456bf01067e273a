using System.ComponentModel;
using Hezhou.Exchange.Cli.Connection;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

internal sealed class DiscrepanciesSettings : PersonalDataSettings
{
    [CommandOption("--county <CODE>")]
    [Description("Only discrepancies in this county or district.")]
    public string? County { get; set; }

    [CommandOption("--site <CODE>")]
    [Description("Only discrepancies at this site.")]
    public string? Site { get; set; }

    [CommandOption("--rule <RULE>")]
    [Description("Only this rule, e.g. dibao-with-tekun.")]
    public string? Rule { get; set; }

    [CommandOption("--status <STATUS>")]
    [Description("Only this status: open, acknowledged, waived or resolved.")]
    public string? Status { get; set; }

    [CommandOption("--department <DEPARTMENT>")]
    [Description("Only those involving this department's records: relocation, human-resources or civil-affairs.")]
    public string? Department { get; set; }

    [CommandOption("--page-size <N>")]
    [Description("Discrepancies per page: 50 by default, at most 1,000.")]
    public int PageSize { get; set; }

    [CommandOption("--page-token <TOKEN>")]
    [Description("The page after the one that printed this token.")]
    public string? PageToken { get; set; }

    [CommandOption("--all")]
    [Description("Follow every page to the end.")]
    public bool All { get; set; }

    public override ValidationResult Validate() =>
        PageSize < 0 ? ValidationResult.Error("--page-size must not be negative") : base.Validate();
}

/// <summary>discrepancies: the conflicts between departments' records, filtered and paged.</summary>
internal sealed class DiscrepanciesCommand(CliOutput output) : ExchangeCommand<DiscrepanciesSettings>
{
    protected override async Task<int> RunAsync(ExchangeConnection connection, DiscrepanciesSettings settings, CancellationToken cancellationToken)
    {
        var request = new ListDiscrepanciesRequest
        {
            CountyCode = settings.County ?? "",
            SiteCode = settings.Site ?? "",
            Rule = OptionValues.Enum<DiscrepancyRule>(settings.Rule, "--rule"),
            Status = OptionValues.Enum<DiscrepancyStatus>(settings.Status, "--status"),
            Department = OptionValues.Enum<Department>(settings.Department, "--department"),
            PageSize = settings.PageSize,
            PageToken = settings.PageToken ?? "",
            Purpose = settings.Purpose ?? "",
        };
        var all = new ListDiscrepanciesResponse();
        do
        {
            var page = await connection.Audit.ListDiscrepanciesAsync(request, cancellationToken: cancellationToken);
            all.Discrepancies.Add(page.Discrepancies);
            all.NextPageToken = page.NextPageToken;
            request.PageToken = page.NextPageToken;
        }
        while (settings.All && all.NextPageToken.Length > 0);

        if (settings.Json)
        {
            ProtoJson.Write(output.Json, all);
            return ExitCodes.Ok;
        }
        DiscrepancyView.Render(output.Console, all.Discrepancies, $"疑点 / discrepancies ({Figures.Count(all.Discrepancies.Count)})");
        if (all.NextPageToken.Length > 0)
        {
            output.Console.WriteLine($"More: --page-token {all.NextPageToken}  (or --all)");
        }
        return ExitCodes.Ok;
    }
}
