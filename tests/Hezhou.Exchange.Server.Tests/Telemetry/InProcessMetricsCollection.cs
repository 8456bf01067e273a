namespace Hezhou.Exchange.Server.Tests.Telemetry;

/// <summary>
/// Tests that read the metrics of an in-process server. OpenTelemetry listens to the exchange's meter by name across
/// the whole process, so a server hosted in-process also reports the gauges and counters of every other in-process
/// server alive at the time; these tests run alone, when no other test's server is.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessMetricsCollection
{
    public const string Name = "Metrics of an in-process server";
}
