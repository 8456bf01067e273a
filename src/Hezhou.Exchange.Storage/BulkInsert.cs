using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// The store's bulk path: rows inserted by prepared, parameterised multi-row INSERT statements on the context's own
/// connection and transaction, with column names, value conversions and parameter types taken from the EF Core model.
/// A few statements carry hundreds of rows each, where change tracking would cost several times the insert itself.
/// The same statement serves SQLite and SQL Server; each provider quotes identifiers its own way, and a test parses the
/// SQL Server form with ScriptDom.
/// </summary>
public static class BulkInsert
{
    /// <summary>Parameters per statement on SQL Server: below its limit of 2,100, so that a round trip carries many rows.</summary>
    public const int MaxParameters = 2_000;

    /// <summary>
    /// Parameters per statement on SQLite, which has no round trips to save. It looks each parameter up by name with a
    /// linear search of the statement's parameters (sqlite3_bind_parameter_index), so binding costs the square of their
    /// number: at 2,000 that search was most of ingestion's time.
    /// </summary>
    public const int MaxSqliteParameters = 200;

    /// <summary>Inserts the rows in the context's current transaction; store-generated keys are left to the store.</summary>
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not in the model.", nameof(rows));
        var columns = Columns(entity);
        var converters = columns.Select(c => c.GetTypeMapping().Converter).ToArray();
        var parameters = db.Database.IsSqlite() ? MaxSqliteParameters : MaxParameters;
        var rowsPerStatement = Math.Max(1, parameters / columns.Count);
        var helper = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        DbCommand? full = null;
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                var command = chunk.Length == rowsPerStatement
                    ? full ??= Prepare(connection, transaction, helper, entity, columns, rowsPerStatement)
                    : Prepare(connection, transaction, helper, entity, columns, chunk.Length);
                for (var row = 0; row < chunk.Length; row++)
                {
                    for (var column = 0; column < columns.Count; column++)
                    {
                        var value = columns[column].PropertyInfo!.GetValue(chunk[row]);
                        var converter = converters[column];
                        command.Parameters[row * columns.Count + column].Value =
                            (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                    }
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    /// <summary>The INSERT statement for <paramref name="rows"/> rows of the entity, as the provider writes identifiers.</summary>
    public static string Sql(IEntityType entity, ISqlGenerationHelper helper, int rows)
    {
        var columns = Columns(entity);
        var sql = new StringBuilder("INSERT INTO ")
            .Append(helper.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => helper.DelimitIdentifier(c.GetColumnName())))
            .Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (")
                .AppendJoin(", ", Enumerable.Range(0, columns.Count).Select(column => $"@p{row * columns.Count + column}"))
                .Append(')');
        }
        return sql.ToString();
    }

    /// <summary>The columns an insert sets: every mapped property but a key the store generates.</summary>
    private static List<IProperty> Columns(IEntityType entity) =>
        [.. entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd && p.PropertyInfo is not null)];

    private static DbCommand Prepare(
        DbConnection connection, DbTransaction? transaction, ISqlGenerationHelper helper, IEntityType entity,
        List<IProperty> columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql(entity, helper, rows);
        for (var row = 0; row < rows; row++)
        {
            foreach (var (property, column) in columns.Select((p, i) => (p, i)))
            {
                var mapping = property.GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(command, $"@p{row * columns.Count + column}", null, property.IsNullable);
                command.Parameters.Add(parameter);
            }
        }
        return command;
    }
}
