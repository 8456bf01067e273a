using Grpc.Core;
using Hezhou.Exchange.Server.Errors;

namespace Hezhou.Exchange.Server.Submissions;

/// <summary>
/// How long a client may take to send a stream: each message must come within Limits:StreamIdleTimeoutSeconds of the
/// last (or of the call's start), and the client must half-close within Limits:MaxStreamDurationSeconds of the start.
/// A stream held open ties up a call, its spool and a connection; these bound that for a sender that stalls or trickles.
/// </summary>
public sealed class StreamTimeouts : IDisposable
{
    private readonly TimeSpan idleTimeout;
    private readonly TimeSpan maxDuration;
    private readonly CancellationTokenSource idle;
    private readonly CancellationTokenSource duration;
    private readonly CancellationTokenSource either;

    public StreamTimeouts(SubmissionLimits limits, TimeProvider clock, CancellationToken callAborted)
    {
        idleTimeout = TimeSpan.FromSeconds(limits.StreamIdleTimeoutSeconds);
        maxDuration = TimeSpan.FromSeconds(limits.MaxStreamDurationSeconds);
        idle = new CancellationTokenSource(idleTimeout, clock);
        duration = new CancellationTokenSource(maxDuration, clock);
        either = CancellationTokenSource.CreateLinkedTokenSource(callAborted, idle.Token, duration.Token);
    }

    /// <summary>Cancelled when the client aborts the call or either limit passes.</summary>
    public CancellationToken Token => either.Token;

    /// <summary>Starts the wait for the next message afresh.</summary>
    public void MessageReceived() => idle.CancelAfter(idleTimeout);

    /// <summary>The status the call ends with if a limit has passed, else null (the client went away, say).</summary>
    public RpcException? Expired()
    {
        if (duration.IsCancellationRequested)
        {
            return ExchangeErrors.Create(
                Google.Rpc.Code.ResourceExhausted, ErrorReasons.StreamDurationExceeded,
                $"The stream was not half-closed within Limits:MaxStreamDurationSeconds ({maxDuration.TotalSeconds:0.###} s) " +
                "of its start; nothing of the batch was stored. Send it again, in smaller batches or faster.",
                new Dictionary<string, string>
                {
                    ["setting"] = "Limits:MaxStreamDurationSeconds",
                    ["limit_seconds"] = maxDuration.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
        }
        if (idle.IsCancellationRequested)
        {
            return ExchangeErrors.Create(
                Google.Rpc.Code.DeadlineExceeded, ErrorReasons.StreamIdle,
                $"No message of the stream arrived within Limits:StreamIdleTimeoutSeconds ({idleTimeout.TotalSeconds:0.###} s) " +
                "of the last; nothing of the batch was stored. Send it again with the same batch_id, and half-close the " +
                "stream once its last message is sent.",
                new Dictionary<string, string>
                {
                    ["setting"] = "Limits:StreamIdleTimeoutSeconds",
                    ["limit_seconds"] = idleTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
        }
        return null;
    }

    public void Dispose()
    {
        either.Dispose();
        idle.Dispose();
        duration.Dispose();
    }
}
