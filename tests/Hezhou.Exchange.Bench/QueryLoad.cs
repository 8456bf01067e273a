using System.Diagnostics;
using Hezhou.Exchange.Server.AccessLog;
using Hezhou.Exchange.Server.Audit;

namespace Hezhou.Exchange.Bench;

/// <summary>Requests per second and latency percentiles of one method under a fixed number of concurrent callers.</summary>
internal sealed record QueryResult(
    string Method,
    double RequestsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    long Requests,
    double ServerCpuMillisecondsPerCall,
    double ClientCpuMillisecondsPerCall,
    double AccessLogCpuMillisecondsPerCall,
    AccessLogTotals AccessLog);

/// <summary>
/// Closed-loop load: each caller has its own channel and sends its next request when the last is answered, for a
/// fixed time. Every call must succeed; a failure ends the run, since a figure of failing calls would flatter.
/// </summary>
internal static class QueryLoad
{
    public const int Callers = 16;

    /// <summary>
    /// The load's figures, with the server's CPU time (user and system, all threads) per call: a figure that the
    /// machine's other work disturbs less than the rate, since it counts what a call costs rather than how soon it ran.
    /// Of that, the access log's writer thread's share: what writing the reads' entries costs, apart from the reads. And
    /// from the server's metrics, how long the reads waited for their entries to be committed, and how many entries
    /// shared a commit. The benchmark's own CPU time per call is the client's share of the same two cores: what the
    /// server and the client together leave unused of them is time the load waited.
    /// </summary>
    public static async Task<QueryResult> RunAsync(
        string method, ServerUnderTest server, string apiKey, TimeSpan duration, Func<BenchChannel, Random, Task> call)
    {
        var address = server.Address;
        // Warm up with the same load, uncounted: the first seconds pay for connections, JIT and tiered compilation,
        // which a server that has just started (the "queries" mode) has not yet paid. Half the load's time: under
        // GetPerson, perf showed the JIT still busy well into a shorter warm-up, and idle once half the load had passed.
        await LoopAsync(address, apiKey, duration / 2, call, seed: 1_000);

        var cpuBefore = server.ProcessorTime();
        var clientBefore = Environment.CpuUsage.TotalTime;
        var accessLogBefore = server.ThreadProcessorMilliseconds(AccessLogWriter.ThreadName);
        var totalsBefore = await server.AccessLogTotalsAsync();
        var stop = Stopwatch.StartNew();
        var latencies = await LoopAsync(address, apiKey, duration, call, seed: 0);
        var elapsed = stop.Elapsed.TotalSeconds;
        var cpu = server.ProcessorTime() - cpuBefore;
        var client = Environment.CpuUsage.TotalTime - clientBefore;
        var accessLog = server.ThreadProcessorMilliseconds(AccessLogWriter.ThreadName) - accessLogBefore;
        var totals = await server.AccessLogTotalsAsync() - totalsBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new QueryResult(method, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Length,
            cpu.TotalMilliseconds / all.Length, client.TotalMilliseconds / all.Length, accessLog / all.Length, totals);
    }

    /// <summary>
    /// Each caller's latencies, in milliseconds, of calls sent one after the other for the duration; each caller picks
    /// its requests with its own seeded random numbers, so a warm-up with another seed does not pre-read the same rows.
    /// </summary>
    private static Task<List<double>[]> LoopAsync(
        Uri address, string apiKey, TimeSpan duration, Func<BenchChannel, Random, Task> call, int seed)
    {
        var stop = Stopwatch.StartNew();
        return Task.WhenAll(Enumerable.Range(0, Callers).Select(async caller =>
        {
            using var channel = new BenchChannel(address, apiKey);
            var random = new Random(seed + caller + 1);
            var mine = new List<double>();
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await call(channel, random);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return mine;
        }));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
