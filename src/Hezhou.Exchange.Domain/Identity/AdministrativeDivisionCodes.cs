namespace Hezhou.Exchange.Domain.Identity;

/// <summary>The GB/T 2260 region codes, current or abolished, under which a citizen ID can have been issued.</summary>
/// <remarks>
/// An ID keeps the code of the place that issued it for life, so abolished codes stay valid. The tables are generated
/// by <c>scripts/update-region-codes.py</c> into <c>AdministrativeDivisionCodes.g.cs</c>, which says where they came
/// from; each is ascending so that a lookup is a binary search over data compiled into the assembly.
/// </remarks>
internal static partial class AdministrativeDivisionCodes
{
    /// <summary>Whether <paramref name="code"/> (six digits as a number, e.g. 451102) is a known region code.</summary>
    public static bool Contains(int code) =>
        FromStdnum.BinarySearch(code) >= 0
        || FromCurrentList.BinarySearch(code) >= 0
        || FromHistoricalLists.BinarySearch(code) >= 0
        || ResidencePermits.BinarySearch(code) >= 0;
}
