using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Security;

/// <summary>
/// Rate limits per principal. The bucket holds 3 calls and refills one call in 1,000 seconds, so that whatever the
/// speed of the machine nothing refills during a test.
/// </summary>
public sealed class RateLimitTests
{
    private const int Burst = 3;

    private static readonly Dictionary<string, string?> TinyLimit = new()
    {
        ["RateLimits:PermitsPerSecond"] = "0.001",
        ["RateLimits:Burst"] = Burst.ToString(),
    };

    [Fact]
    public async Task Call_BurstAboveTheLimit_ResourceExhaustedWithRetryInfoWhileOthersAreServed()
    {
        await using var app = new ExchangeApplication(TinyLimit);
        var relocation = app.Submissions(DevelopmentKeys.Relocation);
        for (var i = 0; i < Burst; i++)
        {
            await relocation.SubmitBatchAsync(Records.Batch($"burst-{i}", Records.Site($"S-{i}")), Deadlines.Call);
        }

        var status = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "RATE_LIMITED", () =>
            relocation.SubmitBatchAsync(Records.Batch("burst-over", Records.Site("S-over")), Deadlines.Call).ResponseAsync);
        var served = await app.Submissions(DevelopmentKeys.HumanResources)
            .SubmitBatchAsync(Records.Batch("same-moment", Records.Employment()), Deadlines.Call);

        var retry = status.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.Equal(TimeSpan.FromSeconds(1_000), retry.RetryDelay.ToTimeSpan());
        Assert.Equal(1, served.Batch.AcceptedCount);
        await using var store = app.OpenStore();
        Assert.DoesNotContain(store.Batches, b => b.BatchId == "burst-over");
    }

    [Fact]
    public async Task Call_WithoutCredentialAboveTheLimit_ResourceExhausted()
    {
        await using var app = new ExchangeApplication(TinyLimit);
        var anonymous = app.Audit(apiKey: null);
        for (var i = 0; i < Burst; i++)
        {
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "CREDENTIAL_MISSING", () =>
                anonymous.GetStatisticsAsync(new GetStatisticsRequest(), Deadlines.Call).ResponseAsync);
        }

        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "RATE_LIMITED", () =>
            anonymous.GetStatisticsAsync(new GetStatisticsRequest(), Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task HealthCheck_ManyMoreThanTheLimit_AlwaysAnswered()
    {
        await using var app = new ExchangeApplication(TinyLimit);
        var health = new Health.HealthClient(app.Channel(apiKey: null));

        for (var i = 0; i < Burst * 4; i++)
        {
            var response = await health.CheckAsync(new HealthCheckRequest(), Deadlines.Call);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        }
    }
}
