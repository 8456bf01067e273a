using System.Diagnostics;
using Grpc.Health.V1;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Bench;

/// <summary>
/// dotnet run -c Release --project tests/Hezhou.Exchange.Bench -- [quick|full]
/// Starts the real server on fresh SQLite stores, drives it over loopback through the generated client, and measures
/// each figure of docs/BENCHMARKS.md beside its ceiling in the same run. "smoke &lt;folder&gt;" runs the quick figures on
/// a small slice with one-second query loads and writes its results to the folder: the test suite runs it so that
/// the benchmark keeps working. "queries &lt;scale&gt; &lt;folder&gt;" measures only the query loads, on a store it keeps
/// in the folder: the first run ingests the data set there, later runs reuse it, so query work can be measured (and
/// profiled) again in a minute rather than after a fresh ingest. "--results FILE" names the JSON Lines file the run's
/// line is appended to: by default results/results.jsonl of the project, or results.jsonl in the smoke folder, so that
/// the test suite's smoke runs never add to the project's record of runs.
/// </summary>
internal static class BenchProgram
{
    private const int CorrectionRecords = 1_000;
    private const int CorrectionRounds = 3;
    private const double MemoryLimitBytes = 512.0 * 1024 * 1024;
    private const int SmokeRecordsPerDepartment = 1_500;
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromMinutes(90);

    /// <summary>
    /// Rounds of the health check and GetPerson, measured in turn. The machine's speed drifts over minutes (the same load
    /// on the same store has run far slower a few minutes later), and a ratio of two loads measured apart carries
    /// that drift; the two loads of a round are seconds apart, and the figures are those of the round with the median
    /// ratio.
    /// </summary>
    private const int CeilingRounds = 3;

    private static async Task<int> Main(string[] args)
    {
        var resultsFile = TakeOption(ref args, "--results");
        var mode = args.FirstOrDefault() ?? "quick";
        if (mode == TransportSink.Mode)
        {
            await TransportSink.RunAsync();
            return 0;
        }
        if (mode == "queries" && args.Length == 3 && int.TryParse(args[1], out var queryScale) && queryScale > 0)
        {
            return await QueriesOnKeptStoreAsync(queryScale, Path.GetFullPath(args[2]));
        }
        if (mode is not ("quick" or "full" or "smoke") || (mode == "smoke" && args.Length < 2))
        {
            await Console.Error.WriteLineAsync("usage: Hezhou.Exchange.Bench [quick|full|smoke <folder>|queries <scale> <folder>] [--results FILE]");
            return 2;
        }
        var smoke = mode == "smoke";
        var queryDuration = TimeSpan.FromSeconds(smoke ? 1 : 10);

        var folder = Directory.CreateTempSubdirectory("hezhou-bench-").FullName;
        var report = new Report(mode);
        var clock = Stopwatch.StartNew();
        try
        {
            var workload = Workload.Build(1, "bench1", smoke ? SmokeRecordsPerDepartment : int.MaxValue);
            var scale1 = await IngestAsync(report, workload, folder, withCeilings: true);
            await using (scale1.Server)
            {
                var delta1 = await DeltaAsync(scale1);
                report.Add(new Figure("delta (scale 1)", delta1.TotalSeconds, "s", double.NaN, "—", "—"));
                if (mode != "full")
                {
                    await QueriesAsync(report, scale1, "scale 1", queryDuration);
                }

                if (mode == "full")
                {
                    await using var scale10 = await IngestAsync(report, Workload.Build(10, "bench10"), folder, withCeilings: false);
                    report.Add(new Figure("scale (scale 10 ingest)", scale10.Timing.RecordsPerSecond, "records/s",
                        scale1.Timing.RecordsPerSecond, "scale-1 ingest", "≥ 0.8"));
                    report.Add(new Figure("memory (scale 10 ingest)", scale10.Server.PeakWorkingSetBytes() / 1048576.0, "MB",
                        MemoryLimitBytes / 1048576.0, "limit", "≤ 1"));
                    var delta10 = await DeltaAsync(scale10);
                    report.Add(new Figure("delta (scale 10)", delta10.TotalSeconds, "s", 2 * delta1.TotalSeconds,
                        "2 × scale-1 delta", "≤ 1"));
                    await QueriesAsync(report, scale10, "scale 10", queryDuration);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, " +
            $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
        var results = smoke ? args[1] : Path.Combine(ProjectFolder(), "results");
        resultsFile ??= Path.Combine(results, "results.jsonl");
        await report.WriteAsync(results, machine, clock.Elapsed);
        await report.AppendRunAsync(resultsFile, "dotnet run -c Release --project tests/Hezhou.Exchange.Bench -- " + string.Join(' ', args), machine, clock.Elapsed);
        Console.WriteLine($"Wrote {Path.Combine(results, "latest.json")} and latest.md, and appended the run to {resultsFile}, in {clock.Elapsed.TotalMinutes:N1} min.");
        return 0;
    }

    private static async Task<int> QueriesOnKeptStoreAsync(int scale, string folder)
    {
        var workload = Workload.Build(scale, $"bench{scale}");
        var report = new Report("queries");
        Ingested ingested;
        if (File.Exists(Path.Combine(folder, "exchange.db")))
        {
            Console.WriteLine($"scale {scale}: reusing the store in {folder}");
            ingested = new Ingested(workload, await ServerUnderTest.StartServerAsync(folder), new PushTiming(default, default, 0));
        }
        else
        {
            Directory.CreateDirectory(folder);
            Console.WriteLine($"scale {scale}: {workload.Records:N0} records into {folder}, kept for later runs");
            var server = await ServerUnderTest.StartServerAsync(folder);
            var timing = await Pushing.PushAsync(server.Address, workload, untilReconciled: true, IngestTimeout);
            Console.WriteLine($"  acknowledged in {timing.Acknowledged.TotalSeconds:N1} s, reconciled in {timing.Reconciled.TotalSeconds:N1} s");
            ingested = new Ingested(workload, server, timing);
        }
        await using (ingested)
        {
            Console.WriteLine($"  server pid {ingested.Server.ProcessId}");
            await QueriesAsync(report, ingested, $"scale {scale}", TimeSpan.FromSeconds(10));
        }
        return 0;
    }

    /// <summary>A server that has ingested and reconciled one workload, with what that took.</summary>
    private sealed record Ingested(Workload Workload, ServerUnderTest Server, PushTiming Timing) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    private static async Task<Ingested> IngestAsync(Report report, Workload workload, string folder, bool withCeilings)
    {
        var label = $"scale {workload.Scale}";
        Console.WriteLine($"{label}: {workload.Records:N0} records, {workload.Bytes / 1048576.0:N0} MB of messages");
        double storage = double.NaN, transport = double.NaN;
        if (withCeilings)
        {
            storage = await StorageCeiling.RowsPerSecondAsync(workload, Directory.CreateDirectory(Path.Combine(folder, "ceiling")).FullName);
            report.Add(new Figure($"storage ceiling ({label})", storage, "rows/s", double.NaN, "prepared insert", "—"));
            await using (var sink = await ServerUnderTest.StartSinkAsync())
            {
                transport = (await Pushing.PushAsync(sink.Address, workload, untilReconciled: false, IngestTimeout)).RecordsPerSecond;
            }
            report.Add(new Figure($"transport ceiling ({label})", transport, "records/s", double.NaN, "counting sink", "—"));
        }

        var store = Directory.CreateDirectory(Path.Combine(folder, $"store{workload.Scale}"));
        var server = await ServerUnderTest.StartServerAsync(store.FullName);
        var timing = await Pushing.PushAsync(server.Address, workload, untilReconciled: true, IngestTimeout);
        Console.WriteLine($"  acknowledged in {timing.Acknowledged.TotalSeconds:N1} s, reconciled in {timing.Reconciled.TotalSeconds:N1} s");
        report.Add(new Figure($"store size ({label})", store.EnumerateFiles().Sum(f => f.Length) / 1048576.0, "MB",
            double.NaN, "—", "—"));
        if (withCeilings)
        {
            var lower = Math.Min(storage, transport);
            report.Add(new Figure($"ingest ({label})", timing.RecordsPerSecond, "records/s", lower,
                lower == storage ? "storage ceiling" : "transport ceiling", "≥ 0.5"));
            report.Add(new Figure($"memory ({label} ingest)", server.PeakWorkingSetBytes() / 1048576.0, "MB",
                MemoryLimitBytes / 1048576.0, "limit", "≤ 1"));
        }
        else
        {
            report.Add(new Figure($"ingest ({label})", timing.RecordsPerSecond, "records/s", double.NaN, "—", "—"));
        }
        return new Ingested(workload, server, timing);
    }

    /// <summary>The median time of a few 1,000-record correction batches, each until reconciled.</summary>
    private static async Task<TimeSpan> DeltaAsync(Ingested ingested)
    {
        var times = new List<TimeSpan>();
        for (var round = 1; round <= CorrectionRounds; round++)
        {
            var correction = ingested.Workload.Correction($"correction-{round}", Math.Min(CorrectionRecords, ingested.Workload.Employments.Count), round);
            times.Add(await Pushing.SubmitUntilReconciledAsync(
                ingested.Server.Address, BenchKeys.KeyOf(Department.HumanResources), correction, IngestTimeout));
        }
        return times.Order().ElementAt(times.Count / 2);
    }

    private static async Task QueriesAsync(Report report, Ingested ingested, string label, TimeSpan duration)
    {
        var server = ingested.Server;
        var persons = ingested.Workload.CitizenIds;
        var households = ingested.Workload.HouseholdIds;
        const string Purpose = "benchmark: closed-loop load";

        Task<QueryResult> Load(string method, Func<BenchChannel, Random, Task> call) =>
            QueryLoad.RunAsync(method, server, BenchKeys.Auditor, duration, call);

        var rounds = new List<(QueryResult Health, QueryResult Person)>();
        for (var round = 1; round <= CeilingRounds; round++)
        {
            var healthRound = await Load("Health.Check", (c, _) => c.Health.CheckAsync(new HealthCheckRequest()).ResponseAsync);
            var personRound = await Load("GetPerson", (c, r) => c.Audit.GetPersonAsync(
                new GetPersonRequest { CitizenId = persons[r.Next(persons.Count)], Purpose = Purpose }).ResponseAsync);
            rounds.Add((healthRound, personRound));
            Console.WriteLine($"  round {round} of {CeilingRounds} ({label}): health check {healthRound.RequestsPerSecond:N0} req/s " +
                $"({healthRound.ServerCpuMillisecondsPerCall:N3} ms server and {healthRound.ClientCpuMillisecondsPerCall:N3} ms client CPU per call), " +
                $"GetPerson {personRound.RequestsPerSecond:N0} req/s ({personRound.ServerCpuMillisecondsPerCall:N3} ms and " +
                $"{personRound.ClientCpuMillisecondsPerCall:N3} ms, access-log wait {personRound.AccessLog.WaitMillisecondsPerRead:N2} ms " +
                $"in commits of {personRound.AccessLog.EntriesPerCommit:N1}), ratio {personRound.RequestsPerSecond / healthRound.RequestsPerSecond:N3}");
        }
        var (health, person) = rounds.OrderBy(r => r.Person.RequestsPerSecond / r.Health.RequestsPerSecond).ElementAt(rounds.Count / 2);
        report.Add(new Figure($"Health.Check rps ({label})", health.RequestsPerSecond, "req/s", double.NaN, "—", "—"));
        report.Add(new Figure($"Health.Check server CPU per call ({label})", health.ServerCpuMillisecondsPerCall, "ms", double.NaN, "—", "—"));
        report.Add(new Figure($"Health.Check client CPU per call ({label})", health.ClientCpuMillisecondsPerCall, "ms", double.NaN, "—", "—"));

        void Record(QueryResult result, bool judgeThroughput, bool logsReads)
        {
            var method = result.Method;
            report.Add(new Figure($"{method} rps ({label})", result.RequestsPerSecond, "req/s", health.RequestsPerSecond,
                "health check", judgeThroughput ? "≥ 0.5" : "—"));
            report.Add(new Figure($"{method} p50 ({label})", result.P50Milliseconds, "ms", double.NaN, "—", "—"));
            report.Add(new Figure($"{method} p99 ({label})", result.P99Milliseconds, "ms",
                method == "GetStatistics" ? 50 : double.NaN, method == "GetStatistics" ? "limit" : "—",
                method == "GetStatistics" ? "≤ 1" : "—"));
            report.Add(new Figure($"{method} server CPU per call ({label})", result.ServerCpuMillisecondsPerCall, "ms",
                double.NaN, "—", "—"));
            report.Add(new Figure($"{method} client CPU per call ({label})", result.ClientCpuMillisecondsPerCall, "ms",
                double.NaN, "—", "—"));
            if (logsReads)
            {
                report.Add(new Figure($"{method} access-log writer CPU per call ({label})", result.AccessLogCpuMillisecondsPerCall, "ms",
                    double.NaN, "—", "—"));
                report.Add(new Figure($"{method} access-log wait per read ({label})", result.AccessLog.WaitMillisecondsPerRead, "ms",
                    double.NaN, "—", "—"));
                report.Add(new Figure($"{method} access-log entries per commit ({label})", result.AccessLog.EntriesPerCommit, "entries",
                    double.NaN, "—", "—"));
            }
        }

        Record(person, judgeThroughput: true, logsReads: true);
        Record(await Load("GetHousehold", (c, r) => c.Audit.GetHouseholdAsync(
                new GetHouseholdRequest { HouseholdId = households[r.Next(households.Count)], Purpose = Purpose }).ResponseAsync),
            judgeThroughput: false, logsReads: true);
        Record(await Load("ListDiscrepancies", (c, _) => c.Audit.ListDiscrepanciesAsync(
                new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", PageSize = 50 }).ResponseAsync),
            judgeThroughput: false, logsReads: false);
        Record(await Load("GetStatistics", (c, _) => c.Audit.GetStatisticsAsync(new GetStatisticsRequest()).ResponseAsync),
            judgeThroughput: false, logsReads: false);
    }

    /// <summary>Removes "NAME VALUE" from the arguments and returns VALUE, or null when the option is not given.</summary>
    private static string? TakeOption(ref string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0 || at + 1 >= args.Length)
        {
            return null;
        }
        var value = Path.GetFullPath(args[at + 1]);
        args = [.. args[..at], .. args[(at + 2)..]];
        return value;
    }

    private static string ProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Hezhou.Exchange.Bench.csproj")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmark from its project: dotnet run -c Release --project tests/Hezhou.Exchange.Bench");
    }
}
