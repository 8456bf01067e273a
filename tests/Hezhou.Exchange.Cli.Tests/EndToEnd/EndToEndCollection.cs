namespace Hezhou.Exchange.Cli.Tests.EndToEnd;

/// <summary>
/// The tests that push the whole default data set through a server. They run one at a time and with nothing else
/// beside them: on two cores, two of them at once with the other tests starved the reconciler past its timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "Whole data set, end to end";
}
