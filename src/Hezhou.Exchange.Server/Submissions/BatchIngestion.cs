using Google.Protobuf;
using Google.Rpc;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Reconciliation;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Submissions;

/// <summary>
/// Stores one batch: every record is validated, compared with the current version of its source record and then
/// appended as a new version, counted as unchanged, or quarantined with its raw bytes. The versions, the quarantine,
/// the dirty-queue entries and the batch's acknowledgement are written in one transaction, committed before the
/// caller is answered. A batch_id seen before is answered from the ledger (<see cref="BatchAcknowledgements"/>); the
/// records are written by <see cref="SourceVersionWriter"/>.
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
    private readonly BatchAcknowledgements acknowledgements = new(db);

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
        BatchAcknowledgements.ValidateBatchId(batchId);
        using var inProgress = reconciliation.BatchStarted();
        using var digest = new BatchDigest();

        var existing = await acknowledgements.FindAsync(caller.Department, batchId, cancellationToken);
        if (existing is not null)
        {
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                digest.Append(record.ToByteArray());
            }
            return await acknowledgements.ReplayAsync(existing, digest.Finish(), cancellationToken);
        }

        var receivedAt = clock.GetUtcNow();
        using var batch = new SourceVersionWriter(db, limits, caller, batchId, receivedAt, listEveryResult);
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
            var winner = await acknowledgements.FindAsync(caller.Department, batchId, CancellationToken.None);
            if (winner is null)
            {
                throw;
            }
            return await acknowledgements.ReplayAsync(winner, acknowledgement.ContentDigest, CancellationToken.None);
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
        BatchAcknowledgements.ValidateBatchId(batchId);
        var entry = await acknowledgements.FindAsync(caller.Department, batchId, cancellationToken)
            ?? throw ExchangeErrors.Create(
                Code.NotFound, ErrorReasons.BatchNotFound,
                $"No batch \"{batchId}\" was received from {caller.Department}.");
        return await acknowledgements.WithStateAsync(entry, cancellationToken);
    }
}
