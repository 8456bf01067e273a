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

    /// <summary>
    /// Longest wait for a stream's next message (or its first, or its half-close); past it the stream fails with
    /// DEADLINE_EXCEEDED (STREAM_IDLE) and nothing of it is stored.
    /// </summary>
    public double StreamIdleTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Longest a client may take from opening a stream to half-closing it; past it the stream fails with
    /// RESOURCE_EXHAUSTED (STREAM_DURATION_EXCEEDED) and nothing of it is stored.
    /// </summary>
    public double MaxStreamDurationSeconds { get; set; } = 3_600;

    /// <summary>Refuses settings that would end every stream at once, when the server starts rather than per call.</summary>
    public SubmissionLimits Validated()
    {
        if (!(StreamIdleTimeoutSeconds > 0) || !(MaxStreamDurationSeconds > 0))
        {
            throw new InvalidOperationException(
                "Limits:StreamIdleTimeoutSeconds and Limits:MaxStreamDurationSeconds must be positive numbers of seconds.");
        }
        return this;
    }
}
