using Grpc.Core;
using Hezhou.Exchange.Cli.Pushing;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.Commands;

public sealed class InterruptedPushTests
{
    private const int Batches = 6;

    [Fact]
    public async Task Push_ServerKilledMidPush_Exits3SaysWhatWasStoredAndResumesToTheSameStore()
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.JsonLines(folder, "relocation.jsonl",
            [.. Enumerable.Range(0, Batches * RecordPusher.RecordsPerBatch).Select(i => Records.Site($"HZ-S{i:D6}"))]);
        var prefix = RecordPusher.FilePrefix(path);
        var store = TestPaths.NewDatabasePath();
        try
        {
            // Arrange: a push under way, and the server killed once it has acknowledged its first batch.
            var server = await ServerProcess.StartAsync(databasePath: store);
            var push = CommandLine.RunAsync(TimeSpan.FromMinutes(5),
                "push", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Relocation, path);
            await WaitForBatchAsync(server, prefix, 0).WaitAsync(TimeSpan.FromMinutes(2));
            await server.KillAsync();
            var interrupted = await push.WaitAsync(TimeSpan.FromMinutes(2));
            await server.DisposeAsync();

            Assert.Equal(ExitCodes.ServerUnreachable, interrupted.ExitCode);
            Assert.Contains("stopped answering during the push of relocation.jsonl", interrupted.Messages);
            Assert.Matches(@"relocation\.jsonl: \d+ batch\(es\), [\d,]+ records", interrupted.Messages);
            Assert.Contains("Run the same push again", interrupted.Messages);
            Assert.DoesNotContain("The request was aborted", interrupted.Messages);

            // Act: the same push against the server restarted on the same store.
            await using var restarted = await ServerProcess.StartAsync(databasePath: store);
            var resumed = await CommandLine.RunAsync(TimeSpan.FromMinutes(5),
                "push", "--server", restarted.Address.ToString(), "--api-key", DevelopmentKeys.Relocation, path);

            // Assert: it skipped what was stored and ends where one uninterrupted push does.
            Assert.Equal(0, resumed.ExitCode);
            Assert.Matches(@"relocation\.jsonl\s*│\s*60,000\s*│\s*[1-5]\s*│\s*[1-5]\s*│\s*60,000\s*│\s*0\s*│\s*0", resumed.Output);
            await using var uninterrupted = await ServerProcess.StartAsync();
            var once = await CommandLine.RunAsync(TimeSpan.FromMinutes(5),
                "push", "--server", uninterrupted.Address.ToString(), "--api-key", DevelopmentKeys.Relocation, path);
            Assert.Equal(0, once.ExitCode);
            Assert.Equal(await BatchesAsync(uninterrupted, prefix), await BatchesAsync(restarted, prefix));
        }
        finally
        {
            TestPaths.DeleteDatabase(store);
        }
    }

    private static async Task WaitForBatchAsync(ServerProcess server, string prefix, long firstIndex)
    {
        var client = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        while (true)
        {
            try
            {
                await client.GetBatchAsync(new GetBatchRequest { BatchId = RecordPusher.BatchId(prefix, firstIndex) }, Deadlines.Call);
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Each batch of the file as the store holds it: its records and their outcomes.</summary>
    private static async Task<List<string>> BatchesAsync(ServerProcess server, string prefix)
    {
        var client = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        var batches = new List<string>();
        for (var i = 0; i < Batches; i++)
        {
            var batch = (await client.GetBatchAsync(
                new GetBatchRequest { BatchId = RecordPusher.BatchId(prefix, i * (long)RecordPusher.RecordsPerBatch) }, Deadlines.Call)).Batch;
            batches.Add($"{batch.BatchId} {batch.ContentDigest} {batch.RecordCount} {batch.AcceptedCount} {batch.UnchangedCount} {batch.RejectedCount}");
        }
        return batches;
    }
}
