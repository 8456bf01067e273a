using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>Each chain's verdict and head, to be recorded, and the first broken link of each broken chain.</summary>
internal static class LedgerView
{
    public static void Render(IAnsiConsole console, VerifyLedgerResponse verification)
    {
        var chains = new Table()
            .Title($"账本核验 / ledger verification · {Figures.Time(verification.VerifyTime)}")
            .AddColumn("链 / chain")
            .AddColumn(new TableColumn("已核验 / rows checked").RightAligned().NoWrap())
            .AddColumn("结果 / result")
            .AddColumn(new TableColumn("链头序号 / head sequence").RightAligned().NoWrap())
            .AddColumn(new TableColumn("链头哈希 / head hash").NoWrap());
        foreach (var chain in verification.Chains)
        {
            chains.AddRow(
                new Text(EnumLabels.Bilingual(chain.Chain)),
                new Text(Figures.Count(chain.RowsChecked)),
                new Text(chain.Intact ? "完好 / intact" : $"已破坏 / broken ({Figures.Count(chain.BreakCount)})"),
                new Text(Figures.Count(chain.HeadSequence)),
                new Text(chain.HeadHash));
        }
        console.Write(chains);
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
            var details = new Table()
                .Title($"首个断点 / first broken link · {chain.Table}")
                .HideHeaders()
                .AddColumn("")
                .AddColumn("");
            details.AddRow(new Text("类型 / kind"), new Text(EnumLabels.Bilingual(broken.Kind)));
            details.AddRow(new Text("记录 / row"), new Text($"{broken.Table} Id {broken.RowId}, 序号 / sequence {broken.Sequence}"));
            details.AddRow(new Text("应为 / expected"), new Text(broken.ExpectedHash));
            details.AddRow(new Text("实存 / stored"), new Text(broken.StoredHash));
            details.AddRow(new Text("说明 / found"), new Text(broken.Description));
            console.Write(details);
        }
    }
}
