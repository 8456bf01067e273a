using Google.Protobuf;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.Commands;

public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Verify_UntouchedStore_PrintsBothChainsIntactWithTheirHeadsExit0()
    {
        await using var server = await StartWithRecordsAsync();
        var versions = await new LedgerFile(server.DatabasePath).RowsAsync("source_versions");

        var result = await CommandLine.RunAsync("verify", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Administrator);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"源记录版本 / source-versions\s*│\s*3\s*│\s*完好 / intact\s*│\s*3\s*│\s*" + versions[^1].Hash, result.Output);
        Assert.Matches(@"访问日志 / access-log\s*│\s*0\s*│\s*完好 / intact\s*│\s*0\s*│\s*0{64}", result.Output);
        Assert.DoesNotContain("first broken link", result.Output);
        Assert.Contains($"hezhou verify --anchor source-versions:3:{versions[^1].Hash}", result.Output);
    }

    [Fact]
    public async Task Verify_AnchorPrintedByAnEarlierRun_MatchesAfterMoreRecordsExit0()
    {
        await using var server = await StartWithRecordsAsync();
        var first = await CommandLine.RunAsync("verify", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Administrator);
        var anchor = System.Text.RegularExpressions.Regex.Match(first.Output, @"--anchor (\S+)").Groups[1].Value;
        var relocation = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        await relocation.SubmitBatchAsync(Records.Batch("cli-ledger-later", Records.Site("HZ-S02")), Deadlines.Call);

        var result = await CommandLine.RunAsync("verify", "--json", "--anchor", anchor, "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Administrator);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("source-versions:3:", anchor);
        var versions = JsonParser.Default.Parse<VerifyLedgerResponse>(result.Json).Chains.Single(c => c.Chain == LedgerChain.SourceVersions);
        Assert.Equal(1, versions.AnchorsChecked);
        Assert.Equal(4, versions.HeadSequence);
    }

    [Fact]
    public async Task Verify_WriteAnchorsThenAnchorsFile_RoundTripMatchesThenCatchesAConsistentRewriteExit7()
    {
        using var folder = new TempFolder();
        var (kept, later) = (folder.File("heads.txt"), folder.File("heads-later.txt"));
        await using var server = await StartWithRecordsAsync();
        var file = new LedgerFile(server.DatabasePath);
        var last = (await file.RowsAsync("source_versions"))[^1];
        string[] call = ["--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Administrator];

        var written = await CommandLine.RunAsync(["verify", "--write-anchors", kept, .. call]);
        var matched = await CommandLine.RunAsync(["verify", "--json", "--anchors-file", kept, .. call]);
        // Someone who knows the encoding rewrites the last row, its hash and the head: the chain alone is consistent.
        await file.ExecuteAsync("UPDATE source_versions SET Principal = 'someone-else' WHERE Id = @id", ("@id", last.Id));
        var forged = (await file.RowsAsync("source_versions"))[^1].Recomputed;
        await file.ExecuteAsync("UPDATE source_versions SET LedgerHash = @hash WHERE Id = @id", ("@hash", forged), ("@id", last.Id));
        await file.ExecuteAsync("UPDATE ledger_heads SET Hash = @hash WHERE Chain = 'source_versions'", ("@hash", forged));
        var alone = await CommandLine.RunAsync(["verify", "--json", .. call]);
        var anchored = await CommandLine.RunAsync(["verify", "--json", "--anchors-file", kept, "--write-anchors", later, .. call]);

        Assert.Equal(0, written.ExitCode);
        // The access log is empty: it has no row to anchor.
        Assert.Equal($"source-versions:3:{last.Hash}", Assert.Single(File.ReadAllLines(kept), line => !line.StartsWith('#')));
        Assert.Equal(0, matched.ExitCode);
        Assert.Equal(1, JsonParser.Default.Parse<VerifyLedgerResponse>(matched.Json).Chains.Single(c => c.Chain == LedgerChain.SourceVersions).AnchorsChecked);
        Assert.Equal(0, alone.ExitCode);
        Assert.Equal(7, anchored.ExitCode);
        var versions = JsonParser.Default.Parse<VerifyLedgerResponse>(anchored.Json).Chains.Single(c => c.Chain == LedgerChain.SourceVersions);
        Assert.Equal(LedgerBreakKind.AnchorMismatch, versions.FirstBreak.Kind);
        Assert.Equal(last.Hash, versions.FirstBreak.ExpectedHash);
        Assert.Equal(forged, versions.FirstBreak.StoredHash);
        // The rewritten head is not recorded as one to check against.
        Assert.False(File.Exists(later));
        Assert.Contains("a chain is broken", anchored.Messages);
    }

    [Fact]
    public async Task Verify_AnchorsFileWithAMalformedLine_IsAUsageErrorNamingTheLineExit2()
    {
        using var folder = new TempFolder();
        var path = folder.File("heads.txt");
        await File.WriteAllTextAsync(path, "# recorded 2024-06-15\n\nsource-versions:3:" + new string('a', 64) + "\naccess-log:three:abc\n");

        var result = await CommandLine.RunAsync("verify", "--anchors-file", path, "--api-key", DevelopmentKeys.Administrator);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 4", result.Messages);
        Assert.Contains("CHAIN:SEQUENCE:HASH", result.Messages);
    }

    [Fact]
    public async Task Verify_MalformedAnchor_IsAUsageErrorExit2()
    {
        var result = await CommandLine.RunAsync("verify", "--anchor", "source-versions:three:abc", "--api-key", DevelopmentKeys.Administrator);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CHAIN:SEQUENCE:HASH", result.Messages);
    }

    [Fact]
    public async Task Verify_RowEditedBehindTheServersBack_NamesTheRowAndExits7()
    {
        await using var server = await StartWithRecordsAsync();
        var file = new LedgerFile(server.DatabasePath);
        var target = (await file.RowsAsync("source_versions"))[1];
        await file.ExecuteAsync("UPDATE source_versions SET BatchId = 'rewritten' WHERE Id = @id", ("@id", target.Id));

        var result = await CommandLine.RunAsync("verify", "--json", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Administrator);

        Assert.Equal(7, result.ExitCode);
        Assert.Empty(result.Output);
        var verification = JsonParser.Default.Parse<VerifyLedgerResponse>(result.Json);
        var versions = verification.Chains.Single(c => c.Chain == LedgerChain.SourceVersions);
        Assert.False(versions.Intact);
        Assert.Equal(LedgerBreakKind.ContentAltered, versions.FirstBreak.Kind);
        Assert.Equal(target.Id, versions.FirstBreak.RowId);
        Assert.Equal(target.Hash, versions.FirstBreak.StoredHash);
        Assert.True(verification.Chains.Single(c => c.Chain == LedgerChain.AccessLog).Intact);
    }

    [Fact]
    public async Task Verify_Auditor_IsNotPermittedExit4()
    {
        await using var server = await ServerProcess.StartAsync();

        var result = await CommandLine.RunAsync("verify", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Auditor);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("ROLE_NOT_PERMITTED", result.Messages);
    }

    [Fact]
    public async Task Verify_UnknownChain_ListsTheChainsAndExits2()
    {
        var result = await CommandLine.RunAsync("verify", "--chain", "batches", "--api-key", DevelopmentKeys.Administrator);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("source-versions", result.Messages);
        Assert.Contains("access-log", result.Messages);
    }

    /// <summary>A server holding three source versions: a site and a household of the relocation office, and an employment.</summary>
    private static async Task<ServerProcess> StartWithRecordsAsync()
    {
        var server = await ServerProcess.StartAsync();
        var relocation = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        await relocation.SubmitBatchAsync(Records.Batch("cli-ledger-relocation", Records.Site(), Records.Household()), Deadlines.Call);
        var humanResources = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.HumanResources));
        await humanResources.SubmitBatchAsync(Records.Batch("cli-ledger-human-resources", Records.Employment()), Deadlines.Call);
        return server;
    }
}
