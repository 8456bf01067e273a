using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.DataSet;

/// <summary>What the data-set generator makes: from which seed, how many copies of the city, which discrepancies.</summary>
/// <param name="Seed">The same seed and options always give the same records, byte for byte.</param>
/// <param name="Scale">1 is Hezhou as the seed report describes it; N is N cities like it side by side (25·N sites).</param>
/// <param name="Inject">How many cases of each rule's discrepancy to add on top of the clean data set.</param>
public sealed record DataSetOptions(
    int Seed = DataSetOptions.DefaultSeed,
    int Scale = 1,
    IReadOnlyDictionary<DiscrepancyRule, int>? Inject = null)
{
    public const int DefaultSeed = 20231231;

    /// <summary>The largest scale: site codes have three digits per county.</summary>
    public const int MaximumScale = 100;
}
