using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Tests.Reconciliation;

public sealed class ReconcilerLifecycleTests
{
    [Fact]
    public async Task GetBatch_BeforeAndAfterReconciliation_ReportsReceivedThenReconciled()
    {
        var path = TestPaths.NewDatabasePath();
        try
        {
            await using (var stopped = new ExchangeApplication(
                new Dictionary<string, string?> { ["Reconciliation:Enabled"] = "false" }, path, FixedClock.MidYear2024))
            {
                var response = await stopped.Submissions(DevelopmentKeys.Relocation)
                    .SubmitBatchAsync(Records.Batch("reloc-1", [.. ReconciliationScenario.Relocation]), Deadlines.Call);
                var fetched = await stopped.Submissions(DevelopmentKeys.Relocation)
                    .GetBatchAsync(new GetBatchRequest { BatchId = "reloc-1" }, Deadlines.Call);

                Assert.Equal(BatchState.Received, response.Batch.State);
                Assert.Equal(BatchState.Received, fetched.Batch.State);
            }

            // The server restarts with the work still queued: it reconciles it without being told.
            await using var restarted = new ExchangeApplication(databasePath: path, clock: FixedClock.MidYear2024);
            await restarted.Submissions(DevelopmentKeys.Relocation).WaitUntilReconciledAsync("reloc-1");

            await using var store = restarted.OpenStore();
            Assert.Equal(0, await store.DirtyQueue.CountAsync());
            Assert.Equal(["HH-A", "HH-B", "HH-C"], await store.Households.Select(h => h.HouseholdId).OrderBy(h => h).ToListAsync());
            Assert.Equal(["S-R", "S-U"], await store.Sites.Select(s => s.SiteCode).OrderBy(s => s).ToListAsync());
        }
        finally
        {
            TestPaths.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task Reconcile_WithdrawnHousehold_RemovesItAndItsMembersBecomeUnheld()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await ScenarioRun.PushScenarioAsync(app);

        await app.Submissions(DevelopmentKeys.Relocation)
            .SubmitReconciledAsync("withdraw-1", Records.Withdrawal("HH-A", RecordKind.Household));

        await using var store = app.OpenStore();
        Assert.False(await store.Households.AnyAsync(h => h.HouseholdId == "HH-A"));
        // A1 and A3 have employment records but no household now; A2 is still held by HH-C.
        var a1 = await store.Persons.SingleAsync(p => p.CitizenId == ReconciliationScenario.A1);
        Assert.Null(a1.HouseholdId);
        Assert.Equal("HH-C", (await store.Persons.SingleAsync(p => p.CitizenId == ReconciliationScenario.A2)).HouseholdId);
        var open = await ScenarioRun.ListAllAsync(app, DiscrepancyStatus.Open);
        Assert.Contains(open, d => d.Key == $"unknown-person/{ReconciliationScenario.A1}/");
    }
}
