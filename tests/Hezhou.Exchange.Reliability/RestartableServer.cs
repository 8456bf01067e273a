using System.Collections.Concurrent;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Reliability;

/// <summary>
/// The real server, one process at a time, over one SQLite file that outlives it: killed, and started again on the same
/// file (on a new port). Clients reach whichever process is up through <see cref="CallAsync{T}"/>, which calls again
/// once the server is back when a kill broke the call, as a department's system retries after an outage.
/// </summary>
public sealed class RestartableServer : IAsyncDisposable
{
    /// <summary>How long a client waits for the server to come back before it gives up the trial.</summary>
    private static readonly TimeSpan RestartWait = TimeSpan.FromMinutes(3);

    private const int MaxAttemptsPerCall = 20;

    private readonly Lock sync = new();
    private readonly List<Incarnation> incarnations = [];
    private Incarnation current;
    private TaskCompletionSource<Incarnation> next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int callsRepeated;

    private RestartableServer(string databasePath, Incarnation first)
    {
        DatabasePath = databasePath;
        current = first;
        incarnations.Add(first);
    }

    public string DatabasePath { get; }

    /// <summary>Calls that a kill broke and that were made again once the server was back.</summary>
    public int CallsRepeated => Volatile.Read(ref callsRepeated);

    /// <summary>Everything every process printed, for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (sync)
            {
                return string.Join("\n", incarnations.Select(i => $"--- process {i.Generation} ---\n{i.Process.Output}"));
            }
        }
    }

    public static async Task<RestartableServer> StartAsync(string databasePath) =>
        new(databasePath, new Incarnation(1, await StartProcessAsync(databasePath)));

    /// <summary>Kills the running process (SIGKILL) and waits until it is gone; calls in flight break.</summary>
    public Task KillAsync()
    {
        lock (sync)
        {
            return current.Process.KillAsync();
        }
    }

    /// <summary>Starts a new process on the same file; clients waiting for it call again.</summary>
    public async Task RestartAsync()
    {
        var process = await StartProcessAsync(DatabasePath);
        TaskCompletionSource<Incarnation> restarted;
        Incarnation incarnation;
        lock (sync)
        {
            incarnation = current = new Incarnation(current.Generation + 1, process);
            incarnations.Add(incarnation);
            restarted = next;
            next = new TaskCompletionSource<Incarnation>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        restarted.SetResult(incarnation);
    }

    /// <summary>
    /// Makes a call on the running server. A call that breaks because the server went away (no answer from the service,
    /// only a broken connection or stream) is made again once the server is back; a store that asks to retry later
    /// (STORAGE_UNAVAILABLE) is asked again after a pause. Any other answer is the caller's.
    /// </summary>
    public async Task<T> CallAsync<T>(
        string apiKey, Func<SubmissionService.SubmissionServiceClient, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Incarnation incarnation;
            Task<Incarnation> restarted;
            lock (sync)
            {
                incarnation = current;
                restarted = next.Task;
            }
            try
            {
                return await call(incarnation.Submissions(apiKey));
            }
            catch (RpcException e) when (IsBrokenCall(e) && attempt < MaxAttemptsPerCall && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref callsRepeated);
                try
                {
                    await restarted.WaitAsync(RestartWait, cancellationToken);
                }
                catch (TimeoutException)
                {
                    throw new InvalidOperationException(
                        $"A call broke ({e.Status}) and the server was not started again within {RestartWait}: it stopped " +
                        $"answering without being killed.\n{Output}", e);
                }
            }
            catch (RpcException e) when (IsStorageUnavailable(e) && attempt < MaxAttemptsPerCall)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Incarnation> all;
        lock (sync)
        {
            all = [.. incarnations];
        }
        foreach (var incarnation in all)
        {
            incarnation.Dispose();
            await incarnation.Process.DisposeAsync();
        }
    }

    /// <summary>A failure with no answer from the service in it: the connection or the stream broke under the call.</summary>
    public static bool IsBrokenCall(RpcException e) =>
        e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled
        && e.GetRpcStatus()?.GetDetail<ErrorInfo>() is null;

    private static bool IsStorageUnavailable(RpcException e) =>
        e.StatusCode == StatusCode.Unavailable && e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason == "STORAGE_UNAVAILABLE";

    private static Task<ServerProcess> StartProcessAsync(string databasePath) =>
        ServerProcess.StartAsync(timeout: TimeSpan.FromMinutes(2), databasePath: databasePath);

    /// <summary>One process of the server, with a channel per API key.</summary>
    private sealed record Incarnation(int Generation, ServerProcess Process) : IDisposable
    {
        private readonly ConcurrentDictionary<string, GrpcChannel> channels = new();

        public SubmissionService.SubmissionServiceClient Submissions(string apiKey) =>
            new(channels.GetOrAdd(apiKey, key => Process.Channel(key)));

        public void Dispose()
        {
            foreach (var channel in channels.Values)
            {
                channel.Dispose();
            }
        }
    }
}
