using Hezhou.Exchange.Domain;

namespace Hezhou.Exchange.Storage.Entities;

/// <summary>One version of one department's source record, exactly as received. Append-only, and chained in the ledger.</summary>
public sealed class SourceVersion : IChainedRow
{
    public long Id { get; set; }
    public Department Department { get; set; }
    public RecordKind Kind { get; set; }
    public required string SourceKey { get; set; }
    public long Version { get; set; }
    /// <summary>SHA-256 of <see cref="Payload"/>, lower-case hex.</summary>
    public required string ContentDigest { get; set; }
    /// <summary>The serialized SubmissionRecord as received.</summary>
    public required byte[] Payload { get; set; }
    public bool Withdrawn { get; set; }
    public required string BatchId { get; set; }
    /// <summary>Zero-based position of the record in its batch.</summary>
    public int RecordIndex { get; set; }
    public required string Principal { get; set; }
    public DateTime ReceivedAt { get; set; }
    public long? LedgerSequence { get; set; }
    public string? LedgerPreviousHash { get; set; }
    public string? LedgerHash { get; set; }
}
