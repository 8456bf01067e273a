using System.Diagnostics;
using Google.Protobuf;
using Hezhou.Exchange.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Bench;

/// <summary>
/// The storage ceiling: the workload's records inserted as source-version rows into a fresh store with the server's
/// schema and journal mode, by one prepared Microsoft.Data.Sqlite command in one transaction. No validation, no
/// look-ups, no reconciliation: what the disk and SQLite allow for the rows ingestion must write at the least.
/// </summary>
internal static class StorageCeiling
{
    public static async Task<double> RowsPerSecondAsync(Workload workload, string folder)
    {
        var path = Path.Combine(folder, "ceiling.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<ExchangeDbContext>();
        StorageRegistration.Configure(options, StorageProvider.Sqlite, connectionString);
        await using (var db = new ExchangeDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var rows = workload.Departments
            .SelectMany(d => d.Batches.SelectMany(b => b.SelectMany(m => m.Records))
                .Select((record, index) => (d.Department, record, index)))
            .Select(r => (Department: r.Department.ToString(), Kind: r.record.ContentCase.ToString(), r.record.SourceKey,
                Payload: r.record.ToByteArray(), r.index))
            .ToList();

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT INTO \"source_versions\" (\"Department\", \"Kind\", \"SourceKey\", \"Version\", \"ContentDigest\", " +
                "\"Payload\", \"Withdrawn\", \"BatchId\", \"RecordIndex\", \"Principal\", \"ReceivedAt\") VALUES (@department, " +
                "@kind, @sourceKey, @version, @digest, @payload, @withdrawn, @batchId, @recordIndex, @principal, @receivedAt)";
            var parameters = new[]
            {
                "department", "kind", "sourceKey", "version", "digest", "payload", "withdrawn", "batchId", "recordIndex",
                "principal", "receivedAt",
            }.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = "@" + name })).ToArray();
            insert.Prepare();
            var receivedAt = DateTime.UtcNow;
            foreach (var row in rows)
            {
                parameters[0].Value = row.Department;
                parameters[1].Value = row.Kind;
                parameters[2].Value = row.SourceKey;
                parameters[3].Value = 1L;
                parameters[4].Value = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
                parameters[5].Value = row.Payload;
                parameters[6].Value = false;
                parameters[7].Value = "ceiling";
                parameters[8].Value = row.index;
                parameters[9].Value = "ceiling";
                parameters[10].Value = receivedAt;
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        return rows.Count / clock.Elapsed.TotalSeconds;
    }
}
