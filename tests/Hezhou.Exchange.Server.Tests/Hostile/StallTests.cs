using Grpc.Core;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.V1;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Tests.Hostile;

/// <summary>
/// Hostile senders that do not send bad bytes but stall, against the real server on Kestrel: a stream left open and
/// idle must not keep other departments from being served, and must end with STREAM_IDLE storing nothing. (Connections
/// that stall before any call are in Hosting/ConnectionLimitsTests.)
/// </summary>
public sealed class StallTests
{
    [Fact]
    public async Task StreamRecords_IdleOnRealKestrel_OtherDepartmentServedAndTheStreamEndsIdleStoringNothing()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Limits:StreamIdleTimeoutSeconds"] = "20",
        });
        using var civilAffairsChannel = server.Channel(DevelopmentKeys.CivilAffairs);
        using var relocationChannel = server.Channel(DevelopmentKeys.Relocation);
        var civilAffairs = new SubmissionService.SubmissionServiceClient(civilAffairsChannel);
        var relocation = new SubmissionService.SubmissionServiceClient(relocationChannel);

        using var stalled = await Streaming.OpenStalledAsync(civilAffairs, "stalled-1");
        var meanwhile = await relocation.SubmitBatchAsync(
            Records.Batch("reloc-meanwhile", Records.Household()), deadline: DateTime.UtcNow.AddSeconds(10));

        Assert.Equal(1, meanwhile.Batch.AcceptedCount);
        Assert.False(stalled.ResponseAsync.IsCompleted, "The stream ended before the other department was served.");
        await RpcAssert.FailsAsync(StatusCode.DeadlineExceeded, "STREAM_IDLE",
            () => stalled.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(90)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, "BATCH_NOT_FOUND", () =>
            civilAffairs.GetBatchAsync(new GetBatchRequest { BatchId = "stalled-1" }, Deadlines.Call).ResponseAsync);
        await using var store = OpenStore(server);
        Assert.Equal(1, await store.SourceVersions.CountAsync());
    }

    private static Storage.ExchangeDbContext OpenStore(ServerProcess server) =>
        new(new DbContextOptionsBuilder<Storage.ExchangeDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder
            {
                DataSource = server.DatabasePath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString())
            .Options);
}
