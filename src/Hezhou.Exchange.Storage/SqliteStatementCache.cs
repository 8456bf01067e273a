using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// Keeps the statements EF Core runs on one open SQLite connection prepared, and runs each query again through the
/// statement it prepared the first time. Microsoft.Data.Sqlite prepares every new command afresh: for the four short
/// look-ups of a person, preparing took twice as long as running them.
/// </summary>
/// <remarks>
/// EF Core still creates its command and binds its parameters; this runs, in its place, the kept command of the same
/// text with those parameters. A statement is only reset, never finalised, when its reader is disposed, so it ends its
/// read transaction as any other. Commands are kept per SQL text; the server's queries are a fixed set, and past
/// <see cref="MostStatements"/> texts a query runs as it would have without the cache. Like its connection, it serves one
/// caller at a time.
/// </remarks>
public sealed class SqliteStatementCache(SqliteConnection connection) : DbCommandInterceptor, IDisposable
{
    public const int MostStatements = 64;

    private readonly Dictionary<string, Kept> statements = new(StringComparer.Ordinal);

    /// <summary>How many queries ran through a statement prepared before.</summary>
    public long Reused { get; private set; }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Claim(command) is { } kept
            ? InterceptionResult<DbDataReader>.SuppressWithResult(kept.Reader = kept.Command.ExecuteReader())
            : result;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default) =>
        Claim(command) is { } kept
            ? InterceptionResult<DbDataReader>.SuppressWithResult(
                kept.Reader = await kept.Command.ExecuteReaderAsync(cancellationToken))
            : result;

    public void Dispose()
    {
        foreach (var kept in statements.Values)
        {
            kept.Command.Dispose();
        }
        statements.Clear();
    }

    /// <summary>
    /// The kept command for <paramref name="command"/>'s text with its parameters bound, or null to let EF Core run its
    /// own: on another connection, past the limit, or while a reader of the kept command is still open.
    /// </summary>
    private Kept? Claim(DbCommand command)
    {
        if (!ReferenceEquals(command.Connection, connection) || command is not SqliteCommand own)
        {
            return null;
        }
        if (statements.TryGetValue(own.CommandText, out var kept))
        {
            if (kept.Reader is { IsClosed: false })
            {
                return null;
            }
            Reused++;
        }
        else if (statements.Count < MostStatements)
        {
            statements.Add(own.CommandText, kept = new Kept(new SqliteCommand(own.CommandText, connection)));
        }
        else
        {
            return null;
        }

        kept.Command.Transaction = own.Transaction;
        kept.Command.CommandTimeout = own.CommandTimeout;
        kept.Command.Parameters.Clear();
        // EF Core's own parameters, as it made them: their types are bound exactly as on its command.
        kept.Command.Parameters.AddRange(own.Parameters.Cast<SqliteParameter>().ToArray());
        return kept;
    }

    private sealed class Kept(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public DbDataReader? Reader { get; set; }
    }
}
