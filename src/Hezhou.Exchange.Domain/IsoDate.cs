using System.Globalization;

namespace Hezhou.Exchange.Domain;

/// <summary>Formats dates for messages as ISO 8601, whatever the server's culture and calendar.</summary>
internal static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
