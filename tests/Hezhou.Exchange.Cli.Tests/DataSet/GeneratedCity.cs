using Hezhou.Exchange.DataSet;
using Hezhou.Exchange.Domain.Reconciliation;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.DataSet;

/// <summary>A generated data set with its records read once, as the three departments would send them.</summary>
/// <remarks>
/// Generating and writing the city takes a second or two, so the few data sets the tests look at are made once per
/// test run and only ever read.
/// </remarks>
internal sealed class GeneratedCity
{
    private static readonly Lazy<GeneratedCity> DefaultCity = new(() => new(DataSetGenerator.Generate(new DataSetOptions())));

    private static readonly Lazy<GeneratedCity> InjectedCity = new(() => new(DataSetGenerator.Generate(new DataSetOptions(
        Inject: Enum.GetValues<DiscrepancyRule>()
            .Where(r => r != DiscrepancyRule.Unspecified)
            .ToDictionary(r => r, r => InjectedPerRule)))));

    private GeneratedCity(GeneratedDataSet dataSet)
    {
        DataSet = dataSet;
        Relocation = [.. dataSet.Relocation];
        HumanResources = [.. dataSet.HumanResources];
        CivilAffairs = [.. dataSet.CivilAffairs];
    }

    public const int InjectedPerRule = 3;

    /// <summary>The default seed at scale 1, with nothing injected.</summary>
    public static GeneratedCity Default => DefaultCity.Value;

    /// <summary>The default seed at scale 1, with <see cref="InjectedPerRule"/> cases of every rule.</summary>
    public static GeneratedCity WithEveryRuleInjected => InjectedCity.Value;

    public GeneratedDataSet DataSet { get; }

    public IReadOnlyList<V1.SubmissionRecord> Relocation { get; }

    public IReadOnlyList<V1.SubmissionRecord> HumanResources { get; }

    public IReadOnlyList<V1.SubmissionRecord> CivilAffairs { get; }

    public IEnumerable<V1.SubmissionRecord> All => Relocation.Concat(HumanResources).Concat(CivilAffairs);

    public static GeneratedCity Of(GeneratedDataSet dataSet) => new(dataSet);
}
