using Hezhou.Exchange.Server.Ledger;
using Hezhou.Exchange.Server.Submissions;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hezhou.Exchange.Storage.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void SqlServerIdempotentScript_ParsedByScriptDom_HasNoErrors()
    {
        using var db = new SqlServer.DesignTimeContextFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var errors = ParseTransactSql(script);

        Assert.Contains("CREATE TABLE [source_versions]", script);
        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
    }

    [Fact]
    public void SqlServerModel_MatchesItsMigrations_NoPendingChanges()
    {
        using var db = new SqlServer.DesignTimeContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration to Hezhou.Exchange.Storage.SqlServer.");
    }

    [Fact]
    public void SqliteModel_MatchesItsMigrations_NoPendingChanges()
    {
        using var db = new Sqlite.DesignTimeContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration to Hezhou.Exchange.Storage.Sqlite.");
    }

    [Fact]
    public void BothProviders_HaveMigrationsOfTheSameNames()
    {
        using var sqlite = new Sqlite.DesignTimeContextFactory().CreateDbContext([]);
        using var sqlServer = new SqlServer.DesignTimeContextFactory().CreateDbContext([]);

        Assert.Equal(
            sqlite.Database.GetMigrations().Select(NameOf),
            sqlServer.Database.GetMigrations().Select(NameOf));
    }

    [Fact]
    public async Task SqliteMigrations_AppliedToFreshFile_CreateAWorkingStore()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hezhou-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = await MigratedSqliteStoreAsync(path);
            db.AccessLog.Add(new AccessLogEntry
            {
                Principal = "auditor",
                Method = "/hezhou.exchange.v1.AuditService/GetPerson",
                Subject = "451102198005120011",
                Purpose = "case 2023-17",
                RecordCount = 1,
                AccessedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(1, await db.AccessLog.CountAsync());
            Assert.Equal(DateTimeKind.Utc, (await db.AccessLog.AsNoTracking().SingleAsync()).AccessedAt.Kind);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(IngestionStatements.UpdateHeadSql)]
    [InlineData(IngestionStatements.DeleteSubjectsSql)]
    [InlineData(IngestionStatements.MaxDirtyIdSql)]
    [InlineData(LedgerWriter.LockHeadSql)]
    [InlineData(LedgerWriter.ReadHeadSql)]
    [InlineData(LedgerWriter.MoveHeadSql)]
    public void IngestionStatement_ParsedAsTransactSql_HasNoErrors(string sql)
    {
        Assert.Empty(ParseTransactSql(sql).Select(e => $"line {e.Line}: {e.Message}"));
    }

    [Fact]
    public void BulkInsert_EveryEntityInSqlServerForm_ParsedAsTransactSql_WithinTheParameterLimit()
    {
        using var db = new SqlServer.DesignTimeContextFactory().CreateDbContext([]);
        var helper = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var columns = entity.GetProperties().Count(p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd);
            var rows = BulkInsert.MaxParameters / columns;
            var sql = BulkInsert.Sql(entity, helper, rows);
            Assert.Empty(ParseTransactSql(sql).Select(e => $"{entity.GetTableName()} line {e.Line}: {e.Message}"));
            Assert.StartsWith($"INSERT INTO [{entity.GetTableName()}] ([", sql);
            Assert.Contains($"@p{rows * columns - 1})", sql);
            Assert.True(rows * columns <= 2_100, $"{entity.GetTableName()}: {rows * columns} parameters");
        }
    }

    [Fact]
    public async Task BulkInsert_IntoSqlite_ReadsBackAsEfCoreWritesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hezhou-bulk-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = await MigratedSqliteStoreAsync(path);
            var persons = Enumerable.Range(0, 250).Select(i => new ReconciledPerson
            {
                CitizenId = $"451102198005120{i:D3}",
                UnitKey = $"HH-{i / 3}",
                HouseholdId = i % 5 == 0 ? null : $"HH-{i / 3}",
                Name = $"盘金福{i}",
                Gender = i % 2 == 0 ? Domain.Gender.Male : Domain.Gender.Female,
                BirthDate = new DateOnly(1980, 5, 12).AddDays(i),
                LabourCapacity = Domain.LabourCapacity.Weak,
                WillingToWork = i % 3 == 0,
                DeathDate = i % 7 == 0 ? new DateOnly(2023, 3, 1) : null,
                Provenance = "[]",
            }).ToList();

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await BulkInsert.InsertAsync(db, persons, CancellationToken.None);
                await transaction.CommitAsync();
            }

            var stored = await db.Persons.AsNoTracking().OrderBy(p => p.CitizenId).ToListAsync();
            Assert.Equal(
                persons.Select(p => (p.CitizenId, p.UnitKey, p.HouseholdId, p.Name, p.Gender, p.BirthDate, p.LabourCapacity, p.WillingToWork, p.DeathDate)),
                stored.Select(p => (p.CitizenId, p.UnitKey, p.HouseholdId, p.Name, p.Gender, p.BirthDate, p.LabourCapacity, p.WillingToWork, p.DeathDate)));
            Assert.Equal(250, await db.Persons.CountAsync(p => p.Gender == Domain.Gender.Male || p.Gender == Domain.Gender.Female));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>A context over a new SQLite file at <paramref name="path"/>, every migration applied.</summary>
    private static async Task<ExchangeDbContext> MigratedSqliteStoreAsync(string path)
    {
        var options = new DbContextOptionsBuilder<ExchangeDbContext>();
        StorageRegistration.Configure(options, StorageProvider.Sqlite,
            new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        var db = new ExchangeDbContext(options.Options);
        await db.Database.MigrateAsync();
        return db;
    }

    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];

    private static IList<ParseError> ParseTransactSql(string script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
