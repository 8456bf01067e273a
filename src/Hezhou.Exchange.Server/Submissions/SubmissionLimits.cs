namespace Hezhou.Exchange.Server.Submissions;

/// <summary>The "Limits" configuration section: bounds on what one call may carry.</summary>
public sealed class SubmissionLimits
{
    public const string SectionName = "Limits";

    /// <summary>Largest gRPC message accepted, in bytes; larger ones fail with RESOURCE_EXHAUSTED.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most records in one SubmitBatch call, or in one message of a stream.</summary>
    public int MaxRecordsPerBatch { get; set; } = 5_000;

    /// <summary>Most records in one streamed batch.</summary>
    public int MaxRecordsPerStream { get; set; } = 2_000_000;

    /// <summary>Records held in memory before they are written (within the batch's transaction).</summary>
    public int WriteChunkSize { get; set; } = 1_000;

    /// <summary>Most rejected results listed in a streamed batch's response; the rest are in quarantine.</summary>
    public int MaxListedRejections { get; set; } = 1_000;
}
