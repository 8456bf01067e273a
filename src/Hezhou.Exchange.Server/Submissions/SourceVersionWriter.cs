using System.Text.Json;
using Google.Protobuf;
using Google.Rpc;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Submissions;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Ledger;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Submissions;

/// <summary>
/// Writes one batch's records in chunks inside the batch's transaction: each record is checked for the caller's
/// authority, unknown fields and the validation rules, then compared with its source record's current version and
/// appended as a new version (chained in the ledger, its head moved, the citizen IDs it names indexed and the units it
/// touches queued for reconciliation), counted as unchanged, or quarantined with its raw bytes.
/// </summary>
public sealed class SourceVersionWriter(
    ExchangeDbContext db,
    SubmissionLimits limits,
    Caller caller,
    string batchId,
    DateTimeOffset receivedAt,
    bool listEveryResult) : IDisposable
{
    private IngestionStatements? statements;
    private LedgerWriter? ledger;
    private readonly DateOnly referenceDate = ChinaTime.DateOf(receivedAt);
    private readonly List<PendingRecord> pending = [];
    private readonly HashSet<(RecordKind, string)> pendingKeys = [];
    private readonly List<V1.RecordResult> results = [];
    private int accepted;
    private int unchanged;
    private int rejected;

    public int RecordCount { get; private set; }

    /// <summary>The highest dirty-queue id written so far.</summary>
    public long DirtyWatermark { get; private set; }

    public async Task AddAsync(V1.SubmissionRecord record, byte[] bytes, CancellationToken cancellationToken)
    {
        if (RecordCount >= limits.MaxRecordsPerStream)
        {
            throw ExchangeErrors.StreamTooLong(limits.MaxRecordsPerStream);
        }

        var content = record.ToDomain();
        var kind = content.Content?.Kind ?? RecordKind.Unspecified;
        if (System.Enum.IsDefined(kind) && kind != RecordKind.Unspecified
            && !RecordAuthority.MaySubmit(caller.Department, kind))
        {
            throw ExchangeErrors.Create(
                Code.PermissionDenied, ErrorReasons.RecordKindNotPermitted,
                $"records[{RecordCount}]: {caller.Department} may not submit {kind} records; " +
                $"{RecordAuthority.DepartmentFor(kind)} is authoritative for them. Nothing of the batch was stored.",
                new Dictionary<string, string> { ["index"] = RecordCount.ToString(), ["kind"] = kind.ToString() });
        }

        IReadOnlyList<FieldViolation> violations =
            [.. UnknownFieldCheck.Check(bytes), .. SubmissionValidator.Validate(content, referenceDate)];
        if (violations.Count == 0 && !pendingKeys.Add((kind, record.SourceKey)))
        {
            // The same record twice in a chunk: write the first before deciding on the second.
            await FlushAsync(cancellationToken);
            pendingKeys.Add((kind, record.SourceKey));
        }
        pending.Add(new PendingRecord(RecordCount, kind, record, content, bytes, violations));
        RecordCount++;
        if (pending.Count >= limits.WriteChunkSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        statements ??= new IngestionStatements(
            db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
        // Locks the chain's head before the batch writes anything (see LedgerWriter).
        ledger ??= await LedgerWriter.OpenAsync(db, LedgerChains.SourceVersions, cancellationToken);
        var heads = await LoadHeadsAsync(cancellationToken);
        var dirty = new HashSet<ReconciliationSubject>();
        var versions = new List<SourceVersion>();
        var newHeads = new List<SourceRecord>();
        var subjects = new List<SourceRecordSubject>();
        foreach (var record in pending)
        {
            if (record.Violations.Count > 0)
            {
                Reject(record, record.Violations);
                continue;
            }

            var key = (record.Kind, record.Proto.SourceKey);
            heads.TryGetValue(key, out var head);
            var contentDigest = BatchDigest.OfRecord(record.Bytes);
            var isWithdrawal = record.Content.Content is Withdrawal;
            if (isWithdrawal && head is null)
            {
                Reject(record, [new FieldViolation(
                    "withdrawal", "WITHDRAWAL_OF_UNKNOWN_RECORD",
                    $"withdrawal: no {record.Kind} record \"{record.Proto.SourceKey}\" was received from {caller.Department}")]);
                continue;
            }

            var sameAsCurrent = head is not null
                && (isWithdrawal ? head.Withdrawn : !head.Withdrawn && head.Digest == contentDigest);
            if (sameAsCurrent)
            {
                unchanged++;
                AddResult(record, V1.RecordOutcome.Unchanged, head!.Version);
                continue;
            }

            if (head is { Withdrawn: false })
            {
                // The previous content's subjects change too: a member who left, a corrected citizen ID.
                var previous = await LoadCurrentAsync(record.Kind, record.Proto.SourceKey, head.Version, cancellationToken);
                if (previous.Content is { } previousContent)
                {
                    dirty.UnionWith(ReconciliationSubject.TouchedBy(previous.SourceKey, previousContent));
                }
            }
            var touched = isWithdrawal
                ? []
                : ReconciliationSubject.TouchedBy(record.Proto.SourceKey, record.Content.Content!).ToList();
            dirty.UnionWith(touched);

            var version = (head?.Version ?? 0) + 1;
            versions.Add(new SourceVersion
            {
                Department = caller.Department,
                Kind = record.Kind,
                SourceKey = record.Proto.SourceKey,
                Version = version,
                ContentDigest = contentDigest,
                Payload = record.Bytes,
                Withdrawn = isWithdrawal,
                BatchId = batchId,
                RecordIndex = record.Index,
                Principal = caller.Name,
                ReceivedAt = receivedAt.UtcDateTime,
            });
            if (head is null)
            {
                newHeads.Add(new SourceRecord
                {
                    Department = caller.Department,
                    Kind = record.Kind,
                    SourceKey = record.Proto.SourceKey,
                    CurrentVersion = version,
                    CurrentDigest = contentDigest,
                    Withdrawn = isWithdrawal,
                });
            }
            else
            {
                await statements.UpdateHeadAsync(
                    caller.Department, record.Kind, record.Proto.SourceKey, version, contentDigest, isWithdrawal, cancellationToken);
            }
            if (head is { Withdrawn: false })
            {
                await statements.DeleteSubjectsAsync(caller.Department, record.Kind, record.Proto.SourceKey, cancellationToken);
            }
            subjects.AddRange(touched.Where(t => t.Kind == SubjectKind.Person).Select(t => t.Key).Distinct()
                .Select(citizenId => new SourceRecordSubject
                {
                    Department = caller.Department,
                    Kind = record.Kind,
                    SourceKey = record.Proto.SourceKey,
                    CitizenId = citizenId,
                }));
            accepted++;
            AddResult(record, V1.RecordOutcome.Accepted, version);
        }

        await ledger.AppendAsync(versions, cancellationToken);
        await BulkInsert.InsertAsync(db, versions, cancellationToken);
        await BulkInsert.InsertAsync(db, newHeads, cancellationToken);
        await BulkInsert.InsertAsync(db, subjects, cancellationToken);
        await BulkInsert.InsertAsync(
            db,
            [.. dirty.Select(subject => new DirtySubject
            {
                SubjectKind = subject.Kind,
                SubjectKey = subject.Key,
                EnqueuedAt = receivedAt.UtcDateTime,
            })],
            cancellationToken);
        if (dirty.Count > 0)
        {
            DirtyWatermark = await statements.MaxDirtyIdAsync(cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        pending.Clear();
        pendingKeys.Clear();
    }

    public void Dispose() => statements?.Dispose();

    public V1.Batch Acknowledge(string contentDigest) =>
        BatchMapping.ToAcknowledgement(
            batchId, caller, receivedAt, contentDigest, RecordCount, accepted, unchanged, rejected,
            resultsTruncated: !listEveryResult && rejected > limits.MaxListedRejections, results);

    /// <summary>The current version of each pending record's source record, if it has one.</summary>
    private async Task<Dictionary<(RecordKind, string), Head>> LoadHeadsAsync(CancellationToken cancellationToken)
    {
        var valid = pending.Where(p => p.Violations.Count == 0).ToList();
        var keys = valid.Select(p => p.Proto.SourceKey).Distinct().ToList();
        // The kinds too, so that the look-up seeks the (department, kind, key) key instead of reading every record
        // of the department.
        var kinds = valid.Select(p => p.Kind).Distinct().ToList();
        var heads = await db.SourceRecords.AsNoTracking()
            .Where(r => r.Department == caller.Department && kinds.Contains(r.Kind) && keys.Contains(r.SourceKey))
            .ToListAsync(cancellationToken);
        return heads.ToDictionary(h => (h.Kind, h.SourceKey), h => new Head(h.CurrentVersion, h.CurrentDigest, h.Withdrawn));
    }

    private async Task<SubmittedRecord> LoadCurrentAsync(
        RecordKind kind, string sourceKey, long version, CancellationToken cancellationToken)
    {
        var payload = await db.SourceVersions
            .Where(v => v.Department == caller.Department && v.Kind == kind && v.SourceKey == sourceKey && v.Version == version)
            .Select(v => v.Payload)
            .SingleAsync(cancellationToken);
        return SourcePayload.ToDomain(payload);
    }

    private void Reject(PendingRecord record, IReadOnlyList<FieldViolation> violations)
    {
        rejected++;
        db.Quarantine.Add(new QuarantinedRecord
        {
            Department = caller.Department,
            BatchId = batchId,
            RecordIndex = record.Index,
            Principal = caller.Name,
            SourceKey = Truncate(record.Proto.SourceKey, 128),
            Kind = System.Enum.IsDefined(record.Kind) ? record.Kind : RecordKind.Unspecified,
            RawBytes = record.Bytes,
            Violations = JsonSerializer.Serialize(violations.Select(v => new { field = v.Field, rule = v.Rule, description = v.Description })),
            ReceivedAt = receivedAt.UtcDateTime,
        });
        AddResult(record, V1.RecordOutcome.Rejected, 0, violations);
    }

    private void AddResult(
        PendingRecord record, V1.RecordOutcome outcome, long version, IReadOnlyList<FieldViolation>? violations = null)
    {
        var listed = listEveryResult
            || (outcome == V1.RecordOutcome.Rejected && rejected <= limits.MaxListedRejections);
        if (!listed)
        {
            return;
        }

        results.Add(BatchMapping.ToRecordResult(
            record.Index, record.Proto.SourceKey, record.Kind, outcome, version, violations));
    }

    /// <summary>Cuts a string to at most <paramref name="length"/> UTF-16 units without splitting a surrogate pair.</summary>
    private static string Truncate(string value, int length) =>
        value.Length <= length ? value : value[..(char.IsHighSurrogate(value[length - 1]) ? length - 1 : length)];

    /// <summary>A source record's current version as ingestion last saw or wrote it.</summary>
    private sealed record Head(long Version, string Digest, bool Withdrawn);

    private sealed record PendingRecord(
        int Index,
        RecordKind Kind,
        V1.SubmissionRecord Proto,
        SubmittedRecord Content,
        byte[] Bytes,
        IReadOnlyList<FieldViolation> Violations);
}
