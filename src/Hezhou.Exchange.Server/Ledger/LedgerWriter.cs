using System.Data;
using System.Data.Common;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hezhou.Exchange.Server.Ledger;

/// <summary>
/// Appends rows to one ledger chain inside the caller's write transaction. Opening it locks the chain's head row
/// before reading it — an UPDATE that changes nothing still takes the row's write lock on SQL Server, and SQLite holds
/// the database's write lock for the whole transaction anyway — so no other transaction reads the same head and forks
/// the chain until this one ends. The head moves in the same transaction as the rows it covers: both commit, or
/// neither. Open it before the transaction's other writes, so that every appender takes its locks in the same order.
/// </summary>
public sealed class LedgerWriter
{
    public const string LockHeadSql = "UPDATE \"ledger_heads\" SET \"Sequence\" = \"Sequence\" WHERE \"Chain\" = @chain";
    public const string ReadHeadSql = "SELECT \"Sequence\", \"Hash\" FROM \"ledger_heads\" WHERE \"Chain\" = @chain";
    public const string MoveHeadSql = "UPDATE \"ledger_heads\" SET \"Sequence\" = @sequence, \"Hash\" = @hash WHERE \"Chain\" = @chain";

    private readonly DbConnection connection;
    private readonly DbTransaction transaction;

    private LedgerWriter(DbConnection connection, DbTransaction transaction, string chain, long sequence, string hash)
    {
        this.connection = connection;
        this.transaction = transaction;
        Chain = chain;
        Sequence = sequence;
        Hash = hash;
    }

    public string Chain { get; }

    /// <summary>The sequence of the chain's last row, as this transaction has it.</summary>
    public long Sequence { get; private set; }

    /// <summary>The hash of the chain's last row, as this transaction has it.</summary>
    public string Hash { get; private set; }

    /// <summary>Locks and reads the head of <paramref name="chain"/> in the context's current transaction.</summary>
    public static async Task<LedgerWriter> OpenAsync(DbContext db, string chain, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await LockHeadAsync(db, chain, cancellationToken);
        await using var readHead = Command(connection, transaction, ReadHeadSql, ("chain", chain, DbType.AnsiString));
        await using var reader = await readHead.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LedgerWriter(connection, transaction, chain, reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>
    /// Locks the head of <paramref name="chain"/> in the context's current transaction until it ends: appends to the
    /// chain wait for it, on every engine and from every server sharing the store.
    /// </summary>
    public static async Task<(DbConnection Connection, DbTransaction Transaction)> LockHeadAsync(
        DbContext db, string chain, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A ledger chain is appended to only inside a write transaction.");
        var connection = db.Database.GetDbConnection();
        await using var lockHead = Command(connection, transaction, LockHeadSql, ("chain", chain, DbType.AnsiString));
        if (await lockHead.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"The store has no ledger head for {chain}: its migrations were not applied.");
        }
        return (connection, transaction);
    }

    /// <summary>
    /// Links the rows, in order, to the end of the chain (their sequence and hashes are set here; the caller inserts
    /// them in the same transaction) and moves the head past the last of them.
    /// </summary>
    public async Task AppendAsync(IEnumerable<IChainedRow> rows, CancellationToken cancellationToken)
    {
        var appended = 0;
        foreach (var row in rows)
        {
            if (LedgerChains.Of(row) != Chain)
            {
                throw new ArgumentException($"A {row.GetType().Name} belongs to the {LedgerChains.Of(row)} chain, not {Chain}.", nameof(rows));
            }
            var sequence = Sequence + 1;
            row.LedgerSequence = sequence;
            row.LedgerPreviousHash = Hash;
            row.LedgerHash = LedgerEncoding.HashOf(row, sequence, Hash);
            Sequence = sequence;
            Hash = row.LedgerHash;
            appended++;
        }
        if (appended == 0)
        {
            return;
        }
        await using var moveHead = Command(connection, transaction, MoveHeadSql,
            ("sequence", Sequence, DbType.Int64), ("hash", Hash, DbType.AnsiString), ("chain", Chain, DbType.AnsiString));
        await moveHead.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(
        DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.DbType = type;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
