namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>
/// A span of days, both ends inclusive; an open end (null) runs on indefinitely. Periods that share a single day
/// overlap on that day.
/// </summary>
public readonly record struct DatePeriod(DateOnly Start, DateOnly? End)
{
    public bool Contains(DateOnly day) => day >= Start && (End is null || day <= End);

    /// <summary>The days both periods cover, or null when they share none.</summary>
    public DatePeriod? Intersect(DatePeriod other)
    {
        var start = Start > other.Start ? Start : other.Start;
        DateOnly? end = (End, other.End) switch
        {
            (null, var e) => e,
            (var e, null) => e,
            var (a, b) => a < b ? a : b,
        };
        return end is null || start <= end ? new DatePeriod(start, end) : null;
    }

    /// <summary>ISO 8601 "start..end", or "start.." while open.</summary>
    public override string ToString() => $"{IsoDate.Format(Start)}..{(End is { } end ? IsoDate.Format(end) : "")}";
}
