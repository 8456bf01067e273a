using Hezhou.Exchange.Server.Tests.Audit;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Ledger;

public sealed class LedgerBackfillTests
{
    [Fact]
    public async Task Start_StoreFromBeforeTheLedger_ChainsItsRowsInIdOrderAndAppendsAfterThem()
    {
        var path = TestPaths.NewDatabasePath();
        try
        {
            // The last migration before the ledger.
            await OlderStores.MigrateToAsync(path, "IndicatorTallies");
            var file = new LedgerFile(path);
            for (var i = 1; i <= 3; i++)
            {
                await file.ExecuteAsync(
                    "INSERT INTO source_versions (Department, Kind, SourceKey, Version, ContentDigest, Payload, Withdrawn, BatchId, RecordIndex, Principal, ReceivedAt) " +
                    "VALUES ('Relocation', 'Site', @key, 1, @digest, @payload, 0, 'old-batch', @index, 'relocation-dev', '2024-01-02 03:04:05.5')",
                    ("@key", $"HZ-OLD{i}"), ("@digest", new string((char)('a' + i), 64)), ("@payload", new byte[] { 1, 2, (byte)i }), ("@index", i - 1));
                // What ingestion wrote with each version before the ledger too: verification checks that they agree.
                await file.ExecuteAsync(
                    "INSERT INTO source_records (Department, Kind, SourceKey, CurrentVersion, CurrentDigest, Withdrawn) " +
                    "VALUES ('Relocation', 'Site', @key, 1, @digest, 0)",
                    ("@key", $"HZ-OLD{i}"), ("@digest", new string((char)('a' + i), 64)));
            }
            await file.ExecuteAsync(
                "INSERT INTO batches (Department, BatchId, Principal, ReceivedAt, ContentDigest, RecordCount, AcceptedCount, " +
                "UnchangedCount, RejectedCount, DirtyWatermark, Acknowledgement) " +
                "VALUES ('Relocation', 'old-batch', 'relocation-dev', '2024-01-02 03:04:05.5', @digest, 3, 3, 0, 0, 0, x'')",
                ("@digest", new string('e', 64)));
            await file.ExecuteAsync(
                "INSERT INTO access_log (Principal, Method, Subject, Purpose, RecordCount, AccessedAt) " +
                "VALUES ('auditor-dev', '/hezhou.exchange.v1.AuditService/GetPerson', @subject, 'case 2023-1', 1, '2023-12-01 08:00:00')",
                ("@subject", Records.HeadId()));

            await using var app = new ExchangeApplication(databasePath: path);
            await AuditData.PushPersonOfThreeDepartmentsAsync(app);
            var response = await Ledger(app).VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call);

            Assert.All(response.Chains, chain => Assert.True(chain.Intact, chain.FirstBreak?.Description));
            Assert.Equal(3 + 5, response.Chains[0].RowsChecked);
            Assert.Equal(1, response.Chains[1].RowsChecked);
            var versions = await file.RowsAsync("source_versions");
            Assert.Equal(versions.Select(v => v.Id).Order(), versions.Select(v => v.Id));
            Assert.All(versions, v => Assert.Equal(v.Recomputed, v.Hash));
        }
        finally
        {
            TestPaths.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task Start_UnchainedRowAddedToAChainedStore_IsLeftOutsideTheChainAndReported()
    {
        var path = TestPaths.NewDatabasePath();
        try
        {
            await using (var first = new ExchangeApplication(databasePath: path))
            {
                await AuditData.PushPersonOfThreeDepartmentsAsync(first);
            }
            var file = new LedgerFile(path);
            await file.ExecuteAsync(
                "INSERT INTO source_versions (Department, Kind, SourceKey, Version, ContentDigest, Payload, Withdrawn, BatchId, RecordIndex, Principal, ReceivedAt) " +
                "VALUES ('Relocation', 'Site', 'HZ-S99', 1, @digest, x'0102', 0, 'forged', 0, 'relocation-dev', '2024-01-02 03:04:05')",
                ("@digest", new string('f', 64)));

            await using var restarted = new ExchangeApplication(databasePath: path);
            var response = await Ledger(restarted).VerifyLedgerAsync(
                new VerifyLedgerRequest { Chains = { LedgerChain.SourceVersions } }, Deadlines.Call);

            var versions = Assert.Single(response.Chains);
            Assert.False(versions.Intact);
            Assert.Equal(5, versions.RowsChecked);
            Assert.Equal(LedgerBreakKind.RowOutsideChain, versions.FirstBreak.Kind);
            Assert.Null((await file.RowsAsync("source_versions"))[^1].Sequence);
        }
        finally
        {
            TestPaths.DeleteDatabase(path);
        }
    }

    private static LedgerService.LedgerServiceClient Ledger(ExchangeApplication app) =>
        new(app.Channel(DevelopmentKeys.Administrator));
}
