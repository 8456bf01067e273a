using System.Data.Common;
using System.Text.RegularExpressions;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hezhou.Exchange.Server.Tests.Audit;

/// <summary>
/// Cost that follows the change, not the store: every look-up by a list of keys that ingestion, the reconciler and the
/// auditors' reads make must seek an index on the listed column. Each statement the server sends while records are
/// pushed, reconciled and read is asked for SQLite's query plan on the same store. A plan that reads a whole table, or
/// seeks only a prefix of some other index (as the members' look-up once did, reading every household of the store
/// per round), fails with the statement and its plan.
/// </summary>
public sealed partial class QueryPlanTests
{
    [Fact]
    public async Task LookUpsByKeyList_InIngestionReconciliationAndReads_SeekTheListedColumn()
    {
        var statements = new StatementCapture();
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024, storeInterceptors: statements);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        var audit = app.Audit(DevelopmentKeys.AuditorWithPersonalData);
        await audit.GetPersonAsync(
            new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose }, Deadlines.Call);
        await audit.GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = AuditData.Purpose }, Deadlines.Call);

        var lookUps = statements.Captured().Where(s => KeyList().IsMatch(s.Sql)).ToList();
        Assert.NotEmpty(lookUps);
        Assert.Contains(lookUps, s => s.Sql.Contains("\"source_record_subjects\"", StringComparison.Ordinal));
        Assert.Contains(lookUps, s => s.Sql.Contains("\"discrepancies\"", StringComparison.Ordinal));

        await using var store = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await store.OpenAsync();
        var failures = new List<string>();
        foreach (var statement in lookUps.DistinctBy(s => s.Sql))
        {
            var plan = await PlanAsync(store, statement);
            foreach (Match list in KeyList().Matches(statement.Sql))
            {
                var (alias, column) = (list.Groups["alias"].Value, list.Groups["column"].Value);
                var seeks = plan.Where(line => line.StartsWith($"SEARCH {alias} ", StringComparison.Ordinal)).ToList();
                if (!seeks.Any(line => line.Contains($"({column}=?", StringComparison.Ordinal)
                        || line.Contains($" {column}=?", StringComparison.Ordinal)))
                {
                    failures.Add($"\"{alias}\".\"{column}\" is not sought by its index:\n{statement.Sql}\nplan:\n  {string.Join("\n  ", plan)}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task IdleReconcilersCheckForTalliesOfAnotherDay_SeeksTheDayIndex()
    {
        // The reconciler asks this every second it is idle; read whole, the index costs what the store holds each time.
        var statements = new StatementCapture();
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024, storeInterceptors: statements);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        CapturedStatement? check = null;
        await Polling.UntilAsync(
            () => Task.FromResult((check = statements.Captured().FirstOrDefault(s =>
                s.Sql.Contains("\"household_indicators\"", StringComparison.Ordinal)
                && s.Sql.Contains("\"AsOf\"", StringComparison.Ordinal))) is not null),
            "The idle reconciler never checked for tallies of another day.");

        await using var store = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await store.OpenAsync();
        var plan = await PlanAsync(store, check!);
        Assert.Contains(plan, line => line.StartsWith("SEARCH h USING COVERING INDEX IX_household_indicators_AsOf", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN h", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccessLogBySubject_IndexedAndListed_SeeksTheIndexAndTheLogsKey()
    {
        // Batches of one: the writer indexes behind every read, so that a list reads both the index and the tail.
        var statements = new StatementCapture();
        await using var app = new ExchangeApplication(
            new Dictionary<string, string?> { ["AccessLog:IndexBatch"] = "1" }, clock: FixedClock.MidYear2024,
            storeInterceptors: statements);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        var audit = app.Audit(DevelopmentKeys.Auditor);
        for (var i = 0; i < 3; i++)
        {
            await audit.GetPersonAsync(
                new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose }, Deadlines.Call);
        }
        await app.Audit(DevelopmentKeys.Administrator).ListAccessLogAsync(
            new ListAccessLogRequest { CitizenId = AuditData.Spouse }, Deadlines.Call);

        var onTheLog = statements.Captured().Where(s => s.Sql.Contains("\"access_log", StringComparison.Ordinal)).ToList();
        Assert.Contains(onTheLog, s => s.Sql.Contains("JOIN \"access_log\"", StringComparison.Ordinal));
        await using var store = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await store.OpenAsync();
        var failures = new List<string>();
        foreach (var statement in onTheLog.DistinctBy(s => s.Sql))
        {
            var plan = await PlanAsync(store, statement);
            if (plan.Any(line => line.StartsWith("SCAN", StringComparison.Ordinal) || line.Contains("TEMP B-TREE", StringComparison.Ordinal)))
            {
                failures.Add($"{statement.Sql}\nplan:\n  {string.Join("\n  ", plan)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>A column compared with a list of keys passed as one JSON parameter.</summary>
    [GeneratedRegex("""
        "(?<alias>\w+)"\."(?<column>\w+)"\s+IN\s+\(\s*SELECT\s+"\w+"\."value"\s+FROM\s+json_each
        """)]
    private static partial Regex KeyList();

    private static async Task<List<string>> PlanAsync(SqliteConnection store, CapturedStatement statement)
    {
        await using var command = store.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }
        return plan;
    }

    private sealed record CapturedStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Records the SELECT and DELETE statements the server's store runs.</summary>
    private sealed class StatementCapture : DbCommandInterceptor
    {
        private readonly List<CapturedStatement> statements = [];

        public IReadOnlyList<CapturedStatement> Captured()
        {
            lock (statements)
            {
                return [.. statements];
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Capture(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Capture(command);
            return ValueTask.FromResult(result);
        }

        private void Capture(DbCommand command)
        {
            var sql = command.CommandText.TrimStart();
            if (!sql.StartsWith("SELECT", StringComparison.Ordinal) && !sql.StartsWith("DELETE", StringComparison.Ordinal))
            {
                return;
            }
            var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
            lock (statements)
            {
                statements.Add(new CapturedStatement(command.CommandText, parameters));
            }
        }
    }
}
