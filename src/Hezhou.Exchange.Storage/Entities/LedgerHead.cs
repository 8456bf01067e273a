namespace Hezhou.Exchange.Storage.Entities;

/// <summary>
/// The end of one ledger chain: the sequence and hash of its last row. Moved in the same transaction that appends, and
/// locked by it, so appends to a chain are serialized on every engine and a chain never forks.
/// </summary>
public sealed class LedgerHead
{
    /// <summary>The chain's name, which is its table's: "source_versions" or "access_log".</summary>
    public required string Chain { get; set; }

    /// <summary>The last row's sequence; 0 while the chain is empty.</summary>
    public long Sequence { get; set; }

    /// <summary>The last row's hash; 64 zeros while the chain is empty.</summary>
    public required string Hash { get; set; }
}
