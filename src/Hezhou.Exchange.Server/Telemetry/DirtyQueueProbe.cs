using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Telemetry;

/// <summary>
/// Reads the dirty queue's length and the age of its oldest entry for the gauges, with one cheap query (COUNT and
/// MIN over dirty_queue) at most once a second however many gauges and exporters ask.
/// </summary>
public sealed class DirtyQueueProbe(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DirtyQueueProbe> logger)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private (DateTimeOffset ReadAt, Reading? Value)? last;

    /// <summary>The queue's length and the lag in seconds of its oldest entry (0 when empty).</summary>
    public readonly record struct Reading(long Length, double LagSeconds);

    /// <summary>The current reading, or null when the store cannot be read now.</summary>
    public Reading? Read()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (last is { } cached && now - cached.ReadAt < Freshness && now >= cached.ReadAt)
            {
                return cached.Value;
            }

            var value = Query(now);
            last = (now, value);
            return value;
        }
    }

    private Reading? Query(DateTimeOffset now)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            var summary = db.DirtyQueue.AsNoTracking()
                .GroupBy(_ => 1)
                .Select(g => new { Count = g.LongCount(), Oldest = g.Min(d => d.EnqueuedAt) })
                .FirstOrDefault();
            if (summary is null)
            {
                return new Reading(0, 0);
            }
            var oldest = DateTime.SpecifyKind(summary.Oldest, DateTimeKind.Utc);
            return new Reading(summary.Count, Math.Max(0, (now.UtcDateTime - oldest).TotalSeconds));
        }
        catch (Exception exception)
        {
            // A store that cannot be read now is reported by the health check; the gauges just skip a reading.
            logger.LogWarning(exception, "Could not read the dirty queue for the telemetry gauges");
            return null;
        }
    }
}
