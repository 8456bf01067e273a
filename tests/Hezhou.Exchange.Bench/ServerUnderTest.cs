using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Hezhou.Exchange.Testing;

namespace Hezhou.Exchange.Bench;

/// <summary>
/// A process the benchmark drives over loopback: the real server on a fresh SQLite store, or the benchmark's own
/// transport sink, started by the tests' <see cref="ServerProcess"/> (which reads the address Kestrel bound and kills
/// the process when disposed), with what the benchmark reads of it: CPU time, threads, memory and the server's metrics.
/// </summary>
internal sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly ServerProcess process;

    private ServerUnderTest(ServerProcess process) => this.process = process;

    public Uri Address => process.Address;

    public int ProcessId => process.ProcessId;

    /// <summary>
    /// The real server, Release build, as deployed (the Production environment: no developer exception page, no
    /// checking of every service resolved against its scope), on a new store in <paramref name="folder"/>. It knows the
    /// benchmark's keys by their SHA-256, as a deployment is given its departments' keys.
    /// </summary>
    public static async Task<ServerUnderTest> StartServerAsync(string folder)
    {
        var settings = new Dictionary<string, string>();
        var keys = BenchKeys.Departments.Select(d => (Role: "Department", Department: d.Department.ToString(), d.Key))
            .Append((Role: "Auditor", Department: "", Key: BenchKeys.Auditor))
            .ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            var (role, department, key) = keys[i];
            var prefix = $"Auth:ApiKeys:{i}:";
            settings[prefix + "Name"] = $"bench-{i}";
            settings[prefix + "Role"] = role;
            if (department.Length > 0)
            {
                settings[prefix + "Department"] = department;
            }
            settings[prefix + "KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }
        // The figures are of the service, not of the per-principal rate limit a deployment sets.
        settings["RateLimits:Enabled"] = "false";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information";
        return new(await ServerProcess.StartAsync(
            settings: settings, databasePath: Path.Combine(folder, "exchange.db"), environment: "Production", echo: Log));
    }

    /// <summary>This program in sink mode: a server whose StreamRecords only counts what arrives.</summary>
    public static async Task<ServerUnderTest> StartSinkAsync() =>
        new(await ServerProcess.StartAsync(
            url: null, environment: "Production", echo: Log, program: "Hezhou.Exchange.Bench.dll", arguments: TransportSink.Mode));

    /// <summary>
    /// HEZHOU_BENCH_SERVER_LOG names a file to which the server's output is appended, to see what it did during a run.
    /// </summary>
    private static TextWriter? Log => Environment.GetEnvironmentVariable("HEZHOU_BENCH_SERVER_LOG") is { Length: > 0 } logPath
        ? TextWriter.Synchronized(new StreamWriter(logPath, append: true) { AutoFlush = true })
        : null;

    /// <summary>The CPU time the process has used so far, user and system, over all its threads.</summary>
    public TimeSpan ProcessorTime() => process.ProcessorTime();

    /// <summary>
    /// The CPU time the server's threads of this name have used so far, user and system, from /proc/&lt;pid&gt;/task (Linux
    /// only; NaN elsewhere). A thread that has ended is no longer counted, so read it across a load its thread outlives.
    /// </summary>
    public double ThreadProcessorMilliseconds(string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }
        var ticks = 0L;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{ProcessId}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') != name)
                {
                    continue;
                }
                // The fields after the name, which is in parentheses and may hold spaces: utime and stime are the 14th
                // and 15th of the whole line, the 12th and 13th after the name.
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The thread ended between listing and reading.
            }
        }
        return ticks * 1000.0 / SysConf(SysConfClockTicksPerSecond);
    }

    /// <summary>
    /// The access log's totals so far, from the server's metrics (/metrics): each read's wait for its entries to be
    /// committed (the wait histogram's sum and count), the group commits, and the entries they wrote.
    /// </summary>
    public async Task<AccessLogTotals> AccessLogTotalsAsync()
    {
        using var client = new HttpClient
        {
            BaseAddress = Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        // Lines are "name{labels} value [timestamp]" or "name value [timestamp]"; only the access log's are read.
        var samples = (await client.GetStringAsync("/metrics")).Split('\n')
            .Where(line => line.StartsWith("exchange_access_log_", StringComparison.Ordinal))
            .ToLookup(
                line => line[..line.IndexOfAny(['{', ' '])],
                line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        return new AccessLogTotals(
            samples["exchange_access_log_wait_seconds_sum"].Sum(),
            samples["exchange_access_log_wait_seconds_count"].Sum(),
            samples["exchange_access_log_commits_total"].Sum(),
            samples["exchange_access_log_entries_total"].Sum());
    }

    /// <summary>sysconf's name (_SC_CLK_TCK) for the clock ticks per second that /proc counts CPU time in.</summary>
    private const int SysConfClockTicksPerSecond = 2;

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);

    /// <summary>The most memory the process has had resident since it started (VmHWM), in bytes.</summary>
    public long PeakWorkingSetBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
            }
        }
        throw new InvalidOperationException("The kernel reported no VmHWM for the server process.");
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}

/// <summary>The access log's totals as the server's metrics count them; the difference of two readings is a window's.</summary>
internal sealed record AccessLogTotals(double WaitSeconds, double Reads, double Commits, double Entries)
{
    public static AccessLogTotals operator -(AccessLogTotals after, AccessLogTotals before) => new(
        after.WaitSeconds - before.WaitSeconds, after.Reads - before.Reads,
        after.Commits - before.Commits, after.Entries - before.Entries);

    /// <summary>How long a read waited for its entries, on average, in milliseconds; NaN when none was logged.</summary>
    public double WaitMillisecondsPerRead => Reads > 0 ? WaitSeconds * 1000 / Reads : double.NaN;

    /// <summary>How many entries each group commit wrote, on average; NaN when none was committed.</summary>
    public double EntriesPerCommit => Commits > 0 ? Entries / Commits : double.NaN;
}
