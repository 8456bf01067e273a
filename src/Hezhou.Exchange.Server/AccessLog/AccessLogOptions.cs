namespace Hezhou.Exchange.Server.AccessLog;

/// <summary>The "AccessLog" section: how the access log's index by subject follows the log (<see cref="Storage.AccessLogIndex"/>).</summary>
public sealed class AccessLogOptions
{
    public const string SectionName = "AccessLog";

    /// <summary>
    /// Entries indexed by subject in one transaction, at least 1. The writer indexes once this many entries are
    /// unindexed, or after a second without reads; a look-up by subject scans the unindexed tail, about this long under
    /// load. Larger batches write each index page once for more entries, and hold the next reads back a little longer.
    /// </summary>
    public int IndexBatch { get; set; } = 4_096;

    /// <summary>Stops the server at start on a batch that cannot index anything.</summary>
    public static AccessLogOptions Validated(AccessLogOptions options) =>
        options.IndexBatch >= 1
            ? options
            : throw new InvalidOperationException($"AccessLog:IndexBatch must be at least 1 (it is {options.IndexBatch}).");
}
