using System.Text.Json;
using Google.Protobuf;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.V1;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Tests.Clients;

/// <summary>
/// tests/Clients/node/push.js, with @grpc/grpc-js and @grpc/proto-loader on protos/, against the real server: a
/// department pushes a JSON Lines file, and the service holds what the script reports.
/// </summary>
public sealed class NodePushTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hezhou-exchange-tests", $"node-{Guid.NewGuid():N}");
    private ServerProcess server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        server = await ServerProcess.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Push_JsonLinesFile_IsStoredAsOneBatch_AsTheScriptReports()
    {
        var broken = Records.Household("HH-0002", seed: 1);
        broken.Household.Members[0].CitizenId = Records.HeadId(seed: 1)[..17] + "0";
        var file = WriteJsonLines("relocation.jsonl", Records.Site(), Records.Household("HH-0001"), broken);

        var result = await RunPushAsync(
            DevelopmentKeys.Relocation, "--batch-id", "node-1", "--expect-accepted", "2", "--expect-rejected", "1",
            "--json", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var printed = JsonDocument.Parse(result.StandardOutput);
        var acknowledged = printed.RootElement.GetProperty("acknowledged");
        var submissions = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        var stored = (await submissions.GetBatchAsync(new GetBatchRequest { BatchId = "node-1" }, Deadlines.Call)).Batch;
        Assert.Equal(stored.ContentDigest, acknowledged.GetProperty("contentDigest").GetString());
        Assert.Equal(3, stored.RecordCount);
        Assert.Equal(2, stored.AcceptedCount);
        Assert.Equal(1, stored.RejectedCount);
        Assert.Equal(stored.RecordCount, acknowledged.GetProperty("recordCount").GetInt32());
        Assert.Equal(stored.AcceptedCount, acknowledged.GetProperty("acceptedCount").GetInt32());
        Assert.Equal("relocation-dev", acknowledged.GetProperty("principal").GetString());
        var rejected = Assert.Single(acknowledged.GetProperty("results").EnumerateArray());
        Assert.Equal(2, rejected.GetProperty("index").GetInt32());
        var violation = Assert.Single(rejected.GetProperty("violations").EnumerateArray());
        Assert.Equal("household.members[0].citizen_id", violation.GetProperty("field").GetString());
        Assert.Equal("CITIZEN_ID_CHECK_CHARACTER", violation.GetProperty("reason").GetString());

        // The household sent from Node is reconciled like any other.
        await submissions.WaitUntilReconciledAsync("node-1");
        var audit = new AuditService.AuditServiceClient(server.Channel(DevelopmentKeys.AuditorWithPersonalData));
        var household = await audit.GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = "node client test" }, Deadlines.Call);
        Assert.Equal([Records.HeadId(), Records.SpouseId()], household.Household.Members.Select(m => m.CitizenId));
    }

    [Fact]
    public async Task Push_SameFileAgain_GetsTheFirstOutcomeAndStoresNothing()
    {
        var file = WriteJsonLines("relocation.jsonl", Records.Site(), Records.Household("HH-0001"));
        var first = await RunPushAsync(DevelopmentKeys.Relocation, "--json", file);
        var again = await RunPushAsync(DevelopmentKeys.Relocation, "--json", file);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        using var firstJson = JsonDocument.Parse(first.StandardOutput);
        using var againJson = JsonDocument.Parse(again.StandardOutput);
        var batchId = firstJson.RootElement.GetProperty("acknowledged").GetProperty("batchId").GetString();
        Assert.StartsWith("node-", batchId);
        Assert.Equal(batchId, againJson.RootElement.GetProperty("acknowledged").GetProperty("batchId").GetString());
        Assert.Equal(2, againJson.RootElement.GetProperty("acknowledged").GetProperty("acceptedCount").GetInt32());
        await using var store = OpenStore();
        Assert.Equal(1, store.Batches.Count());
        Assert.Equal(2, store.SourceVersions.Count());
    }

    [Fact]
    public async Task Push_AnotherDepartmentsKind_FailsWithTheStatusAndReason()
    {
        var file = WriteJsonLines("households.jsonl", Records.Household("HH-0001"));

        var result = await RunPushAsync(DevelopmentKeys.HumanResources, file);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("PERMISSION_DENIED RECORD_KIND_NOT_PERMITTED", result.StandardError);
    }

    [Fact]
    public async Task Push_RejectedRecordsNotExpected_ExitsOneAndSaysWhy()
    {
        var broken = Records.Site();
        broken.Site.CountyCode = "not a county";
        var file = WriteJsonLines("sites.jsonl", broken);

        var result = await RunPushAsync(DevelopmentKeys.Relocation, file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("MISMATCH: rejected_count: got 1, expected 0", result.StandardError);
        Assert.Contains("site.county_code", result.StandardOutput);
    }

    private string WriteJsonLines(string name, params SubmissionRecord[] records)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, records.Select(r => JsonFormatter.Default.Format(r)));
        return path;
    }

    private ExchangeDbContext OpenStore() => new(new DbContextOptionsBuilder<ExchangeDbContext>()
        .UseSqlite($"Data Source={server.DatabasePath};Pooling=False").Options);

    private async Task<ProcessResult> RunPushAsync(string apiKey, params string[] arguments)
    {
        ClientTools.RequireNodePackages();
        return await ChildProcess.RunAsync(
            ClientTools.Node,
            [ClientTools.PushScript, "--server", server.Address.Authority, "--api-key", apiKey, .. arguments]);
    }
}
