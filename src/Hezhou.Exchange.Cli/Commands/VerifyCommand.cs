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

    [CommandOption("--anchors-file <FILE>")]
    [Description("Anchors recorded earlier, one CHAIN:SEQUENCE:HASH a line, as --write-anchors writes them (blank lines and # comments skipped); checked with any --anchor.")]
    public string? AnchorsFile { get; set; }

    [CommandOption("--write-anchors <FILE>")]
    [Description("When every chain verified is intact, write their heads to FILE, one CHAIN:SEQUENCE:HASH a line: keep it outside the store and pass it back with --anchors-file. Not written when a chain is broken.")]
    public string? WriteAnchors { get; set; }
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
        request.Anchors.Add(settings.Anchors.Select(a => Anchor(a, "--anchor")));
        if (settings.AnchorsFile is { } anchorsFile)
        {
            request.Anchors.Add(ReadAnchors(anchorsFile));
        }
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
        var intact = verification.Chains.All(c => c.Intact);
        if (settings.WriteAnchors is { } path)
        {
            if (intact)
            {
                await File.WriteAllTextAsync(path, AnchorsText(connection, verification), cancellationToken);
                output.Messages.MarkupLineInterpolated($"Wrote the heads to {path}: keep it outside the store, and check it with hezhou verify --anchors-file {path}");
            }
            else
            {
                // A broken chain's head is not one to check later chains against.
                output.Messages.MarkupLineInterpolated($"Did not write {path}: a chain is broken.");
            }
        }
        return intact ? ExitCodes.Ok : ExitCodes.LedgerBroken;
    }

    /// <summary>The heads as lines --anchors-file reads back: CHAIN:SEQUENCE:HASH, after a comment saying what they are.</summary>
    private static string AnchorsText(ExchangeConnection connection, VerifyLedgerResponse verification)
    {
        var lines = new List<string>
        {
            $"# hezhou verify of {connection.Address} at {verification.VerifyTime.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}: "
                + "the heads of the ledger's chains. Keep this file outside the store; check it with hezhou verify --anchors-file FILE.",
        };
        // An empty chain has no row to anchor.
        lines.AddRange(verification.Chains.Where(c => c.HeadSequence > 0).Select(c =>
            $"{EnumLabels.English(c.Chain)}:{c.HeadSequence.ToString(CultureInfo.InvariantCulture)}:{c.HeadHash}"));
        return string.Join('\n', lines) + "\n";
    }

    private static IEnumerable<LedgerAnchor> ReadAnchors(string path)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return Anchor(line, $"{path} line {(i + 1).ToString(CultureInfo.InvariantCulture)}:");
            }
        }
    }

    private static LedgerAnchor Anchor(string text, string source)
    {
        var parts = text.Split(':');
        if (parts.Length != 3
            || !EnumLabels.TryParse<LedgerChain>(parts[0], out var chain) || chain == LedgerChain.Unspecified
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            throw new UsageException(
                $"{source} '{text}' is not CHAIN:SEQUENCE:HASH with CHAIN one of: {string.Join(", ", EnumLabels.EnglishNames<LedgerChain>())}");
        }
        return new LedgerAnchor { Chain = chain, Sequence = sequence, Hash = parts[2] };
    }
}
