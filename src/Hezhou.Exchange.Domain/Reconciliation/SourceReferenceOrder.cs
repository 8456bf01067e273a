namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>Orders source references by department, kind, source key (ordinal) and version.</summary>
/// <remarks>Reconciliation sorts by it wherever the order of its input could otherwise show in its output.</remarks>
internal sealed class SourceReferenceOrder : IComparer<SourceReference>
{
    public static readonly SourceReferenceOrder Instance = new();

    public int Compare(SourceReference? x, SourceReference? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byDepartment = x.Department.CompareTo(y.Department);
        if (byDepartment != 0)
        {
            return byDepartment;
        }

        var byKind = x.Kind.CompareTo(y.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var byKey = string.CompareOrdinal(x.SourceKey, y.SourceKey);
        return byKey != 0 ? byKey : x.Version.CompareTo(y.Version);
    }

    /// <summary>The references in order, each once.</summary>
    public static IReadOnlyList<SourceReference> Sorted(IEnumerable<SourceReference> sources) =>
        [.. sources.Distinct().Order(Instance)];
}
