namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, so that "today" (validation, stable employment) is the same in every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>30 June 2024, noon in China.</summary>
    public static readonly FixedClock MidYear2024 = new(new DateTimeOffset(2024, 6, 30, 4, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
