using Hezhou.Exchange.Cli.Connection;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Pushing;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.DataSet;
using Hezhou.Exchange.V1;
using Spectre.Console;

namespace Hezhou.Exchange.Cli.Demo;

/// <summary>What the demo found: the pushes, and the city's statistics as the service computed them.</summary>
internal sealed record DemoOutcome(
    IReadOnlyList<PushReport> Pushes, GetStatisticsResponse Statistics, IReadOnlyList<InjectedDiscrepancy> Injected)
{
    public bool MatchesSeedReport => Indicators.All.All(i => i.Seed is null || i.Value(Statistics) == i.Seed);
}

/// <summary>The store already holds households: the demo's figures would not be the data set's alone.</summary>
internal sealed class StoreNotEmptyException(Uri address) : Exception(
    $"the store behind {address} already holds households; the demo needs an empty store. Start the server on a "
    + "fresh database (e.g. --ConnectionStrings:Exchange=\"Data Source=demo.db\") and run the demo again.");

/// <summary>The server did not reconcile every batch in the time the demo allows.</summary>
internal sealed class ReconciliationTimeoutException(TimeSpan timeout, int waiting) : Exception(
    $"{waiting} batches were still not reconciled after {timeout.TotalSeconds:N0} s; pass a longer --timeout, or look at the server's log.");

/// <summary>
/// The service end to end, as the city would run it: the default data set (with the discrepancies
/// <paramref name="options"/> plants, if any) pushed by the three departments at once, each with its own key,
/// reconciled, then the city's statistics as of the seed report's date.
/// </summary>
internal sealed class CityDemo(Uri address, IAnsiConsole progressConsole, DataSetOptions options)
{
    public static readonly Google.Type.Date AsOf = new() { Year = 2023, Month = 12, Day = 31 };

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task<DemoOutcome> RunAsync(TimeSpan reconciliationTimeout, CancellationToken cancellationToken)
    {
        using var auditor = new ExchangeConnection(address, DemoDepartments.AuditorKey);
        var households = await auditor.Audit.ListHouseholdsAsync(new ListHouseholdsRequest { PageSize = 1 }, cancellationToken: cancellationToken);
        if (households.Households.Count > 0)
        {
            throw new StoreNotEmptyException(address);
        }

        var dataSet = progressConsole.Status().Start("Planning the city…", _ => DataSetGenerator.Generate(options));
        IReadOnlyList<PushReport> pushes = [];
        await progressConsole.Progress()
            .Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RecordsPerSecondColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var pushTasks = DemoDepartments.All.Select(department =>
                {
                    var task = progress.AddTask($"{department.FileName} → push", maxValue: Math.Max(1, department.RecordCount(dataSet)));
                    return PushAsync(department, dataSet, sent => task.Increment(sent), cancellationToken);
                }).ToList();
                pushes = await Task.WhenAll(pushTasks);

                var batches = pushes.Zip(DemoDepartments.All).SelectMany(p => p.First.BatchIds.Select(id => (p.Second, id))).ToList();
                var reconciling = progress.AddTask("reconciliation", maxValue: Math.Max(1, batches.Count));
                await WaitUntilReconciledAsync(batches, () => reconciling.Increment(1), reconciliationTimeout, cancellationToken);
            });

        var statistics = await auditor.Audit.GetStatisticsAsync(new GetStatisticsRequest { AsOfDate = AsOf }, cancellationToken: cancellationToken);
        return new DemoOutcome(pushes, statistics, dataSet.Injected);
    }

    private async Task<PushReport> PushAsync(
        DemoDepartment department, GeneratedDataSet dataSet, Action<int> progress, CancellationToken cancellationToken)
    {
        using var connection = new ExchangeConnection(address, department.DevelopmentKey);
        var pusher = new RecordPusher(connection.Submissions);
        var records = department.Records(dataSet).Select(record => new LocatedRecord(record, 0));
        return await pusher.PushAsync(
            department.FileName, BatchIdPrefix(dataSet.Options, department), records, progress, cancellationToken);
    }

    // Batch ids are idempotency keys: a data set with planted discrepancies is other records, so other ids.
    private static string BatchIdPrefix(DataSetOptions options, DemoDepartment department) =>
        options.Inject is { Count: > 0 } inject
            ? $"demo-{options.Seed}-planted{inject.Values.Sum()}-{department.FileName}"
            : $"demo-{options.Seed}-{department.FileName}";

    private async Task WaitUntilReconciledAsync(
        IReadOnlyList<(DemoDepartment Department, string BatchId)> batches, Action reconciled, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var connections = DemoDepartments.All.ToDictionary(d => d, d => new ExchangeConnection(address, d.DevelopmentKey));
        try
        {
            var waiting = batches.ToList();
            var deadline = DateTime.UtcNow + timeout;
            while (waiting.Count > 0)
            {
                var still = new List<(DemoDepartment, string)>();
                foreach (var (department, batchId) in waiting)
                {
                    var batch = await connections[department].Submissions.GetBatchAsync(
                        new GetBatchRequest { BatchId = batchId }, cancellationToken: cancellationToken);
                    if (batch.Batch.State == BatchState.Reconciled)
                    {
                        reconciled();
                    }
                    else
                    {
                        still.Add((department, batchId));
                    }
                }
                waiting = still;
                if (waiting.Count > 0)
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        throw new ReconciliationTimeoutException(timeout, waiting.Count);
                    }
                    await Task.Delay(PollInterval, cancellationToken);
                }
            }
        }
        finally
        {
            foreach (var connection in connections.Values)
            {
                connection.Dispose();
            }
        }
    }
}
