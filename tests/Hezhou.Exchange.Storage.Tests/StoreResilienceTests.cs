using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Server.Reconciliation;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hezhou.Exchange.Storage.Tests;

/// <summary>
/// What lets the store ride out transient faults and several servers at once: the retrying execution strategy of each
/// provider, and how reconcilers claim the dirty queue (SQL Server's SQL checked by parsing it, as no SQL Server runs here).
/// </summary>
public sealed class StoreResilienceTests
{
    [Fact]
    public void SqlServerStore_ExecutionStrategy_RetriesTransientFailures()
    {
        using var db = new SqlServer.DesignTimeContextFactory().CreateDbContext([]);

        var strategy = db.Database.CreateExecutionStrategy();

        Assert.IsType<SqlServerRetryingExecutionStrategy>(strategy);
        Assert.True(strategy.RetriesOnFailure);
    }

    [Fact]
    public void SqliteStore_ExecutionStrategy_RetriesALockedStore()
    {
        using var db = new Sqlite.DesignTimeContextFactory().CreateDbContext([]);

        var strategy = db.Database.CreateExecutionStrategy();

        Assert.IsType<SqliteBusyRetryingExecutionStrategy>(strategy);
        Assert.True(strategy.RetriesOnFailure);
        Assert.True(SqliteBusyRetryingExecutionStrategy.IsBusy(new SqliteException("database is locked", 5)));
        Assert.False(SqliteBusyRetryingExecutionStrategy.IsBusy(new SqliteException("database or disk is full", 13)));
    }

    [Fact]
    public async Task SqliteStore_TransactionBegunOutsideTheExecutionStrategy_IsRefused()
    {
        await using var store = await TemporaryStore.CreateAsync();
        await using var transaction = await store.Db.Database.BeginTransactionAsync();

        // A unit of work that the strategy could not run again is refused outright, on SQLite as on SQL Server.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Db.DirtyQueue.CountAsync());
    }

    [Fact]
    public void SqlServerClaim_TranslatedSql_TakesTheOldestEntriesWithUpdlockReadpastAndRowlock()
    {
        using var db = new SqlServer.DesignTimeContextFactory().CreateDbContext([]);
        var sql = new DirtyQueueClaims(db).EntriesQuery(1_000).ToQueryString();

        var script = ParseTransactSql(sql);

        var query = Assert.Single(Collect<QuerySpecification>(script));
        var table = Assert.IsType<NamedTableReference>(Assert.Single(query.FromClause.TableReferences));
        Assert.Equal("dirty_queue", table.SchemaObject.BaseIdentifier.Value);
        Assert.Equal(
            [TableHintKind.ReadPast, TableHintKind.Rowlock, TableHintKind.UpdLock],
            table.TableHints.Select(h => h.HintKind).Order());
        Assert.NotNull(query.TopRowFilter);
        var order = Assert.Single(query.OrderByClause.OrderByElements);
        Assert.Equal("Id", Assert.IsType<ColumnReferenceExpression>(order.Expression).MultiPartIdentifier.Identifiers[^1].Value);
        Assert.Equal(
            ["EnqueuedAt", "Id", "SubjectKey", "SubjectKind"],
            query.SelectElements.Cast<SelectScalarExpression>()
                .Select(e => ((ColumnReferenceExpression)e.Expression).MultiPartIdentifier.Identifiers[^1].Value).Order());
    }

    [Fact]
    public void SqlServerApplocks_Sql_TakesExclusiveLocksOwnedByTheTransactionInOneOrder()
    {
        var script = ParseTransactSql(TransactionLocks.SqlServerApplockSql);

        var call = Assert.Single(Collect<ExecutableProcedureReference>(script));
        Assert.Equal("sp_getapplock", call.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value);
        var parameters = call.Parameters.ToDictionary(p => p.Variable.Name, p => p.ParameterValue);
        Assert.Equal("Exclusive", Assert.IsType<StringLiteral>(parameters["@LockMode"]).Value);
        Assert.Equal("Transaction", Assert.IsType<StringLiteral>(parameters["@LockOwner"]).Value);
        var cursor = Assert.Single(Collect<DeclareCursorStatement>(script));
        Assert.NotNull(((QuerySpecification)cursor.CursorDefinition.Select.QueryExpression).OrderByClause);
    }

    [Fact]
    public async Task SqliteClaims_OldestEntriesSettled_RemovesEveryEntryOfTheirSubjectsAndNoOther()
    {
        await using var store = await TemporaryStore.CreateAsync();
        var now = DateTime.UtcNow;
        store.Db.DirtyQueue.AddRange(
            new DirtySubject { SubjectKind = SubjectKind.Household, SubjectKey = "HH-1", EnqueuedAt = now },
            new DirtySubject { SubjectKind = SubjectKind.Person, SubjectKey = "451102198005120011", EnqueuedAt = now },
            new DirtySubject { SubjectKind = SubjectKind.Household, SubjectKey = "HH-2", EnqueuedAt = now },
            new DirtySubject { SubjectKind = SubjectKind.Household, SubjectKey = "HH-1", EnqueuedAt = now });
        await store.Db.SaveChangesAsync();
        var claims = new DirtyQueueClaims(store.Db);

        var claimed = await store.Db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await store.Db.Database.BeginTransactionAsync();
            var entries = await claims.ClaimEntriesAsync(2, CancellationToken.None);
            await claims.ClaimUnitsAsync(["HH-1"], CancellationToken.None);
            await claims.SettleAsync(entries, CancellationToken.None);
            await transaction.CommitAsync();
            return entries;
        });

        Assert.Equal(["HH-1", "451102198005120011"], claimed.Select(e => e.SubjectKey));
        Assert.Equal(["HH-2"], await store.Db.DirtyQueue.Select(d => d.SubjectKey).ToListAsync());
    }

    private static TSqlScript ParseTransactSql(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var script = (TSqlScript)parser.Parse(reader, out var errors);
        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        return script;
    }

    private static List<T> Collect<T>(TSqlFragment fragment) where T : TSqlFragment
    {
        var visitor = new Collector<T>();
        fragment.Accept(visitor);
        return visitor.Found;
    }

    private sealed class Collector<T> : TSqlFragmentVisitor where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment fragment)
        {
            if (fragment is T match)
            {
                Found.Add(match);
            }
        }
    }
}
