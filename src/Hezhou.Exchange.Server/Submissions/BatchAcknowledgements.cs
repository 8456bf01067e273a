using Google.Rpc;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Submissions;

/// <summary>
/// The batches ledger as the idempotency key sees it: a batch_id seen before is answered with its first
/// acknowledgement (if the content is the same), and a batch is reported reconciled once the reconciler has taken every
/// dirty-queue entry it wrote.
/// </summary>
public sealed class BatchAcknowledgements(ExchangeDbContext db)
{
    /// <summary>A batch_id is 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'.</summary>
    public static void ValidateBatchId(string batchId)
    {
        if (batchId.Length is 0 or > 128 || !batchId.All(IsBatchIdCharacter))
        {
            throw ExchangeErrors.InvalidArgument(
                ("batch_id", "must be 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'"));
        }
    }

    public Task<BatchEntry?> FindAsync(Department department, string batchId, CancellationToken cancellationToken) =>
        db.Batches.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Department == department && b.BatchId == batchId, cancellationToken);

    /// <summary>The first acknowledgement of a batch sent again, or FAILED_PRECONDITION when its content differs.</summary>
    public async Task<V1.Batch> ReplayAsync(BatchEntry entry, string digest, CancellationToken cancellationToken)
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

    /// <summary>The stored acknowledgement, marked reconciled once the reconciler has taken every entry it queued.</summary>
    public async Task<V1.Batch> WithStateAsync(BatchEntry entry, CancellationToken cancellationToken)
    {
        var pending = await db.DirtyQueue.AnyAsync(d => d.Id <= entry.DirtyWatermark, cancellationToken);
        return BatchMapping.FromStored(entry.Acknowledgement, reconciled: !pending);
    }

    private static bool IsBatchIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';
}
