using System.ComponentModel;
using System.Globalization;
using Hezhou.Exchange.Cli.Connection;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

internal sealed class VerifySettings : QuerySettings
{
    [CommandOption("--chain <CHAIN>")]
    [Description("Only this chain: source-versions or access-log; both by default.")]
    public string? Chain { get; set; }

    [CommandOption("--anchor <CHAIN:SEQUENCE:HASH>")]
    [Description("A head recorded by an earlier verify, e.g. source-versions:218424:5e59…; the row at that sequence must still have that hash. Repeatable.")]
    public string[] Anchors { get; set; } = [];
}

/// <summary>verify: the server recomputes the ledger's hash chains and names the first broken link of each.</summary>
internal sealed class VerifyCommand(CliOutput output) : ExchangeCommand<VerifySettings>
{
    protected override async Task<int> RunAsync(ExchangeConnection connection, VerifySettings settings, CancellationToken cancellationToken)
    {
        var request = new VerifyLedgerRequest();
        if (!string.IsNullOrWhiteSpace(settings.Chain))
        {
            request.Chains.Add(OptionValues.Enum<LedgerChain>(settings.Chain, "--chain"));
        }
        request.Anchors.Add(settings.Anchors.Select(Anchor));
        output.Messages.MarkupLine("Verifying the ledger: the server reads every row and recomputes its hash…");
        var verification = await connection.Ledger.VerifyLedgerAsync(request, cancellationToken: cancellationToken);
        if (settings.Json)
        {
            ProtoJson.Write(output.Json, verification);
        }
        else
        {
            LedgerView.Render(output.Console, verification);
        }
        return verification.Chains.All(c => c.Intact) ? ExitCodes.Ok : ExitCodes.LedgerBroken;
    }

    private static LedgerAnchor Anchor(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3
            || !EnumLabels.TryParse<LedgerChain>(parts[0], out var chain) || chain == LedgerChain.Unspecified
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            throw new UsageException(
                $"--anchor '{text}' is not CHAIN:SEQUENCE:HASH with CHAIN one of: {string.Join(", ", EnumLabels.EnglishNames<LedgerChain>())}");
        }
        return new LedgerAnchor { Chain = chain, Sequence = sequence, Hash = parts[2] };
    }
}
