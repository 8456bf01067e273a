using Grpc.Core;
using Hezhou.Exchange.V1;
using Xunit.Abstractions;

namespace Hezhou.Exchange.Reliability;

[Collection(ReliabilityCollection.Name)]
public sealed class ReplicaTests(ITestOutputHelper output)
{
    private static readonly Google.Type.Date FiguresAsOf = Records.Date(2023, 12, 31);

    /// <summary>
    /// Two server processes share one SQLite file, each with its reconciler. The three departments stream every batch
    /// at once, alternating between the servers, while auditors read from both; every call is answered (no
    /// STORAGE_UNAVAILABLE: a writer that meets the other process's lock waits, and retries inside the server), both
    /// servers give the same statistics, and the store equals that of the same batches sent one after the other to one
    /// server.
    /// </summary>
    [Fact]
    public async Task StreamRecords_TwoServersShareOneStore_EveryCallAnsweredAndStoreEqualsSerialRun()
    {
        var data = TrialData.Slice();
        var serial = await SerialRunAsync(data);
        var databasePath = TestPaths.NewDatabasePath();
        try
        {
            var servers = new[]
            {
                await ServerProcess.StartAsync(databasePath: databasePath),
                await ServerProcess.StartAsync(databasePath: databasePath),
            };
            try
            {
                var batches = data.Departments
                    .SelectMany(d => d.Batches().Select((batch, i) => (Department: d, batch.BatchId, batch.Records, Server: servers[i % 2])))
                    .ToList();
                using var pushed = new CancellationTokenSource();
                var auditors = servers.Select(server => ReadAsync(server, data, pushed.Token)).ToList();

                await Task.WhenAll(batches.Select(b => StreamAsync(b.Server, b.Department.ApiKey, b.BatchId, b.Records, data.RecordsPerMessage)));
                foreach (var (department, batchId, _, server) in batches)
                {
                    // Asked of the other server than the one that stored it.
                    var other = servers[1 - Array.IndexOf(servers, server)];
                    await new SubmissionService.SubmissionServiceClient(other.Channel(department.ApiKey))
                        .WaitUntilReconciledAsync(batchId, TimeSpan.FromMinutes(5));
                }
                await pushed.CancelAsync();
                var reads = (await Task.WhenAll(auditors)).Sum();
                var statistics = await Task.WhenAll(servers.Select(StatisticsAsync));
                output.WriteLine($"{batches.Count} batches streamed at once to 2 servers; {reads} auditor reads meanwhile, all answered.");

                Assert.Equal(statistics[0], statistics[1]);
                Assert.True(reads > 0, "The auditors read nothing while the departments pushed.");
            }
            finally
            {
                foreach (var server in servers)
                {
                    await server.KillAsync();
                }
            }

            var snapshot = await StoreSnapshot.ReadAsync(databasePath);
            Assert.Empty(snapshot.DifferencesFrom(serial));
        }
        finally
        {
            TestPaths.DeleteDatabase(databasePath);
        }
    }

    /// <summary>The store left by the same batches sent one after the other to one server, each waited for.</summary>
    private static async Task<StoreSnapshot> SerialRunAsync(TrialData data)
    {
        var databasePath = TestPaths.NewDatabasePath();
        try
        {
            await using (var server = await ServerProcess.StartAsync(databasePath: databasePath))
            {
                foreach (var department in data.Departments)
                {
                    foreach (var (batchId, records) in department.Batches())
                    {
                        await StreamAsync(server, department.ApiKey, batchId, records, data.RecordsPerMessage);
                        await new SubmissionService.SubmissionServiceClient(server.Channel(department.ApiKey))
                            .WaitUntilReconciledAsync(batchId, TimeSpan.FromMinutes(5));
                    }
                }
            }
            return await StoreSnapshot.ReadAsync(databasePath);
        }
        finally
        {
            TestPaths.DeleteDatabase(databasePath);
        }
    }

    private static async Task StreamAsync(
        ServerProcess server, string apiKey, string batchId, SubmissionRecord[] records, int recordsPerMessage)
    {
        using var channel = server.Channel(apiKey);
        var batch = (await Streaming.StreamAsync(new SubmissionService.SubmissionServiceClient(channel), batchId,
            DateTime.UtcNow.AddMinutes(10), records.Chunk(recordsPerMessage))).Batch;
        Assert.Equal(records.Length, batch.RecordCount);
    }

    /// <summary>
    /// An auditor reading statistics, discrepancies and a person from one server until the pushes are done (at most 2,000
    /// reads); returns how many reads were answered. Any failure but NOT_FOUND (a person not reconciled yet) fails the test.
    /// </summary>
    private static async Task<int> ReadAsync(ServerProcess server, TrialData data, CancellationToken pushed)
    {
        using var channel = server.Channel(DevelopmentKeys.AuditorWithPersonalData);
        var audit = new AuditService.AuditServiceClient(channel);
        var citizenId = data.Departments[0].Records()
            .First(r => r.ContentCase == SubmissionRecord.ContentOneofCase.Household).Household.Members[0].CitizenId;
        var reads = 0;
        while (!pushed.IsCancellationRequested && reads < 2_000)
        {
            // A read of personal data waits for its access-log entry, which may wait for the other process's log writer.
            var options = new CallOptions(deadline: DateTime.UtcNow.AddMinutes(3));
            try
            {
                switch (reads % 3)
                {
                    case 0:
                        await audit.GetStatisticsAsync(new GetStatisticsRequest { AsOfDate = FiguresAsOf }, options);
                        break;
                    case 1:
                        await audit.ListDiscrepanciesAsync(new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", PageSize = 50 }, options);
                        break;
                    default:
                        await audit.GetPersonAsync(new GetPersonRequest { CitizenId = citizenId, Purpose = "replica test" }, options);
                        break;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                // The person is not reconciled yet: an answer all the same.
            }
            reads++;
            await Task.Delay(20, CancellationToken.None);
        }
        return reads;
    }

    private static async Task<GetStatisticsResponse> StatisticsAsync(ServerProcess server)
    {
        using var channel = server.Channel(DevelopmentKeys.Auditor);
        return await new AuditService.AuditServiceClient(channel)
            .GetStatisticsAsync(new GetStatisticsRequest { AsOfDate = FiguresAsOf }, Deadlines.Call);
    }
}
