using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Submissions;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Ledger;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Reconciliation;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Submissions;

/// <summary>
/// Stores one batch: every record is validated, compared with the current version of its source record and then
/// appended as a new version, counted as unchanged, or quarantined with its raw bytes. The versions, the quarantine,
/// the dirty-queue entries and the batch's acknowledgement are written in one transaction, committed before the
/// caller is answered. A batch_id seen before is answered from the ledger.
/// </summary>
public sealed class BatchIngestion(
    ExchangeDbContext db,
    TimeProvider clock,
    IOptions<SubmissionLimits> limits,
    ReconciliationSignal reconciliation,
    StoreWriteGate writeGate,
    ILogger<BatchIngestion> logger)
{
    private readonly SubmissionLimits limits = limits.Value;

    /// <summary>
    /// Stores the records as batch <paramref name="batchId"/> of the caller's department.
    /// <paramref name="listEveryResult"/> lists a result per record; otherwise only rejections, up to the limit.
    /// </summary>
    public async Task<V1.Batch> IngestAsync(
        Caller caller,
        string batchId,
        IAsyncEnumerable<V1.SubmissionRecord> records,
        bool listEveryResult,
        CancellationToken cancellationToken)
    {
        ValidateBatchId(batchId);
        using var inProgress = reconciliation.BatchStarted();
        using var digest = new BatchDigest();

        var existing = await FindAsync(caller.Department, batchId, cancellationToken);
        if (existing is not null)
        {
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                digest.Append(record.ToByteArray());
            }
            return await ReplayAsync(existing, digest.Finish(), cancellationToken);
        }

        var receivedAt = clock.GetUtcNow();
        using var batch = new BatchWriter(db, limits, caller, batchId, receivedAt, listEveryResult);
        await using var transaction = await writeGate.BeginAsync(db, cancellationToken);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            var bytes = record.ToByteArray();
            digest.Append(bytes);
            await batch.AddAsync(record, bytes, cancellationToken);
        }
        await batch.FlushAsync(cancellationToken);
        if (batch.RecordCount == 0)
        {
            throw ExchangeErrors.InvalidArgument(("records", "a batch must hold at least one record"));
        }

        var acknowledgement = batch.Acknowledge(digest.Finish());
        db.Batches.Add(new BatchEntry
        {
            Department = caller.Department,
            BatchId = batchId,
            Principal = caller.Name,
            ReceivedAt = receivedAt.UtcDateTime,
            ContentDigest = acknowledgement.ContentDigest,
            RecordCount = acknowledgement.RecordCount,
            AcceptedCount = acknowledgement.AcceptedCount,
            UnchangedCount = acknowledgement.UnchangedCount,
            RejectedCount = acknowledgement.RejectedCount,
            DirtyWatermark = batch.DirtyWatermark,
            Acknowledgement = acknowledgement.ToByteArray(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same batch_id may have been stored by a concurrent call between our look-up and our commit.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var winner = await FindAsync(caller.Department, batchId, CancellationToken.None);
            if (winner is null)
            {
                throw;
            }
            return await ReplayAsync(winner, acknowledgement.ContentDigest, CancellationToken.None);
        }

        reconciliation.Notify();
        logger.LogInformation(
            "Stored batch {BatchId} from {Principal}: {Accepted} accepted, {Unchanged} unchanged, {Rejected} rejected",
            batchId, caller.Name, acknowledgement.AcceptedCount, acknowledgement.UnchangedCount,
            acknowledgement.RejectedCount);
        return acknowledgement;
    }

    /// <summary>The batch as first acknowledged, with its current state, or NOT_FOUND.</summary>
    public async Task<V1.Batch> GetAsync(Caller caller, string batchId, CancellationToken cancellationToken)
    {
        ValidateBatchId(batchId);
        var entry = await FindAsync(caller.Department, batchId, cancellationToken)
            ?? throw ExchangeErrors.Create(
                Code.NotFound, ErrorReasons.BatchNotFound,
                $"No batch \"{batchId}\" was received from {caller.Department}.");
        return await WithStateAsync(entry, cancellationToken);
    }

    /// <summary>The stored acknowledgement, marked reconciled once the reconciler has taken every entry it queued.</summary>
    private async Task<V1.Batch> WithStateAsync(BatchEntry entry, CancellationToken cancellationToken)
    {
        var batch = V1.Batch.Parser.ParseFrom(entry.Acknowledgement);
        var pending = await db.DirtyQueue.AnyAsync(d => d.Id <= entry.DirtyWatermark, cancellationToken);
        batch.State = pending ? V1.BatchState.Received : V1.BatchState.Reconciled;
        return batch;
    }

    private Task<BatchEntry?> FindAsync(Department department, string batchId, CancellationToken cancellationToken) =>
        db.Batches.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Department == department && b.BatchId == batchId, cancellationToken);

    private async Task<V1.Batch> ReplayAsync(BatchEntry entry, string digest, CancellationToken cancellationToken)
    {
        if (!string.Equals(entry.ContentDigest, digest, StringComparison.Ordinal))
        {
            throw ExchangeErrors.Create(
                Code.FailedPrecondition, ErrorReasons.BatchIdReused,
                $"batch_id \"{entry.BatchId}\" was used on {entry.ReceivedAt:u} for other records; " +
                "choose a new batch_id for new content.",
                new Dictionary<string, string> { ["batch_id"] = entry.BatchId, ["content_digest"] = entry.ContentDigest });
        }
        return await WithStateAsync(entry, cancellationToken);
    }

    private static void ValidateBatchId(string batchId)
    {
        if (batchId.Length is 0 or > 128 || !batchId.All(IsBatchIdCharacter))
        {
            throw ExchangeErrors.InvalidArgument(
                ("batch_id", "must be 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'"));
        }
    }

    private static bool IsBatchIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';

    /// <summary>Accumulates one batch's records and writes them in chunks inside the batch's transaction.</summary>
    private sealed class BatchWriter(
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
                [.. ContractFields.Check(bytes), .. SubmissionValidator.Validate(content, referenceDate)];
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

        public V1.Batch Acknowledge(string contentDigest)
        {
            var batch = new V1.Batch
            {
                BatchId = batchId,
                Department = (V1.Department)caller.Department,
                Principal = caller.Name,
                ReceiveTime = Timestamp.FromDateTimeOffset(receivedAt),
                ContentDigest = contentDigest,
                RecordCount = RecordCount,
                AcceptedCount = accepted,
                UnchangedCount = unchanged,
                RejectedCount = rejected,
                State = V1.BatchState.Received,
                ResultsTruncated = !listEveryResult && rejected > limits.MaxListedRejections,
            };
            batch.Results.Add(results);
            return batch;
        }

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
            return V1.SubmissionRecord.Parser.ParseFrom(payload).ToDomain();
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

            var result = new V1.RecordResult
            {
                Index = record.Index,
                SourceKey = record.Proto.SourceKey,
                Kind = System.Enum.IsDefined(record.Kind) ? (V1.RecordKind)record.Kind : V1.RecordKind.Unspecified,
                Outcome = outcome,
                Version = version,
            };
            if (violations is not null)
            {
                result.Violations.Add(violations.Select(v => new BadRequest.Types.FieldViolation
                {
                    Field = v.Field,
                    Description = v.Description,
                    Reason = v.Rule,
                }));
            }
            results.Add(result);
        }

        /// <summary>Cuts a string to at most <paramref name="length"/> UTF-16 units without splitting a surrogate pair.</summary>
        private static string Truncate(string value, int length) =>
            value.Length <= length ? value : value[..(char.IsHighSurrogate(value[length - 1]) ? length - 1 : length)];
    }

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
