using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Net.Client;

namespace Hezhou.Exchange.Testing;

/// <summary>
/// The real server as a separate process on Kestrel, bound to 127.0.0.1 on a free port, over its own SQLite file or
/// one it is given (as after a restart, or for a second replica). Disposing kills it, and deletes the file if it was
/// its own. The tests, the reliability runner and the benchmark all start the server through it.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output;
    private readonly bool ownsDatabase;

    private ServerProcess(Process process, Uri address, string databasePath, bool ownsDatabase, List<string> output)
    {
        this.process = process;
        Address = address;
        DatabasePath = databasePath;
        this.ownsDatabase = ownsDatabase;
        this.output = output;
    }

    public Uri Address { get; }

    public string DatabasePath { get; }

    /// <summary>Everything the server printed so far, standard output and error, line by line.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>Whether the process has ended (killed, or stopped by itself).</summary>
    public bool HasExited => process.HasExited;

    public int ProcessId => process.Id;

    /// <summary>The CPU time the process has used so far, user and system, over all its threads.</summary>
    public TimeSpan ProcessorTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <param name="url">Passed as --urls; null to pass none (e.g. when <paramref name="settings"/> holds Kestrel endpoints).</param>
    /// <param name="settings">More configuration, as "Section:Key" = value (passed as environment variables).</param>
    /// <param name="databasePath">An existing store to open, which the caller keeps; a fresh one of its own when null.</param>
    /// <param name="environment">The hosting environment: Development has the development keys; Production is as deployed.</param>
    /// <param name="echo">Also gets every line the process prints on standard output (e.g. a log file kept beside a run).</param>
    /// <param name="program">The assembly to run, from beside the caller's binaries: the server, or a stand-in for it.</param>
    public static async Task<ServerProcess> StartAsync(
        string? url = "http://127.0.0.1:0",
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? settings = null,
        string? databasePath = null,
        string environment = "Development",
        TextWriter? echo = null,
        string program = "Hezhou.Exchange.Server.dll",
        params string[] arguments)
    {
        var ownsDatabase = databasePath is null;
        databasePath ??= TestPaths.NewDatabasePath();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, program) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = environment,
                ["ConnectionStrings__Exchange"] = $"Data Source={databasePath}",
                ["Logging__Console__FormatterName"] = "simple",
            },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (url is not null)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(url);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            echo?.WriteLine(e.Data);
            lock (output)
            {
                output.Add(e.Data);
            }
            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var ready = await Task.WhenAny(listening.Task, exited, Task.Delay(timeout ?? TimeSpan.FromSeconds(60)));
        if (ready != listening.Task)
        {
            int? exitCode = process.HasExited ? process.ExitCode : null;
            // A server that did not listen in time is not left running.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            process.Dispose();
            if (ownsDatabase)
            {
                TestPaths.DeleteDatabase(databasePath);
            }
            lock (output)
            {
                throw new ServerDidNotStartException(string.Join('\n', output), exitCode);
            }
        }
        return new ServerProcess(process, await listening.Task, databasePath, ownsDatabase, output);
    }

    public GrpcChannel Channel(string? apiKey) =>
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            HttpHandler = new ApiKeyHandler(apiKey, new SocketsHttpHandler()),
        });

    /// <summary>A gRPC channel to the server through the given handler (e.g. one that presents a client certificate).</summary>
    public GrpcChannel Channel(HttpMessageHandler handler) =>
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = handler });

    /// <summary>
    /// Kills the process at once — SIGKILL on Linux, as a crash would: no shutdown, no rollback, nothing the process
    /// still held in its own buffers written — and waits until it is gone.
    /// </summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        if (ownsDatabase)
        {
            TestPaths.DeleteDatabase(DatabasePath);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>https?://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}

/// <summary>The server process exited, or was killed, before it listened; the message holds what it printed.</summary>
public sealed class ServerDidNotStartException(string output, int? exitCode = null)
    : Exception($"The server did not start listening (exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}):\n{output}")
{
    /// <summary>How the process ended; null if it had not ended.</summary>
    public int? ExitCode { get; } = exitCode;

    /// <summary>Everything it printed, standard output and error, line by line.</summary>
    public string Output { get; } = output;
}
