namespace Hezhou.Exchange.Storage.Entities;

/// <summary>
/// A row of a ledger chain: its place in the chain and the hashes that link it to the row before (docs/LEDGER.md).
/// All three are null only for a row written before the ledger existed, until the server chains it at start-up.
/// </summary>
public interface IChainedRow
{
    /// <summary>The row's key in its table, assigned by the store; not covered by the hash.</summary>
    long Id { get; }

    /// <summary>The row's position in its chain, from 1, without gaps.</summary>
    long? LedgerSequence { get; set; }

    /// <summary>The <see cref="LedgerHash"/> of the row before; for the first row, 64 zeros.</summary>
    string? LedgerPreviousHash { get; set; }

    /// <summary>SHA-256 of the row's canonical encoding with its sequence and previous hash, lower-case hex.</summary>
    string? LedgerHash { get; set; }
}
