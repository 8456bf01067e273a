using CsCheck;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Reconciliation;

public sealed class OrderIndependenceTests
{
    private static readonly (string ApiKey, SubmissionRecord Record)[] AllRecords =
    [
        .. ReconciliationScenario.Relocation.Select(r => (DevelopmentKeys.Relocation, r)),
        .. ReconciliationScenario.HumanResources.Select(r => (DevelopmentKeys.HumanResources, r)),
        .. ReconciliationScenario.CivilAffairs.Select(r => (DevelopmentKeys.CivilAffairs, r)),
    ];

    [Fact]
    public async Task Reconcile_SameRecordsInAnyOrderAndBatches_GivesTheSameStoreAndDiscrepancies()
    {
        var expected = await DigestAfterAsync([[.. Enumerable.Range(0, AllRecords.Length)]], waitBetweenGroups: true);

        // Any permutation of the records, cut into consecutive groups of 1-6; each group goes out as one batch per
        // department, the departments' batches of a group concurrently; the reconciler either catches up between
        // groups or runs while later groups arrive.
        var runs = Gen.Shuffle(Enumerable.Range(0, AllRecords.Length).ToArray())
            .Select(Gen.Int[1, 6].Array[AllRecords.Length], Gen.Bool, (order, sizes, wait) => (Groups: Cut(order, sizes), Wait: wait));
        await runs.SampleAsync(
            async run => Assert.Equal(expected, await DigestAfterAsync(run.Groups, run.Wait)), iter: 12, threads: 1);
    }

    private static async Task<string> DigestAfterAsync(IReadOnlyList<int[]> groups, bool waitBetweenGroups)
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var sent = new List<(string ApiKey, string BatchId)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var batches = groups[g]
                .Select(i => AllRecords[i])
                .GroupBy(r => r.ApiKey)
                .Select(async department =>
                {
                    var client = app.Submissions(department.Key);
                    await client.SubmitBatchAsync(Records.Batch($"group-{g}", [.. department.Select(r => r.Record)]), Deadlines.Call);
                    if (waitBetweenGroups)
                    {
                        await client.WaitUntilReconciledAsync($"group-{g}");
                    }
                    return (department.Key, $"group-{g}");
                });
            sent.AddRange(await Task.WhenAll(batches));
        }
        foreach (var (apiKey, batchId) in sent)
        {
            await app.Submissions(apiKey).WaitUntilReconciledAsync(batchId);
        }
        await using var store = app.OpenStore();
        return await StoreDigest.ComputeAsync(store);
    }

    private static List<int[]> Cut(int[] order, int[] sizes)
    {
        var groups = new List<int[]>();
        for (int start = 0, s = 0; start < order.Length; start += sizes[s++])
        {
            groups.Add(order[start..Math.Min(order.Length, start + sizes[s])]);
        }
        return groups;
    }
}
