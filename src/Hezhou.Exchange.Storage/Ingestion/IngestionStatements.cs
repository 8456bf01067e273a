using System.Data;
using System.Data.Common;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Storage.Ingestion;

/// <summary>
/// The hot path of ingestion as prepared, parameterised statements on the batch's own connection and transaction:
/// EF Core's change tracking costs several times more per row than the insert itself. The SQL is plain enough for
/// both SQLite and SQL Server (double-quoted identifiers, @ parameters); a test parses it as T-SQL.
/// </summary>
public sealed class IngestionStatements : IDisposable
{
    public const string InsertVersionSql =
        "INSERT INTO \"source_versions\" (\"Department\", \"Kind\", \"SourceKey\", \"Version\", \"ContentDigest\", \"Payload\", " +
        "\"Withdrawn\", \"BatchId\", \"RecordIndex\", \"Principal\", \"ReceivedAt\") " +
        "VALUES (@department, @kind, @sourceKey, @version, @digest, @payload, @withdrawn, @batchId, @recordIndex, @principal, @receivedAt)";

    public const string InsertHeadSql =
        "INSERT INTO \"source_records\" (\"Department\", \"Kind\", \"SourceKey\", \"CurrentVersion\", \"CurrentDigest\", \"Withdrawn\") " +
        "VALUES (@department, @kind, @sourceKey, @version, @digest, @withdrawn)";

    public const string UpdateHeadSql =
        "UPDATE \"source_records\" SET \"CurrentVersion\" = @version, \"CurrentDigest\" = @digest, \"Withdrawn\" = @withdrawn " +
        "WHERE \"Department\" = @department AND \"Kind\" = @kind AND \"SourceKey\" = @sourceKey";

    public const string DeleteSubjectsSql =
        "DELETE FROM \"source_record_subjects\" WHERE \"Department\" = @department AND \"Kind\" = @kind AND \"SourceKey\" = @sourceKey";

    public const string InsertSubjectSql =
        "INSERT INTO \"source_record_subjects\" (\"Department\", \"Kind\", \"SourceKey\", \"CitizenId\") " +
        "VALUES (@department, @kind, @sourceKey, @citizenId)";

    public const string InsertDirtySql =
        "INSERT INTO \"dirty_queue\" (\"SubjectKind\", \"SubjectKey\", \"EnqueuedAt\") VALUES (@subjectKind, @subjectKey, @enqueuedAt)";

    /// <summary>The highest dirty-queue id; read inside the writing transaction, it is the last one this batch wrote.</summary>
    public const string MaxDirtyIdSql = "SELECT MAX(\"Id\") FROM \"dirty_queue\"";

    private readonly DbCommand insertVersion;
    private readonly DbCommand insertHead;
    private readonly DbCommand updateHead;
    private readonly DbCommand deleteSubjects;
    private readonly DbCommand insertSubject;
    private readonly DbCommand insertDirty;
    private readonly DbCommand maxDirtyId;

    public IngestionStatements(DbConnection connection, DbTransaction transaction)
    {
        insertVersion = Prepare(connection, transaction, InsertVersionSql,
            "department", "kind", "sourceKey", "version", "digest", "payload", "withdrawn", "batchId", "recordIndex", "principal", "receivedAt");
        insertHead = Prepare(connection, transaction, InsertHeadSql, "department", "kind", "sourceKey", "version", "digest", "withdrawn");
        updateHead = Prepare(connection, transaction, UpdateHeadSql, "department", "kind", "sourceKey", "version", "digest", "withdrawn");
        deleteSubjects = Prepare(connection, transaction, DeleteSubjectsSql, "department", "kind", "sourceKey");
        insertSubject = Prepare(connection, transaction, InsertSubjectSql, "department", "kind", "sourceKey", "citizenId");
        insertDirty = Prepare(connection, transaction, InsertDirtySql, "subjectKind", "subjectKey", "enqueuedAt");
        maxDirtyId = Prepare(connection, transaction, MaxDirtyIdSql);
    }

    /// <summary>Appends one version of a source record.</summary>
    public Task InsertVersionAsync(
        Department department, RecordKind kind, string sourceKey, long version, string digest, byte[] payload,
        bool withdrawn, string batchId, int recordIndex, string principal, DateTime receivedAt, CancellationToken cancellationToken) =>
        ExecuteAsync(insertVersion, cancellationToken,
            department.ToString(), kind.ToString(), sourceKey, version, digest, payload, withdrawn, batchId, recordIndex, principal, receivedAt);

    /// <summary>Points a source record at its new current version, creating the pointer for a record never seen.</summary>
    public Task SetHeadAsync(
        bool exists, Department department, RecordKind kind, string sourceKey, long version, string digest, bool withdrawn,
        CancellationToken cancellationToken) =>
        ExecuteAsync(exists ? updateHead : insertHead, cancellationToken,
            department.ToString(), kind.ToString(), sourceKey, version, digest, withdrawn);

    /// <summary>Replaces the citizen IDs a source record's current version names.</summary>
    public async Task ReplaceSubjectsAsync(
        Department department, RecordKind kind, string sourceKey, IEnumerable<string> citizenIds, bool hadSubjects,
        CancellationToken cancellationToken)
    {
        if (hadSubjects)
        {
            await ExecuteAsync(deleteSubjects, cancellationToken, department.ToString(), kind.ToString(), sourceKey);
        }
        foreach (var citizenId in citizenIds)
        {
            await ExecuteAsync(insertSubject, cancellationToken, department.ToString(), kind.ToString(), sourceKey, citizenId);
        }
    }

    /// <summary>Queues a subject for reconciliation.</summary>
    public Task QueueAsync(ReconciliationSubject subject, DateTime enqueuedAt, CancellationToken cancellationToken) =>
        ExecuteAsync(insertDirty, cancellationToken, subject.Kind.ToString(), subject.Key, enqueuedAt);

    public async Task<long> MaxDirtyIdAsync(CancellationToken cancellationToken) =>
        await maxDirtyId.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value) : 0;

    public void Dispose()
    {
        foreach (var command in new[] { insertVersion, insertHead, updateHead, deleteSubjects, insertSubject, insertDirty, maxDirtyId })
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
            if (values[i] is byte[])
            {
                command.Parameters[i].DbType = DbType.Binary;
            }
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
