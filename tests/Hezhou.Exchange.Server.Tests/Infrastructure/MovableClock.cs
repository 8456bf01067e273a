namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>A clock that stands still until the test moves it on, e.g. to the next day.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    private long ticks = now.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
