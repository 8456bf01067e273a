using Grpc.Core;
using Hezhou.Exchange.Server.Tests.Audit;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Ledger;

public sealed class VerifyLedgerTests
{
    private const string Versions = "source_versions";
    private const string AccessLog = "access_log";

    [Fact]
    public async Task VerifyLedger_UntouchedStore_BothChainsIntactAndEveryHashAsDocumented()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);

        var response = await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call);

        Assert.Equal([LedgerChain.SourceVersions, LedgerChain.AccessLog], response.Chains.Select(c => c.Chain));
        // The access log is a SQLite file of its own, beside the store's.
        foreach (var (chain, table, path) in new[]
            { (response.Chains[0], Versions, app.DatabasePath), (response.Chains[1], AccessLog, app.AccessLogPath) })
        {
            var rows = await new LedgerFile(path).RowsAsync(table);
            Assert.True(chain.Intact, chain.FirstBreak?.Description);
            Assert.Null(chain.FirstBreak);
            Assert.Equal(0, chain.BreakCount);
            Assert.Equal(table, chain.Table);
            Assert.Equal(rows.Count, chain.RowsChecked);
            Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long?)i), rows.Select(r => r.Sequence));
            // Every hash recomputed from the columns by the encoding docs/LEDGER.md states, and linked to the one before.
            Assert.All(rows, row => Assert.Equal(row.Recomputed, row.Hash));
            Assert.Equal(
                [new string('0', 64), .. rows.SkipLast(1).Select(r => r.Hash)],
                rows.Select(r => r.PreviousHash));
            Assert.Equal(rows.Count, chain.HeadSequence);
            Assert.Equal(rows[^1].Hash, chain.HeadHash);
        }
        Assert.True(response.Chains[0].RowsChecked >= 6);
        Assert.Equal(3, response.Chains[1].RowsChecked);
        Assert.NotNull(response.VerifyTime);
    }

    [Fact]
    public async Task VerifyLedger_PayloadEditedBehindTheServersBack_ReportsThatRowAsContentAltered()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.DatabasePath);
        var target = (await file.RowsAsync(Versions))[2];

        await file.ExecuteAsync("UPDATE source_versions SET Payload = @payload WHERE Id = @id",
            ("@payload", new byte[] { 0x0a, 0x07, 0x48, 0x48, 0x2d, 0x30, 0x30, 0x30, 0x39 }), ("@id", target.Id));
        var response = await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call);

        var versions = response.Chains.Single(c => c.Chain == LedgerChain.SourceVersions);
        Assert.False(versions.Intact);
        Assert.Equal(1, versions.BreakCount);
        var broken = versions.FirstBreak;
        Assert.Equal(LedgerBreakKind.ContentAltered, broken.Kind);
        Assert.Equal(Versions, broken.Table);
        Assert.Equal(target.Id, broken.RowId);
        Assert.Equal(3, broken.Sequence);
        Assert.Equal(target.Hash, broken.StoredHash);
        Assert.NotEqual(target.Hash, broken.ExpectedHash);
        Assert.Equal((await file.RowsAsync(Versions))[2].Recomputed, broken.ExpectedHash);
        Assert.True(response.Chains.Single(c => c.Chain == LedgerChain.AccessLog).Intact);
    }

    [Fact]
    public async Task VerifyLedger_FieldEditedAndItsHashRecomputed_ReportsTheLinkOfTheNextRow()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.DatabasePath);
        var rows = await file.RowsAsync(Versions);
        var (target, next) = (rows[2], rows[3]);

        // Someone who knows the encoding rewrites a row and its hash consistently: the row itself checks out, but
        // the next row still links to the hash it had.
        await file.ExecuteAsync("UPDATE source_versions SET Principal = 'someone-else' WHERE Id = @id", ("@id", target.Id));
        var forged = (await file.RowsAsync(Versions))[2].Recomputed;
        await file.ExecuteAsync("UPDATE source_versions SET LedgerHash = @hash WHERE Id = @id", ("@hash", forged), ("@id", target.Id));
        var response = await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call);

        var versions = response.Chains.Single(c => c.Chain == LedgerChain.SourceVersions);
        Assert.False(versions.Intact);
        Assert.Equal(1, versions.BreakCount);
        Assert.Equal(LedgerBreakKind.LinkAltered, versions.FirstBreak.Kind);
        Assert.Equal(next.Id, versions.FirstBreak.RowId);
        Assert.Equal(4, versions.FirstBreak.Sequence);
        Assert.Equal(forged, versions.FirstBreak.ExpectedHash);
        Assert.Equal(target.Hash, versions.FirstBreak.StoredHash);
    }

    [Fact]
    public async Task VerifyLedger_RowDeletedInTheMiddle_ReportsRowsMissingAtTheRowAfterIt()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.DatabasePath);
        var rows = await file.RowsAsync(Versions);
        var (before, deleted, after) = (rows[1], rows[2], rows[3]);

        await file.ExecuteAsync("DELETE FROM source_versions WHERE Id = @id", ("@id", deleted.Id));
        var response = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest { Chains = { LedgerChain.SourceVersions } }, Deadlines.Call);

        var versions = Assert.Single(response.Chains);
        Assert.False(versions.Intact);
        Assert.Equal(rows.Count - 1, versions.RowsChecked);
        // The gap, then the rows that still name the employment's version: its source record, its batch (hr-1) and
        // the reconciled employment.
        Assert.Equal(4, versions.BreakCount);
        Assert.Equal(LedgerBreakKind.RowsMissing, versions.FirstBreak.Kind);
        Assert.Equal(after.Id, versions.FirstBreak.RowId);
        Assert.Equal(4, versions.FirstBreak.Sequence);
        Assert.Equal(before.Hash, versions.FirstBreak.ExpectedHash);
        Assert.Equal(deleted.Hash, versions.FirstBreak.StoredHash);
        Assert.Contains("sequence 4 follows sequence 2: 1 row removed", versions.FirstBreak.Description);
    }

    [Fact]
    public async Task VerifyLedger_LastRowDeleted_ReportsTheHeadMismatch()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.DatabasePath);
        var rows = await file.RowsAsync(Versions);

        await file.ExecuteAsync("DELETE FROM source_versions WHERE Id = @id", ("@id", rows[^1].Id));
        var response = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest { Chains = { LedgerChain.SourceVersions } }, Deadlines.Call);

        var versions = Assert.Single(response.Chains);
        Assert.False(versions.Intact);
        Assert.Equal(LedgerBreakKind.HeadMismatch, versions.FirstBreak.Kind);
        Assert.Equal(rows[^2].Id, versions.FirstBreak.RowId);
        Assert.Equal(rows[^1].Hash, versions.FirstBreak.ExpectedHash);
        Assert.Equal(rows[^2].Hash, versions.FirstBreak.StoredHash);
        Assert.Equal(rows.Count, versions.HeadSequence);
    }

    [Fact]
    public async Task VerifyLedger_HeadRowDeleted_ChecksEveryRowAndReportsTheMissingHead()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.AccessLogPath);

        await file.ExecuteAsync("DELETE FROM ledger_heads WHERE Chain = 'access_log'");
        var response = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest { Chains = { LedgerChain.AccessLog } }, Deadlines.Call);

        var reads = Assert.Single(response.Chains);
        Assert.False(reads.Intact);
        Assert.Equal(3, reads.RowsChecked);
        Assert.Equal(1, reads.BreakCount);
        Assert.Equal(LedgerBreakKind.HeadMismatch, reads.FirstBreak.Kind);
        Assert.Equal((await file.RowsAsync(AccessLog))[^1].Id, reads.FirstBreak.RowId);
        Assert.Contains("ledger_heads holds no head", reads.FirstBreak.Description);
    }

    [Fact]
    public async Task VerifyLedger_AccessLogRowEdited_ReportsThatRowAndLeavesTheVersionsIntact()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.AccessLogPath);
        var target = (await file.RowsAsync(AccessLog))[1];

        await file.ExecuteAsync("UPDATE access_log SET Purpose = 'routine check' WHERE Id = @id", ("@id", target.Id));
        var response = await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call);

        Assert.True(response.Chains.Single(c => c.Chain == LedgerChain.SourceVersions).Intact);
        var reads = response.Chains.Single(c => c.Chain == LedgerChain.AccessLog);
        Assert.False(reads.Intact);
        Assert.Equal(LedgerBreakKind.ContentAltered, reads.FirstBreak.Kind);
        Assert.Equal(AccessLog, reads.FirstBreak.Table);
        Assert.Equal(target.Id, reads.FirstBreak.RowId);
        Assert.Equal(2, reads.FirstBreak.Sequence);
        Assert.Equal(target.Hash, reads.FirstBreak.StoredHash);
    }

    [Fact]
    public async Task VerifyLedger_RowInsertedBehindTheServersBack_ReportsItOutsideTheChain()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.AccessLogPath);

        await file.ExecuteAsync(
            "INSERT INTO access_log (Principal, Method, Subject, Purpose, RecordCount, AccessedAt) " +
            "VALUES ('auditor-dev', '/hezhou.exchange.v1.AuditService/GetPerson', @subject, 'case 2024-017', 1, '2024-06-15 04:00:00')",
            ("@subject", Records.HeadId()));
        var response = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest { Chains = { LedgerChain.AccessLog } }, Deadlines.Call);

        var reads = Assert.Single(response.Chains);
        Assert.False(reads.Intact);
        Assert.Equal(3, reads.RowsChecked);
        Assert.Equal(LedgerBreakKind.RowOutsideChain, reads.FirstBreak.Kind);
        Assert.Equal((await file.RowsAsync(AccessLog))[^1].Id, reads.FirstBreak.RowId);
        Assert.Equal(0, reads.FirstBreak.Sequence);
    }

    [Fact]
    public async Task VerifyLedger_AnchorOfAnEarlierHead_IsCheckedAndMatchesAfterMoreAppends()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var earlier = (await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call)).Chains[0];
        await app.Submissions(DevelopmentKeys.HumanResources).SubmitBatchAsync(
            Records.Batch("hr-later", Records.Employment("EMP-LATER", AuditData.Spouse)), Deadlines.Call);

        var response = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest
            {
                Anchors = { new LedgerAnchor { Chain = LedgerChain.SourceVersions, Sequence = earlier.HeadSequence, Hash = earlier.HeadHash.ToUpperInvariant() } },
            },
            Deadlines.Call);

        var versions = response.Chains.Single(c => c.Chain == LedgerChain.SourceVersions);
        Assert.True(versions.Intact, versions.FirstBreak?.Description);
        Assert.Equal(1, versions.AnchorsChecked);
        Assert.Equal(earlier.HeadSequence + 1, versions.HeadSequence);
        Assert.Equal(0, response.Chains.Single(c => c.Chain == LedgerChain.AccessLog).AnchorsChecked);
    }

    [Fact]
    public async Task VerifyLedger_TailRewrittenConsistently_PassesAloneButFailsItsAnchor()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var anchor = (await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call)).Chains[0];
        var file = new LedgerFile(app.DatabasePath);
        var rows = await file.RowsAsync(Versions);
        var (rewritten, last) = (rows[^2], rows[^1]);

        // Someone who knows the encoding rewrites a row and every hash after it, and the head: the chain is
        // consistent again, and only a head recorded outside the store shows it changed.
        await file.ExecuteAsync("UPDATE source_versions SET Principal = 'someone-else' WHERE Id = @id", ("@id", rewritten.Id));
        var rewrittenHash = (await file.RowsAsync(Versions))[^2].Recomputed;
        await file.ExecuteAsync("UPDATE source_versions SET LedgerHash = @hash WHERE Id = @id", ("@hash", rewrittenHash), ("@id", rewritten.Id));
        await file.ExecuteAsync("UPDATE source_versions SET LedgerPreviousHash = @hash WHERE Id = @id", ("@hash", rewrittenHash), ("@id", last.Id));
        var lastHash = (await file.RowsAsync(Versions))[^1].Recomputed;
        await file.ExecuteAsync("UPDATE source_versions SET LedgerHash = @hash WHERE Id = @id", ("@hash", lastHash), ("@id", last.Id));
        await file.ExecuteAsync("UPDATE ledger_heads SET Hash = @hash WHERE Chain = 'source_versions'", ("@hash", lastHash));
        var alone = await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest { Chains = { LedgerChain.SourceVersions } }, Deadlines.Call);
        var anchored = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest
            {
                Chains = { LedgerChain.SourceVersions },
                Anchors = { new LedgerAnchor { Chain = LedgerChain.SourceVersions, Sequence = anchor.HeadSequence, Hash = anchor.HeadHash } },
            },
            Deadlines.Call);

        Assert.True(Assert.Single(alone.Chains).Intact);
        var versions = Assert.Single(anchored.Chains);
        Assert.False(versions.Intact);
        Assert.Equal(1, versions.BreakCount);
        Assert.Equal(LedgerBreakKind.AnchorMismatch, versions.FirstBreak.Kind);
        Assert.Equal(last.Id, versions.FirstBreak.RowId);
        Assert.Equal(anchor.HeadHash, versions.FirstBreak.ExpectedHash);
        Assert.Equal(lastHash, versions.FirstBreak.StoredHash);
    }

    [Fact]
    public async Task VerifyLedger_AnchorBeyondTheHead_ReportsTheChainCutShort()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);

        var response = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest
            {
                Chains = { LedgerChain.AccessLog },
                Anchors = { new LedgerAnchor { Chain = LedgerChain.AccessLog, Sequence = 40, Hash = new string('a', 64) } },
            },
            Deadlines.Call);

        var reads = Assert.Single(response.Chains);
        Assert.False(reads.Intact);
        Assert.Equal(LedgerBreakKind.AnchorMismatch, reads.FirstBreak.Kind);
        Assert.Equal(0, reads.FirstBreak.RowId);
        Assert.Contains("no row of sequence 40", reads.FirstBreak.Description);
    }

    [Fact]
    public async Task VerifyLedger_MalformedAnchor_IsInvalidArgumentNamingEachField()
    {
        await using var app = new ExchangeApplication();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () => Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest { Anchors = { new LedgerAnchor { Sequence = 0, Hash = "abc" } } }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["anchors[0].chain", "anchors[0].sequence", "anchors[0].hash"], AuditData.ViolatedFields(status));
    }

    [Fact]
    public async Task VerifyLedger_ConcurrentBatchesAndReads_ChainStaysUnbrokenWithoutGaps()
    {
        await using var app = new ExchangeApplication();
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        var auditor = app.Audit(DevelopmentKeys.Auditor);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            await app.Submissions(DevelopmentKeys.HumanResources).SubmitBatchAsync(
                Records.Batch($"hr-parallel-{i}", Records.Employment($"EMP-P{i}", AuditData.Spouse), Records.Employment($"EMP-Q{i}", AuditData.Spouse)),
                Deadlines.Call);
            await auditor.GetPersonAsync(new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = $"case P-{i}" }, Deadlines.Call);
        }));
        var response = await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call);

        Assert.All(response.Chains, chain => Assert.True(chain.Intact, chain.FirstBreak?.Description));
        Assert.Equal(5 + 12, response.Chains[0].RowsChecked);
        Assert.Equal(6, response.Chains[1].RowsChecked);
    }

    [Fact]
    public async Task VerifyLedger_UnspecifiedChain_IsInvalidArgument()
    {
        await using var app = new ExchangeApplication();

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () => Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest { Chains = { LedgerChain.Unspecified } }, Deadlines.Call).ResponseAsync);
    }

    [Theory]
    [InlineData(DevelopmentKeys.Auditor)]
    [InlineData(DevelopmentKeys.AuditorWithPersonalData)]
    [InlineData(DevelopmentKeys.Relocation)]
    [InlineData(DevelopmentKeys.CivilAffairs)]
    public async Task VerifyLedger_NotAnAdministrator_IsPermissionDenied(string apiKey)
    {
        await using var app = new ExchangeApplication();
        var client = new LedgerService.LedgerServiceClient(app.Channel(apiKey));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED",
            () => client.VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task VerifyLedger_NoKey_IsUnauthenticated()
    {
        await using var app = new ExchangeApplication();
        var client = new LedgerService.LedgerServiceClient(app.Channel(null));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "CREDENTIAL_MISSING",
            () => client.VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task VerifyLedger_EmptyStore_IntactAtTheGenesisHead()
    {
        await using var app = new ExchangeApplication();

        var response = await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call);

        Assert.All(response.Chains, chain =>
        {
            Assert.True(chain.Intact);
            Assert.Equal(0, chain.RowsChecked);
            Assert.Equal(0, chain.HeadSequence);
            Assert.Equal(new string('0', 64), chain.HeadHash);
        });
    }

    [Fact]
    public async Task VerifyLedger_AccessLogSubjectRowDeleted_ReportsIndexMismatchNamingAccessLogSubjects()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.AccessLogPath);
        await UntilIndexedAsync(file, 3);
        var hidden = (await file.RowsAsync(AccessLog))[1];

        // Behind the server's back: the read is still in the chained log, but a look-up by its subject no longer finds it.
        await file.ExecuteAsync("DELETE FROM access_log_subjects WHERE EntryId = @id", ("@id", hidden.Id));
        var response = await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call);

        Assert.True(response.Chains.Single(c => c.Chain == LedgerChain.SourceVersions).Intact);
        var reads = response.Chains.Single(c => c.Chain == LedgerChain.AccessLog);
        Assert.False(reads.Intact);
        Assert.Equal(3, reads.RowsChecked);
        Assert.Equal(1, reads.BreakCount);
        Assert.Equal(LedgerBreakKind.IndexMismatch, reads.FirstBreak.Kind);
        Assert.Equal("access_log_subjects", reads.FirstBreak.Table);
        Assert.Equal(hidden.Id, reads.FirstBreak.RowId);
        Assert.Contains($"access_log Id {hidden.Id} is not indexed", reads.FirstBreak.Description);
    }

    [Fact]
    public async Task VerifyLedger_AccessLogSubjectChanged_ReportsIndexMismatchThatListAccessLogHides()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.AccessLogPath);
        await UntilIndexedAsync(file, 3);
        var spouseRead = (await file.RowsAsync(AccessLog))[0];

        // The spouse's read (the first entry, GetPerson) re-indexed under the head of household.
        await file.ExecuteAsync("UPDATE access_log_subjects SET Subject = @subject WHERE EntryId = @id",
            ("@subject", Records.HeadId()), ("@id", spouseRead.Id));
        var listed = await app.Audit(DevelopmentKeys.Administrator).ListAccessLogAsync(
            new ListAccessLogRequest { CitizenId = AuditData.Spouse }, Deadlines.Call);
        var response = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest { Chains = { LedgerChain.AccessLog } }, Deadlines.Call);

        // The spouse's own read is gone from her access log; the household's read, indexed under her, is left.
        Assert.Equal(["/hezhou.exchange.v1.AuditService/GetHousehold"], listed.Entries.Select(e => e.Method));
        var reads = Assert.Single(response.Chains);
        Assert.False(reads.Intact);
        Assert.Equal(1, reads.BreakCount);
        Assert.Equal(LedgerBreakKind.IndexMismatch, reads.FirstBreak.Kind);
        Assert.Equal("access_log_subjects", reads.FirstBreak.Table);
        Assert.Equal(spouseRead.Id, reads.FirstBreak.RowId);
        Assert.Equal(0, reads.FirstBreak.Sequence);
        Assert.Contains("under another subject", reads.FirstBreak.Description);
        // The subject is personal data: the finding names keys only.
        Assert.DoesNotContain(AuditData.Spouse, reads.FirstBreak.Description);
        Assert.DoesNotContain(Records.HeadId(), reads.FirstBreak.Description);
    }

    [Fact]
    public async Task VerifyLedger_AccessLogSubjectRowAddedBeyondTheLog_ReportsIndexMismatchThatHidesTheTail()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.AccessLogPath);
        await UntilIndexedAsync(file, 3);

        // An index row for an entry that does not exist moves the end of the index past every entry written later,
        // so look-ups would skip them as indexed.
        await file.ExecuteAsync("INSERT INTO access_log_subjects (EntryId, Subject) VALUES (1000000, @subject)",
            ("@subject", Records.HeadId()));
        var response = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest { Chains = { LedgerChain.AccessLog } }, Deadlines.Call);

        var reads = Assert.Single(response.Chains);
        Assert.False(reads.Intact);
        Assert.Equal(1, reads.BreakCount);
        Assert.Equal(LedgerBreakKind.IndexMismatch, reads.FirstBreak.Kind);
        Assert.Equal("access_log_subjects", reads.FirstBreak.Table);
        Assert.Equal(1000000, reads.FirstBreak.RowId);
        Assert.Contains("hides the log's unindexed tail", reads.FirstBreak.Description);
    }

    [Fact]
    public async Task VerifyLedger_LastVersionsDeletedAndHeadRewritten_ReportsTheReferencesToTheMissingVersions()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.DatabasePath);
        var rows = await file.RowsAsync(Versions);
        var kept = rows[^3];

        // The payment (ca-1) and the household's second version (reloc-2) removed, and the head moved back to the row
        // before them: the chain alone is consistent again, and no anchor was recorded.
        await file.ExecuteAsync("DELETE FROM source_versions WHERE Id IN (@payment, @household)",
            ("@payment", rows[^2].Id), ("@household", rows[^1].Id));
        await file.ExecuteAsync("UPDATE ledger_heads SET Sequence = @sequence, Hash = @hash WHERE Chain = 'source_versions'",
            ("@sequence", kept.Sequence!.Value), ("@hash", kept.Hash!));
        var response = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest { Chains = { LedgerChain.SourceVersions } }, Deadlines.Call);

        var versions = Assert.Single(response.Chains);
        Assert.False(versions.Intact);
        Assert.Equal(rows.Count - 2, versions.RowsChecked);
        Assert.Equal(kept.Hash, versions.HeadHash);
        // Two source records whose current version is gone, two batches short of a version, and the reconciled
        // household and payment built from the removed versions.
        Assert.Equal(6, versions.BreakCount);
        Assert.Equal(LedgerBreakKind.ReferenceBroken, versions.FirstBreak.Kind);
        Assert.Equal("source_records", versions.FirstBreak.Table);
        Assert.Equal(0, versions.FirstBreak.RowId);
        Assert.Equal("", versions.FirstBreak.ExpectedHash);
        Assert.Contains("is not in source_versions: the version was removed", versions.FirstBreak.Description);
        Assert.Contains("2 rows of source_records in all", versions.FirstBreak.Description);
    }

    [Fact]
    public async Task VerifyLedger_BatchCountRewritten_ReportsTheBatchAsAReferenceBroken()
    {
        await using var app = new ExchangeApplication();
        await PushAndReadAsync(app);
        var file = new LedgerFile(app.DatabasePath);
        var batch = await file.ScalarAsync("SELECT Id FROM batches WHERE BatchId = 'reloc-2'");

        await file.ExecuteAsync("UPDATE batches SET AcceptedCount = 0, UnchangedCount = 1 WHERE Id = @id", ("@id", batch));
        var response = await Ledger(app).VerifyLedgerAsync(
            new VerifyLedgerRequest { Chains = { LedgerChain.SourceVersions } }, Deadlines.Call);

        var versions = Assert.Single(response.Chains);
        Assert.False(versions.Intact);
        Assert.Equal(1, versions.BreakCount);
        Assert.Equal(LedgerBreakKind.ReferenceBroken, versions.FirstBreak.Kind);
        Assert.Equal("batches", versions.FirstBreak.Table);
        Assert.Equal(batch, versions.FirstBreak.RowId);
        Assert.Contains("accepted 0 records, but source_versions holds 1 version of it", versions.FirstBreak.Description);
    }

    /// <summary>Waits for the access-log writer to index the log by subject, which it does behind the log.</summary>
    private static Task UntilIndexedAsync(LedgerFile file, long entries) =>
        Polling.UntilAsync(
            async () => await file.ScalarAsync("SELECT COUNT(*) FROM access_log_subjects") == entries,
            $"the access log's {entries} entries were not indexed by subject");

    private static LedgerService.LedgerServiceClient Ledger(ExchangeApplication app) =>
        new(app.Channel(DevelopmentKeys.Administrator));

    /// <summary>
    /// Six source versions (a site, a household and its second version, an employment, an entitlement and a payment)
    /// and three access-log entries (a person read, then a household of two).
    /// </summary>
    private static async Task PushAndReadAsync(ExchangeApplication app)
    {
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        var moved = Records.Household();
        moved.Household.Address = "5栋1单元302";
        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync("reloc-2", moved);
        var auditor = app.Audit(DevelopmentKeys.Auditor);
        await auditor.GetPersonAsync(new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose }, Deadlines.Call);
        await auditor.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = AuditData.Purpose }, Deadlines.Call);
    }
}
