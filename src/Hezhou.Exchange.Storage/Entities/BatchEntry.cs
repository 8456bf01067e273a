using Hezhou.Exchange.Domain;

namespace Hezhou.Exchange.Storage.Entities;

/// <summary>A received batch: the idempotency ledger. A replay of the same batch returns <see cref="Acknowledgement"/>.</summary>
public sealed class BatchEntry
{
    public long Id { get; set; }
    public Department Department { get; set; }
    public required string BatchId { get; set; }
    public required string Principal { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>SHA-256 over the batch's records, lower-case hex: what a replay must match.</summary>
    public required string ContentDigest { get; set; }
    public int RecordCount { get; set; }
    public int AcceptedCount { get; set; }
    public int UnchangedCount { get; set; }
    public int RejectedCount { get; set; }
    /// <summary>The highest dirty-queue id the batch wrote; the batch is reconciled once no entry up to it remains.</summary>
    public long DirtyWatermark { get; set; }
    /// <summary>The serialized acknowledgement as first returned to the submitter.</summary>
    public required byte[] Acknowledgement { get; set; }
}
