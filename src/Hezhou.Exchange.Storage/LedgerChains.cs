using Hezhou.Exchange.Storage.Entities;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// The ledger's chains, one per append-only table, each named after its table: the source versions departments sent,
/// and the access log of reads of personal data. Two chains rather than one, because their writers are independent
/// (ingestion and the access-log writer) and on SQL Server one chain would make every read wait behind every batch.
/// </summary>
public static class LedgerChains
{
    public const string SourceVersions = "source_versions";
    public const string AccessLog = "access_log";

    public static readonly IReadOnlyList<string> All = [SourceVersions, AccessLog];

    /// <summary>The previous hash of a chain's first row, and the head hash of an empty chain: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The chain a row belongs to.</summary>
    public static string Of(IChainedRow row) => row switch
    {
        SourceVersion => SourceVersions,
        AccessLogEntry => AccessLog,
        _ => throw new ArgumentException($"{row.GetType().Name} is in no ledger chain.", nameof(row)),
    };
}
