using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Pushing;

/// <summary>A record the server rejected: where it is in its source, its key, and the rules it broke.</summary>
/// <param name="Index">Zero-based position of the record in its source (file or data set); shown counted from 1.</param>
/// <param name="Line">The line (JSON Lines) or spreadsheet row the record starts on; 0 for records not from a file.</param>
internal sealed record Rejection(
    string Source, long Index, int Line, string SourceKey, IReadOnlyList<Google.Rpc.BadRequest.Types.FieldViolation> Violations);

/// <summary>What pushing one source (a file, or a department's share of a data set) did.</summary>
internal sealed class PushReport(string source)
{
    /// <summary>How many rejections a report keeps to show; the counts cover them all.</summary>
    public const int RejectionsKept = 10;

    private readonly List<Rejection> rejections = [];
    private readonly List<string> batchIds = [];

    public string Source { get; } = source;

    public long Records { get; private set; }

    public int BatchesSent { get; private set; }

    /// <summary>Batches the server already held (an earlier push of the same content), not sent again.</summary>
    public int BatchesSkipped { get; private set; }

    public long Accepted { get; private set; }

    public long Unchanged { get; private set; }

    public long Rejected { get; private set; }

    public IReadOnlyList<Rejection> Rejections => rejections;

    public IReadOnlyList<string> BatchIds => batchIds;

    /// <summary>Counts a batch's outcome, from its acknowledgement or as GetBatch found it stored.</summary>
    public void Add(Batch batch, bool skipped, long firstIndex, IReadOnlyList<Files.LocatedRecord> records)
    {
        batchIds.Add(batch.BatchId);
        if (skipped)
        {
            BatchesSkipped++;
        }
        else
        {
            BatchesSent++;
        }
        Records += records.Count;
        Accepted += batch.AcceptedCount;
        Unchanged += batch.UnchangedCount;
        Rejected += batch.RejectedCount;
        foreach (var result in batch.Results.Where(r => r.Outcome == RecordOutcome.Rejected).OrderBy(r => r.Index))
        {
            if (rejections.Count >= RejectionsKept)
            {
                break;
            }
            var line = result.Index >= 0 && result.Index < records.Count ? records[result.Index].Line : 0;
            rejections.Add(new Rejection(Source, firstIndex + result.Index, line, result.SourceKey, [.. result.Violations]));
        }
    }
}

/// <summary>The connection to the server was lost during a push; <see cref="Report"/> holds what it acknowledged before.</summary>
internal sealed class PushStoppedException(PushReport report, Exception cause)
    : Exception($"The connection to the server was lost after {report.BatchIds.Count} batches of {report.Source}.", cause)
{
    public PushReport Report { get; } = report;
}
