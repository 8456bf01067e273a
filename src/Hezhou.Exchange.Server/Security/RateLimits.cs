using System.Globalization;
using System.Threading.RateLimiting;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Hezhou.Exchange.Server.Security;

/// <summary>
/// The "RateLimits" section: how many calls each principal may make, as a token bucket per principal that holds
/// Burst calls and refills at PermitsPerSecond. A stream is one call however many messages it carries.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Calls per second a principal may keep up; at least 0.001 (one call in 1,000 seconds).</summary>
    public double PermitsPerSecond { get; set; } = 50;

    /// <summary>Calls a principal may make at once, after a pause; at least PermitsPerSecond.</summary>
    public int Burst { get; set; } = 100;
}

/// <summary>
/// Limits calls per authenticated principal (per remote address for calls without a known credential), and answers
/// a call over the limit with RESOURCE_EXHAUSTED, RATE_LIMITED and a RetryInfo. Health checks are never limited.
/// </summary>
public static class PrincipalRateLimits
{
    private const string HealthService = "/grpc.health.v1.Health";

    /// <summary>Stops the server at start on limits no bucket can have.</summary>
    public static void Validate(RateLimitOptions limits)
    {
        // The bucket refills once a second at most, up to Burst: a smaller Burst would cap the rate below
        // PermitsPerSecond.
        if (!(limits.PermitsPerSecond >= 0.001) || limits.Burst < 1 || limits.Burst < limits.PermitsPerSecond)
        {
            throw new ServerConfigurationException(
                "RateLimits: PermitsPerSecond must be at least 0.001, and Burst at least 1 and at least " +
                $"PermitsPerSecond (they are {limits.PermitsPerSecond.ToString(CultureInfo.InvariantCulture)} and " +
                $"{limits.Burst}); set RateLimits:Enabled=false for no limit.");
        }
    }

    public static void Configure(RateLimiterOptions options, RateLimitOptions limits)
    {
        // A period of at least a second keeps the refill exact in whole calls at any rate.
        var period = TimeSpan.FromSeconds(Math.Max(1, 1 / limits.PermitsPerSecond));
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = Math.Max(1, (int)Math.Round(limits.PermitsPerSecond * period.TotalSeconds)),
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Request.Path.StartsWithSegments(HealthService)
                ? RateLimitPartition.GetNoLimiter("health")
                : RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => bucket));
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            Reject(context.HttpContext, context.Lease, limits, period);
            return ValueTask.CompletedTask;
        };
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? $"principal {name}"
            : $"address {context.Connection.RemoteIpAddress}";

    private static void Reject(HttpContext context, RateLimitLease lease, RateLimitOptions limits, TimeSpan period)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var delay) ? delay : period;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return;
        }

        var message = $"Too many calls from {PartitionKey(context)}: at most {limits.Burst} at once and " +
            $"{limits.PermitsPerSecond.ToString(CultureInfo.InvariantCulture)} per second (RateLimits). " +
            $"Retry in {Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s.";
        var metadata = new Dictionary<string, string>
        {
            ["permits_per_second"] = limits.PermitsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["burst"] = limits.Burst.ToString(CultureInfo.InvariantCulture),
        };
        ExchangeErrors.WriteTrailersOnly(context.Response, ExchangeErrors.Status(
            Code.ResourceExhausted, ErrorReasons.RateLimited, message, metadata,
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }));
    }
}
