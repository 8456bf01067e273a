using Hezhou.Exchange.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>Healthy while the store answers.</summary>
public sealed class StoreHealthCheck(ExchangeDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The store cannot be reached.");
}
