using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Hezhou.Exchange.Testing;

/// <summary>One chained row as the SQLite file holds it, and its hash recomputed by the encoding docs/LEDGER.md states.</summary>
public sealed record LedgerRow(long Id, long? Sequence, string? PreviousHash, string? Hash, string Recomputed);

/// <summary>
/// The SQLite file behind a running server, opened as someone with access to the file would: to read the ledger
/// columns, recompute the hashes by the documented encoding (written here from docs/LEDGER.md, not taken from the
/// server's code), and change rows behind the server's back.
/// </summary>
public sealed class LedgerFile(string databasePath)
{
    private const string FormatTag = "hezhou-ledger-v1";

    /// <summary>The chain's rows in sequence order, rows without a sequence last.</summary>
    public async Task<IReadOnlyList<LedgerRow>> RowsAsync(string table)
    {
        var columns = table switch
        {
            "source_versions" => "Department, Kind, SourceKey, Version, ContentDigest, Payload, Withdrawn, BatchId, RecordIndex, Principal, ReceivedAt",
            "access_log" => "Principal, Method, Subject, Purpose, RecordCount, AccessedAt",
            _ => throw new ArgumentException($"{table} is not a chained table.", nameof(table)),
        };
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT Id, LedgerSequence, LedgerPreviousHash, LedgerHash, {columns} FROM {table} " +
            "ORDER BY LedgerSequence IS NULL, LedgerSequence, Id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync())
        {
            var sequence = reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1);
            var previous = reader.IsDBNull(2) ? null : reader.GetString(2);
            var fields = new List<byte[]>
            {
                Text(FormatTag),
                Text(table),
                Text((sequence ?? 0).ToString(CultureInfo.InvariantCulture)),
                Text(previous ?? ""),
            };
            for (var column = 4; column < reader.FieldCount; column++)
            {
                fields.Add(Field(reader, column));
            }
            rows.Add(new LedgerRow(reader.GetInt64(0), sequence, previous, reader.IsDBNull(3) ? null : reader.GetString(3), Hash(fields)));
        }
        return rows;
    }

    /// <summary>The hash of a row's fields by the documented encoding: each field's length (4 bytes, big-endian), then the field.</summary>
    public static string Hash(IEnumerable<byte[]> fields)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var length = new byte[4];
        foreach (var field in fields)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)field.Length);
            sha256.AppendData(length);
            sha256.AppendData(field);
        }
        return Convert.ToHexStringLower(sha256.GetHashAndReset());
    }

    public static byte[] Text(string value) => Encoding.UTF8.GetBytes(value);

    /// <summary>Runs one statement against the file, as a person with write access to it would.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one query against the file and returns its first column's first value as an integer.</summary>
    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A column as the documented encoding writes it, from the value SQLite holds.</summary>
    private static byte[] Field(SqliteDataReader reader, int column)
    {
        var name = reader.GetName(column);
        return name switch
        {
            "Payload" => (byte[])reader.GetValue(column),
            // SQLite holds a time as text, "yyyy-MM-dd HH:mm:ss" with up to 7 decimals; the encoding writes all 7.
            "ReceivedAt" or "AccessedAt" => Text(DateTime.ParseExact(
                    reader.GetString(column), "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
            // Booleans and integers are stored as integers: their decimal digits.
            "Withdrawn" or "Version" or "RecordIndex" or "RecordCount" =>
                Text(reader.GetInt64(column).ToString(CultureInfo.InvariantCulture)),
            _ => Text(reader.GetString(column)),
        };
    }
}
