using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// Exclusive locks on named things (a reconciliation unit, an indicator scope) held by the current write transaction
/// until it ends, so that writers on several servers sharing one store take turns at what they both change. On SQL
/// Server an application lock (sp_getapplock, owned by the transaction); on SQLite nothing, as a write transaction holds
/// the file's only write lock from its first statement. Callers claim in one order (units before scopes), so that two
/// writers never wait for each other in a circle.
/// </summary>
public sealed class TransactionLocks(ExchangeDbContext db)
{
    /// <summary>Reconciliation units: household IDs, or unheld persons' keys.</summary>
    public const string Units = "unit";

    /// <summary>The scopes whose indicator sums are read and changed.</summary>
    public const string Scopes = "scope";

    /// <summary>
    /// Takes an exclusive, transaction-owned application lock on each resource of the JSON array @resources, in one
    /// order, waiting up to @timeout milliseconds for each; selects sp_getapplock's last result (negative: not granted).
    /// </summary>
    public const string SqlServerApplockSql =
        """
        DECLARE @result int = 0;
        DECLARE @resource nvarchar(255);
        DECLARE claims CURSOR LOCAL FAST_FORWARD FOR
            SELECT DISTINCT CAST([value] AS nvarchar(255)) COLLATE Latin1_General_BIN2 AS [resource]
            FROM OPENJSON(@resources)
            ORDER BY [resource];
        OPEN claims;
        FETCH NEXT FROM claims INTO @resource;
        WHILE @@FETCH_STATUS = 0 AND @result >= 0
        BEGIN
            EXEC @result = sp_getapplock @Resource = @resource, @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = @timeout;
            FETCH NEXT FROM claims INTO @resource;
        END;
        CLOSE claims;
        DEALLOCATE claims;
        SELECT @result;
        """;

    /// <summary>How long a writer waits for another one to finish with a unit or an indicator scope before it gives up the round.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The application-lock resource names of the keys, e.g. "hezhou/unit/45110200100001".</summary>
    public static List<string> Resources(string kind, IEnumerable<string> keys) =>
        [.. keys.Select(key => $"hezhou/{kind}/{key}").Distinct(StringComparer.Ordinal)];

    /// <summary>Locks every key of <paramref name="kind"/> until the current transaction ends.</summary>
    public async Task ClaimAsync(string kind, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlServer())
        {
            return;
        }
        var resources = Resources(kind, keys);
        if (resources.Count == 0)
        {
            return;
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Claims are held by a transaction: begin one first.");
        command.CommandText = SqlServerApplockSql;
        // Each lock waits at most LockTimeout; a few holders one after the other are waited for, not an endless line.
        command.CommandTimeout = (int)(LockTimeout.TotalSeconds * 5);
        AddParameter(command, "@resources", JsonSerializer.Serialize(resources));
        AddParameter(command, "@timeout", (int)LockTimeout.TotalMilliseconds);
        var result = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
        if (result < 0)
        {
            // -1 timed out, -2 cancelled, -3 chosen as a deadlock victim: the round is given up and its entries stay queued.
            throw new InvalidOperationException(
                $"Could not claim every {kind} within {LockTimeout.TotalSeconds:0} s (sp_getapplock returned {result}); " +
                "another reconciler holds one. The entries stay queued for the next round.");
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
