using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hezhou.Exchange.Domain;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Telemetry;

/// <summary>
/// Every metric the exchange itself reports, on the meter "Hezhou.Exchange": records received, accepted, unchanged
/// and rejected per department, batches stored, the dirty queue's length and the reconciler's lag, the latency of
/// every RPC, and the access log's group commits: how long each read waited for its entries, how many entries each
/// commit wrote, and how long indexing them by subject took. Exported on the Prometheus scrape endpoint and, when
/// configured, by OTLP (see TelemetrySetup).
/// </summary>
public sealed class ExchangeMetrics
{
    public const string MeterName = "Hezhou.Exchange";

    /// <summary>The source of the exchange's own spans.</summary>
    public static readonly ActivitySource ActivitySource = new(MeterName);

    private readonly Counter<long> recordsReceived;
    private readonly Counter<long> recordsAccepted;
    private readonly Counter<long> recordsUnchanged;
    private readonly Counter<long> recordsRejected;
    private readonly Counter<long> batchesStored;
    private readonly Histogram<double> rpcDuration;
    private readonly Histogram<double> accessLogWait;
    private readonly Counter<long> accessLogCommits;
    private readonly Counter<long> accessLogEntries;
    private readonly Histogram<double> accessLogIndexDuration;

    public ExchangeMetrics(IMeterFactory meterFactory, DirtyQueueProbe dirtyQueue)
    {
        var meter = meterFactory.Create(MeterName);
        recordsReceived = meter.CreateCounter<long>(
            "exchange.records.received", "{record}", "Records received in batches stored, per department.");
        recordsAccepted = meter.CreateCounter<long>(
            "exchange.records.accepted", "{record}", "Records stored as a new version, per department.");
        recordsUnchanged = meter.CreateCounter<long>(
            "exchange.records.unchanged", "{record}", "Records equal to their current version, per department.");
        recordsRejected = meter.CreateCounter<long>(
            "exchange.records.rejected", "{record}", "Records rejected into quarantine, per department.");
        batchesStored = meter.CreateCounter<long>(
            "exchange.batches.stored", "{batch}", "Batches stored (a replayed batch_id is not counted again), per department.");
        rpcDuration = meter.CreateHistogram(
            "exchange.rpc.server.duration", "s", "Duration of each RPC as the server handled it, by method and status.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
            });
        accessLogWait = meter.CreateHistogram(
            "exchange.access_log.wait", "s",
            "How long each read of personal data waited for its access-log entries to be committed before it was answered.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
            });
        accessLogCommits = meter.CreateCounter<long>(
            "exchange.access_log.commits", "{commit}", "Group commits of the access log: each commits every read's entries that were waiting.");
        accessLogEntries = meter.CreateCounter<long>(
            "exchange.access_log.entries", "{entry}", "Access-log entries committed.");
        accessLogIndexDuration = meter.CreateHistogram(
            "exchange.access_log.index.duration", "s",
            "Duration of each batch of access-log entries indexed by subject; reads wait for the log behind it.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
            });
        meter.CreateObservableGauge(
            "exchange.dirty_queue.length",
            () => dirtyQueue.Read() is { } reading ? [new Measurement<long>(reading.Length)] : Array.Empty<Measurement<long>>(),
            "{entry}", "Entries waiting in the dirty queue for the reconciler.");
        meter.CreateObservableGauge(
            "exchange.reconcile.lag",
            () => dirtyQueue.Read() is { } reading ? [new Measurement<double>(reading.LagSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "Age of the oldest entry waiting in the dirty queue for the reconciler; 0 when the queue is empty.");
    }

    /// <summary>The tag value naming a department: "relocation", "human-resources", "civil-affairs".</summary>
    public static string DepartmentTag(Department department) => department switch
    {
        Department.Relocation => "relocation",
        Department.HumanResources => "human-resources",
        Department.CivilAffairs => "civil-affairs",
        _ => "unspecified",
    };

    /// <summary>Counts a batch as acknowledged the first time it was stored.</summary>
    public void BatchStored(Department department, V1.Batch batch)
    {
        var tag = new KeyValuePair<string, object?>("department", DepartmentTag(department));
        batchesStored.Add(1, tag);
        recordsReceived.Add(batch.RecordCount, tag);
        recordsAccepted.Add(batch.AcceptedCount, tag);
        recordsUnchanged.Add(batch.UnchangedCount, tag);
        recordsRejected.Add(batch.RejectedCount, tag);
    }

    /// <summary>Records how long one RPC took and how it ended.</summary>
    public void RpcCompleted(string method, string statusCode, TimeSpan duration)
    {
        // method is "/package.Service/Method".
        var slash = method.LastIndexOf('/');
        var service = slash > 0 ? method[1..slash] : method;
        var name = slash >= 0 ? method[(slash + 1)..] : method;
        rpcDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("rpc.system", "grpc"),
            new KeyValuePair<string, object?>("rpc.service", service),
            new KeyValuePair<string, object?>("rpc.method", name),
            new KeyValuePair<string, object?>("rpc.grpc.status_code", statusCode));
    }

    /// <summary>Records a group commit of the access log, and how long each of its reads waited for it.</summary>
    public void AccessLogCommitted(int entries, IEnumerable<TimeSpan> waits)
    {
        accessLogCommits.Add(1);
        accessLogEntries.Add(entries);
        foreach (var wait in waits)
        {
            accessLogWait.Record(wait.TotalSeconds);
        }
    }

    /// <summary>Records how long a batch of access-log entries took to index by subject.</summary>
    public void AccessLogIndexed(TimeSpan duration) => accessLogIndexDuration.Record(duration.TotalSeconds);
}
