using Hezhou.Exchange.Storage.Entities;
using Hezhou.Exchange.Storage.Ingestion;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
            var options = new DbContextOptionsBuilder<ExchangeDbContext>();
            StorageRegistration.Configure(options, StorageProvider.Sqlite,
                new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            await using var db = new ExchangeDbContext(options.Options);

            await db.Database.MigrateAsync();
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
    [InlineData(IngestionStatements.InsertVersionSql)]
    [InlineData(IngestionStatements.InsertHeadSql)]
    [InlineData(IngestionStatements.UpdateHeadSql)]
    [InlineData(IngestionStatements.DeleteSubjectsSql)]
    [InlineData(IngestionStatements.InsertSubjectSql)]
    [InlineData(IngestionStatements.InsertDirtySql)]
    [InlineData(IngestionStatements.MaxDirtyIdSql)]
    public void IngestionStatement_ParsedAsTransactSql_HasNoErrors(string sql)
    {
        Assert.Empty(ParseTransactSql(sql).Select(e => $"line {e.Line}: {e.Message}"));
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
