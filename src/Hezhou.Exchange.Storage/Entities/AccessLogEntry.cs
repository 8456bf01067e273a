namespace Hezhou.Exchange.Storage.Entities;

/// <summary>
/// One read of a person's data: who, through which method, about whom, why, and how much was returned. Append-only,
/// and chained in the ledger.
/// </summary>
public sealed class AccessLogEntry : IChainedRow
{
    public long Id { get; set; }
    public required string Principal { get; set; }
    public required string Method { get; set; }
    public required string Subject { get; set; }
    public required string Purpose { get; set; }
    public int RecordCount { get; set; }
    public DateTime AccessedAt { get; set; }
    public long? LedgerSequence { get; set; }
    public string? LedgerPreviousHash { get; set; }
    public string? LedgerHash { get; set; }
}
