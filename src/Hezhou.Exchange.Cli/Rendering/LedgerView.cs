using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>Each chain's verdict and head, to be recorded, and the first broken link of each broken chain.</summary>
internal static class LedgerView
{
    public static void Render(IAnsiConsole console, VerifyLedgerResponse verification)
    {
        var chains = new FittingTable($"账本核验 / ledger verification · {Figures.Time(verification.VerifyTime)}")
            .Column("链 / chain")
            .Column("已核验 / rows checked", rightAligned: true)
            .Column("结果 / result")
            .Column("链头序号 / head sequence", rightAligned: true)
            .Column("链头哈希 / head hash");
        foreach (var chain in verification.Chains)
        {
            chains.Row(
                EnumLabels.Bilingual(chain.Chain),
                Figures.Count(chain.RowsChecked),
                chain.Intact ? "完好 / intact" : $"已破坏 / broken ({Figures.Count(chain.BreakCount)})",
                Figures.Count(chain.HeadSequence),
                chain.HeadHash);
        }
        chains.Render(console);
        var anchors = verification.Chains
            .Where(c => c.Intact && c.HeadSequence > 0)
            .Select(c => $"--anchor {EnumLabels.English(c.Chain)}:{c.HeadSequence}:{c.HeadHash}")
            .ToList();
        if (anchors.Count > 0)
        {
            // A head recorded outside the store is what shows a chain rewritten consistently from some row to its end.
            console.WriteLine("记录链头，以便日后核验 / record the heads to check them later: hezhou verify " + string.Join(' ', anchors));
        }

        foreach (var chain in verification.Chains.Where(c => c.FirstBreak is not null))
        {
            var broken = chain.FirstBreak;
            new FittingTable($"首个断点 / first broken link · {chain.Table}")
                .KeyValue()
                .Column("")
                .Column("")
                .Row("类型 / kind", EnumLabels.Bilingual(broken.Kind))
                .Row("记录 / row", $"{broken.Table} Id {broken.RowId}, 序号 / sequence {broken.Sequence}")
                .Row("应为 / expected", broken.ExpectedHash)
                .Row("实存 / stored", broken.StoredHash)
                .Row("说明 / found", broken.Description)
                .Render(console);
        }
    }
}
