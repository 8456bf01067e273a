using System.Globalization;
using Hezhou.Exchange.Domain.Identity;

namespace Hezhou.Exchange.Server.Mapping;

/// <summary>
/// A discrepancy's key as a caller without the personal-data scope sees it, and the way back. Masking hides all but
/// the region of each citizen ID, so many keys mask alike; the masked key carries the discrepancy's number after a
/// '#' ("unknown-person/451121************/#42") to name exactly one, and reveals no more than the masked key.
/// </summary>
public static class DiscrepancyKeys
{
    private const char NumberSeparator = '#';

    /// <summary>The key masked; with the discrepancy's number appended when masking changed it.</summary>
    public static string Masked(string key, long id)
    {
        var masked = CitizenId.MaskAllIn(key);
        return ReferenceEquals(masked, key)
            ? key
            : string.Concat(masked, NumberSeparator.ToString(), id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The discrepancy number a masked key names, or null when the key is not in masked form (it is then a full key).
    /// </summary>
    public static long? NumberIn(string key)
    {
        var separator = key.LastIndexOf(NumberSeparator);
        return separator > 0 && key.AsSpan(0, separator).Contains('*')
            && long.TryParse(key.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : null;
    }
}
