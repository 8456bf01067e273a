namespace Hezhou.Exchange.Domain;

/// <summary>China Standard Time (UTC+8, no daylight saving): the calendar every department's dates are written in.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The calendar day in China at the given instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
