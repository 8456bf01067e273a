using System.Data.Common;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Server.Submissions;

/// <summary>
/// The per-record statements of ingestion, prepared and parameterised on the batch's own connection and transaction;
/// the rows a batch adds go by <see cref="BulkInsert"/>. The SQL is plain enough for both SQLite and SQL Server
/// (double-quoted identifiers, @ parameters); a test parses it as T-SQL.
/// </summary>
public sealed class IngestionStatements : IDisposable
{
    public const string UpdateHeadSql =
        "UPDATE \"source_records\" SET \"CurrentVersion\" = @version, \"CurrentDigest\" = @digest, \"Withdrawn\" = @withdrawn " +
        "WHERE \"Department\" = @department AND \"Kind\" = @kind AND \"SourceKey\" = @sourceKey";

    public const string DeleteSubjectsSql =
        "DELETE FROM \"source_record_subjects\" WHERE \"Department\" = @department AND \"Kind\" = @kind AND \"SourceKey\" = @sourceKey";

    /// <summary>The highest dirty-queue id; read inside the writing transaction, it is the last one this batch wrote.</summary>
    public const string MaxDirtyIdSql = "SELECT MAX(\"Id\") FROM \"dirty_queue\"";

    private readonly DbCommand updateHead;
    private readonly DbCommand deleteSubjects;
    private readonly DbCommand maxDirtyId;

    public IngestionStatements(DbConnection connection, DbTransaction transaction)
    {
        updateHead = Prepare(connection, transaction, UpdateHeadSql, "version", "digest", "withdrawn", "department", "kind", "sourceKey");
        deleteSubjects = Prepare(connection, transaction, DeleteSubjectsSql, "department", "kind", "sourceKey");
        maxDirtyId = Prepare(connection, transaction, MaxDirtyIdSql);
    }

    /// <summary>Points an existing source record at its new current version.</summary>
    public Task UpdateHeadAsync(
        Department department, RecordKind kind, string sourceKey, long version, string digest, bool withdrawn,
        CancellationToken cancellationToken) =>
        ExecuteAsync(updateHead, cancellationToken, version, digest, withdrawn, department.ToString(), kind.ToString(), sourceKey);

    /// <summary>Removes the citizen IDs the source record's previous version named.</summary>
    public Task DeleteSubjectsAsync(Department department, RecordKind kind, string sourceKey, CancellationToken cancellationToken) =>
        ExecuteAsync(deleteSubjects, cancellationToken, department.ToString(), kind.ToString(), sourceKey);

    public async Task<long> MaxDirtyIdAsync(CancellationToken cancellationToken) =>
        await maxDirtyId.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value) : 0;

    public void Dispose()
    {
        foreach (var command in new[] { updateHead, deleteSubjects, maxDirtyId })
        {
            command.Dispose();
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
