using Xunit.Abstractions;

namespace Hezhou.Exchange.Reliability;

[Collection(ReliabilityCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    /// <summary>
    /// The crash trials of docs/RELIABILITY.md on a slice of the default data set: ten seeded trials, each killing the
    /// server once or twice (SIGKILL) while the three departments stream and the reconciler works, and restarting it on
    /// the same file. Every trial's store equals the uninterrupted run's: no record lost, none stored twice, the quarantine
    /// intact. The whole data set runs with the command in docs/RELIABILITY.md.
    /// </summary>
    [Fact]
    public async Task StreamRecords_ServerKilledAndRestarted_StoreEqualsUninterruptedRun()
    {
        var trials = new CrashTrials(
            TrialData.Slice(), trials: 10, seed: 6, maxKillsPerTrial: 2, trialTimeout: TimeSpan.FromMinutes(5), log: output.WriteLine);

        var report = await trials.RunAsync();

        output.WriteLine(report.Summary);
        Assert.All(report.Trials, trial => Assert.True(trial.Equal, trial.ToString()));
        Assert.All(report.Trials, trial => Assert.NotEmpty(trial.Run.Kills));
        Assert.Equal(0, report.RecordsLost);
        Assert.Equal(0, report.RecordsDoubled);
        Assert.NotEmpty(report.Baseline.Snapshot.Quarantine);
        Assert.True(report.Baseline.Snapshot.OpenDiscrepancies > 0, "The slice holds no discrepancy to compare.");
    }
}
