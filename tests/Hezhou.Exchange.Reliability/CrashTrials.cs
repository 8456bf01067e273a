using System.Diagnostics;

namespace Hezhou.Exchange.Reliability;

/// <summary>
/// Crash trials: the real server process takes the three departments' records, pushed at once, and is killed with
/// SIGKILL at random points, started again on the same SQLite file, and the departments' systems carry on with the same
/// batch ids (a batch the server already holds is found by GetBatch and skipped). Once every batch is reconciled, the
/// store must hold exactly what an uninterrupted run of the same records leaves: the same reconciled store and
/// discrepancies, every source version once, the same batches, the same quarantine byte for byte.
/// </summary>
/// <remarks>
/// Where each kill falls is drawn from <paramref name="seed"/>: 1 to <paramref name="maxKillsPerTrial"/> kills a trial, each a random delay after a
/// random point of the push (the n-th stream message written, counting messages sent again) or, for some last kills,
/// after the reconciler is seen at work once every batch is acknowledged. What the server was doing at that instant
/// depends on the machine; the report says (streams open, batches stored, entries queued for the reconciler).
/// </remarks>
public sealed class CrashTrials(
    TrialData data, int trials, int seed, int maxKillsPerTrial, TimeSpan trialTimeout, Action<string> log)
{
    /// <summary>Runs the uninterrupted run, then every trial; never throws for a difference, the report lists it.</summary>
    public async Task<CrashReport> RunAsync()
    {
        var messages = data.Departments.Sum(d => d.Records().Chunk(d.RecordsPerBatch)
            .Sum(batch => (batch.Length + data.RecordsPerMessage - 1) / data.RecordsPerMessage));
        log($"Data: {data.Description}; {data.RecordCount:N0} records (" +
            string.Join(", ", data.Departments.Select(d =>
                $"{d.Name} {d.Records().Count():N0} in {d.Records().Chunk(d.RecordsPerBatch).Count():N0} batches")) +
            $"), {messages:N0} stream messages.");

        var baseline = await RunOnceAsync([]);
        log($"Uninterrupted run: {baseline.Duration.TotalSeconds:N1} s, {baseline.Snapshot.Versions.Count:N0} versions, " +
            $"{baseline.Snapshot.Batches.Count:N0} batches, {baseline.Snapshot.Quarantine.Count:N0} quarantined, " +
            $"{baseline.Snapshot.OpenDiscrepancies:N0} open discrepancies, digest {baseline.Snapshot.ReconciledDigest[..16]}.");

        var results = new List<TrialResult>();
        for (var trial = 1; trial <= trials; trial++)
        {
            var random = new Random(seed * 1_000 + trial);
            var plan = KillPlan(random, messages, maxKillsPerTrial);
            var run = await RunOnceAsync(plan);
            var result = new TrialResult(trial, run, run.Snapshot.DifferencesFrom(baseline.Snapshot));
            results.Add(result);
            log(result.ToString());
        }
        return new CrashReport(data, seed, baseline, results);
    }

    /// <summary>1 to <paramref name="maxKills"/> kills: each after a random stream message, the last sometimes once the reconciler is at work.</summary>
    private static List<PlannedKill> KillPlan(Random random, long messages, int maxKills)
    {
        var count = random.Next(1, maxKills + 1);
        var anchors = Enumerable.Range(0, count).Select(_ => random.NextInt64(1, messages + 1)).Order().ToList();
        var plan = anchors.Select(m => new PlannedKill(m, TimeSpan.FromMilliseconds(random.Next(0, 250)))).ToList();
        if (count > 1 && random.Next(2) == 0)
        {
            plan[^1] = new PlannedKill(null, TimeSpan.FromMilliseconds(random.Next(0, 1_000)));
        }
        return plan;
    }

    private async Task<RunResult> RunOnceAsync(IReadOnlyList<PlannedKill> plan)
    {
        var databasePath = TestPaths.NewDatabasePath();
        try
        {
            await using var server = await RestartableServer.StartAsync(databasePath);
            using var timeout = new CancellationTokenSource(trialTimeout);
            var progress = new TrialProgress();
            var pushers = data.Departments.Select(d => new DepartmentPusher(d, data, server, progress)).ToList();
            var clock = Stopwatch.StartNew();
            var clients = RunClientsAsync(pushers, progress, timeout.Token);

            var kills = new List<Kill>();
            foreach (var planned in plan)
            {
                var anchor = planned.AfterMessage is { } message ? progress.WhenMessagesSent(message) : progress.WhenReconciling;
                if (await Task.WhenAny(anchor, clients) != anchor)
                {
                    break;
                }
                await Task.Delay(planned.Delay, timeout.Token);
                var openStreams = progress.OpenStreams;
                var acknowledged = progress.BatchesAcknowledged;
                await server.KillAsync();
                var (batches, versions, queued) = await StoreSnapshot.ReadKilledAsync(databasePath);
                kills.Add(new Kill(planned, clock.Elapsed, openStreams, acknowledged, progress.AllPushed, batches, versions, queued));
                await server.RestartAsync();
            }

            try
            {
                await clients.WaitAsync(trialTimeout, timeout.Token);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                throw new TimeoutException($"The run did not finish within {trialTimeout}.\n{server.Output}", e);
            }
            var duration = clock.Elapsed;
            await server.KillAsync();
            return new RunResult(
                duration, kills, server.CallsRepeated, pushers.Sum(p => p.BatchesFoundStored), await StoreSnapshot.ReadAsync(databasePath));
        }
        finally
        {
            TestPaths.DeleteDatabase(databasePath);
        }
    }

    private static async Task RunClientsAsync(List<DepartmentPusher> pushers, TrialProgress progress, CancellationToken cancellationToken)
    {
        await Task.WhenAll(pushers.Select(p => p.PushAsync(cancellationToken)));
        progress.EveryBatchPushed();
        await Task.WhenAll(pushers.Select(p => p.WaitUntilReconciledAsync(TimeSpan.FromMinutes(30), cancellationToken)));
    }
}

/// <summary>A kill to make: a delay after the n-th stream message, or (null) after the reconciler is seen at work.</summary>
public sealed record PlannedKill(long? AfterMessage, TimeSpan Delay)
{
    public override string ToString() => AfterMessage is { } message
        ? $"{Delay.TotalMilliseconds:N0} ms after message {message:N0}"
        : $"{Delay.TotalMilliseconds:N0} ms after the reconciler was seen at work";
}

/// <summary>A kill made, and what the killed server's store held at that instant.</summary>
public sealed record Kill(
    PlannedKill Plan,
    TimeSpan At,
    int OpenStreams,
    int BatchesAcknowledged,
    bool AllPushed,
    int BatchesStored,
    int VersionsStored,
    int EntriesQueued)
{
    public bool MidStream => OpenStreams > 0;

    public bool WhileReconciling => EntriesQueued > 0;

    public override string ToString() =>
        $"killed at {At.TotalSeconds:N1} s ({Plan}): {OpenStreams} streams open, {BatchesStored:N0} batches and " +
        $"{VersionsStored:N0} versions stored, {EntriesQueued:N0} entries queued for the reconciler";
}

/// <summary>One run: how long it took, the kills, and the store it left.</summary>
public sealed record RunResult(TimeSpan Duration, IReadOnlyList<Kill> Kills, int CallsRepeated, int BatchesFoundStored, StoreSnapshot Snapshot);

public sealed record TrialResult(int Trial, RunResult Run, IReadOnlyList<string> Differences)
{
    public bool Equal => Differences.Count == 0;

    public override string ToString() =>
        $"Trial {Trial}: {Run.Kills.Count} kills in {Run.Duration.TotalSeconds:N1} s, {Run.CallsRepeated} calls made again, " +
        $"{Run.BatchesFoundStored} batches found stored; " +
        (Equal ? "store equal to the uninterrupted run's." : "DIFFERS: " + string.Join("; ", Differences)) +
        string.Concat(Run.Kills.Select(k => "\n  " + k));
}

/// <summary>The figures of a set of crash trials.</summary>
public sealed record CrashReport(TrialData Data, int Seed, RunResult Baseline, IReadOnlyList<TrialResult> Trials)
{
    public int Kills => Trials.Sum(t => t.Run.Kills.Count);

    public int KillsMidStream => Trials.Sum(t => t.Run.Kills.Count(k => k.MidStream));

    public int KillsWhileReconciling => Trials.Sum(t => t.Run.Kills.Count(k => k.WhileReconciling));

    public int KillsAfterEveryBatch => Trials.Sum(t => t.Run.Kills.Count(k => k.AllPushed));

    public int TrialsEqual => Trials.Count(t => t.Equal);

    /// <summary>Source versions and quarantined records of the uninterrupted run missing from a trial's store, over all trials.</summary>
    public int RecordsLost => Trials.Sum(t =>
        Baseline.Snapshot.Versions.Except(t.Run.Snapshot.Versions).Count()
        + Baseline.Snapshot.Quarantine.Except(t.Run.Snapshot.Quarantine).Count());

    /// <summary>Rows stored beyond the uninterrupted run's, over all trials.</summary>
    public int RecordsDoubled => Trials.Sum(t =>
        Math.Max(0, t.Run.Snapshot.Versions.Count - Baseline.Snapshot.Versions.Count)
        + Math.Max(0, t.Run.Snapshot.Quarantine.Count - Baseline.Snapshot.Quarantine.Count));

    public string Summary =>
        $"{Trials.Count} trials (seed {Seed}) of {Data.RecordCount:N0} records each: {Kills} kills " +
        $"({KillsMidStream} with streams open, {KillsWhileReconciling} with entries queued for the reconciler, " +
        $"{KillsAfterEveryBatch} after every batch was acknowledged); {TrialsEqual} of {Trials.Count} stores equal to " +
        $"the uninterrupted run's; records lost: {RecordsLost}, stored twice: {RecordsDoubled}.";
}
