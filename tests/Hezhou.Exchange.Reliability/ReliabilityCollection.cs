namespace Hezhou.Exchange.Reliability;

/// <summary>
/// The tests that start real server processes and push through them while killing or sharing them: one at a time, so
/// that two of them do not compete for two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection
{
    public const string Name = "Server processes under faults";
}
