namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>Makes findings in the one shape every rule uses, and merges those that share a key.</summary>
internal static class KeyedFindings
{
    /// <summary>
    /// A finding whose departments are those of its sources and any others named, both sorted, and whose
    /// explanations have every citizen ID masked.
    /// </summary>
    public static Finding Create(
        DiscrepancyRule rule,
        string subject,
        string period,
        Severity severity,
        IEnumerable<SourceReference> sources,
        IEnumerable<Department> alsoInvolved,
        string explanationZh,
        string explanationEn)
    {
        var sorted = SourceReferenceOrder.Sorted(sources);
        return new Finding(
            rule,
            subject,
            period,
            severity,
            [.. sorted.Select(s => s.Department).Concat(alsoInvolved).Distinct().Order()],
            sorted,
            AuditorText.Masked(explanationZh),
            AuditorText.Masked(explanationEn));
    }

    /// <summary>
    /// One finding per key, in key order: the same conflict found through several pairs of records is one
    /// discrepancy, whose sources and departments are all of theirs and whose explanation is the first one's.
    /// </summary>
    public static IReadOnlyList<Finding> Merge(IEnumerable<Finding> findings) =>
    [
        .. findings
            .GroupBy(f => f.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Skip(1).Any()
                ? g.First() with
                {
                    Departments = [.. g.SelectMany(f => f.Departments).Distinct().Order()],
                    Sources = SourceReferenceOrder.Sorted(g.SelectMany(f => f.Sources)),
                }
                : g.First()),
    ];
}
