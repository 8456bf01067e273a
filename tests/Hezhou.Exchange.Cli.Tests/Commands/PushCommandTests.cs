using Grpc.Core;
using Hezhou.Exchange.Cli.Pushing;
using Hezhou.Exchange.Cli.Tests.Files;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.Commands;

public sealed class PushCommandTests
{
    [Fact]
    public async Task Push_JsonLinesFile_StoresEveryRecordInOneBatch()
    {
        await using var server = await ServerProcess.StartAsync();
        using var folder = new TempFolder();
        var path = RecordFileWriting.JsonLines(folder, "relocation.jsonl", Records.Site(), Records.Household());

        var result = await CommandLine.RunAsync("push", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Relocation, path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("relocation.jsonl", result.Output);
        var batch = await StoredBatchAsync(server, DevelopmentKeys.Relocation, path);
        Assert.Equal(2, batch.RecordCount);
        Assert.Equal(2, batch.AcceptedCount);
    }

    [Fact]
    public async Task Push_CsvFile_SendsHouseholdsReassembledFromTheirRows()
    {
        await using var server = await ServerProcess.StartAsync();
        using var folder = new TempFolder();
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation,
            Records.Site(), RecordFileTests.RichHousehold(), Records.Household("HH-0002", seed: 1));

        var result = await CommandLine.RunAsync("push", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Relocation, path);

        Assert.Equal(0, result.ExitCode);
        var batch = await StoredBatchAsync(server, DevelopmentKeys.Relocation, path);
        Assert.Equal(3, batch.RecordCount);
        Assert.Equal(3, batch.AcceptedCount);
        var audit = new AuditService.AuditServiceClient(server.Channel(DevelopmentKeys.Auditor));
        var history = await audit.GetRecordHistoryAsync(new GetRecordHistoryRequest
        {
            Department = Department.Relocation,
            Kind = RecordKind.Household,
            SourceKey = "HH-0001",
            Purpose = "test of the CSV push",
        }, Deadlines.Call);
        Assert.Equal(3, Assert.Single(history.Versions).Record.Household.Members.Count);
    }

    [Theory]
    [InlineData]
    [InlineData("--encoding", "gb18030")]
    public async Task Push_Gb18030CsvAsExcelSavesItOnChineseWindows_StoresTheRecordsAsWritten(params string[] encoding)
    {
        await using var server = await ServerProcess.StartAsync();
        using var folder = new TempFolder();
        var household = RecordFileTests.RichHousehold();
        var path = CsvEncodingTests.Gb18030Csv(folder, "relocation.csv", Department.Relocation, Records.Site(), household);

        var result = await CommandLine.RunAsync(
            ["push", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Relocation, .. encoding, path]);

        Assert.Equal(0, result.ExitCode);
        var batch = await StoredBatchAsync(server, DevelopmentKeys.Relocation, path);
        Assert.Equal(2, batch.AcceptedCount);
        var audit = new AuditService.AuditServiceClient(server.Channel(DevelopmentKeys.Auditor));
        var history = await audit.GetRecordHistoryAsync(new GetRecordHistoryRequest
        {
            Department = Department.Relocation,
            Kind = RecordKind.Household,
            SourceKey = household.SourceKey,
            Purpose = "test of the GB18030 CSV push",
        }, Deadlines.Call);
        // The names and the address are what mojibake would have spoilt (citizen IDs come back masked to an auditor).
        var stored = Assert.Single(history.Versions).Record.Household;
        Assert.Equal(household.Household.Address, stored.Address);
        Assert.Equal(household.Household.Members.Select(m => m.Name), stored.Members.Select(m => m.Name));
    }

    [Fact]
    public async Task Push_UnknownEncoding_IsAUsageErrorNamingTheEncodingsExit2()
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, Records.Site());

        var result = await CommandLine.RunAsync(
            "push", "--server", "http://127.0.0.1:1", "--api-key", DevelopmentKeys.Relocation, "--encoding", "latin1", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--encoding 'latin1' is not one of: utf-8, gb18030 (or gbk)", result.Messages);
    }

    [Fact]
    public async Task Push_XlsxFile_StoresEveryRecord()
    {
        await using var server = await ServerProcess.StartAsync();
        using var folder = new TempFolder();
        var path = RecordFileWriting.Xlsx(folder, "human-resources.xlsx", Department.HumanResources,
            Records.Employment("EMP-0001"), Records.Employment("EMP-0002"), Records.JobVacancy());

        var result = await CommandLine.RunAsync("push", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.HumanResources, path);

        Assert.Equal(0, result.ExitCode);
        var batch = await StoredBatchAsync(server, DevelopmentKeys.HumanResources, path);
        Assert.Equal(3, batch.AcceptedCount);
    }

    [Fact]
    public async Task Push_SameFileAgain_SkipsTheStoredBatchAndCountsItsOutcome()
    {
        await using var server = await ServerProcess.StartAsync();
        using var folder = new TempFolder();
        var path = RecordFileWriting.JsonLines(folder, "relocation.jsonl", Records.Site(), Records.Household());
        string[] push = ["push", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Relocation, path];
        var first = await CommandLine.RunAsync(push);

        var second = await CommandLine.RunAsync(push);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        // source, records, batches sent, already stored, accepted, unchanged, rejected
        Assert.Matches(@"relocation\.jsonl\s*│\s*2\s*│\s*1\s*│\s*0\s*│\s*2\s*│\s*0\s*│\s*0", first.Output);
        Assert.Matches(@"relocation\.jsonl\s*│\s*2\s*│\s*0\s*│\s*1\s*│\s*2\s*│\s*0\s*│\s*0", second.Output);
        var batch = await StoredBatchAsync(server, DevelopmentKeys.Relocation, path);
        Assert.Equal(2, batch.AcceptedCount);
    }

    [Fact]
    public async Task Push_RejectedRecords_ExplainsThemAndExits1()
    {
        await using var server = await ServerProcess.StartAsync();
        using var folder = new TempFolder();
        var bad = Records.Household("HH-0002", seed: 1);
        bad.Household.Members[0].CitizenId = "451102198005120010";
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, Records.Site(), bad);

        var result = await CommandLine.RunAsync("push", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Relocation, path);

        Assert.Equal(1, result.ExitCode);
        // source, record (counted from 1), row (the header is row 1), source key, field, rule
        Assert.Matches(@"relocation\.csv\s*│\s*2\s*│\s*row 3\s*│\s*HH-0002\s*│\s*household\.members\[0\]\.citizen_id\s*│\s*CITIZEN_ID_CHECK_CHARACTER", result.Output);
    }

    [Fact]
    public async Task Push_MalformedJsonLine_NamesLineAndColumnSendsNothingAndExits2()
    {
        await using var server = await ServerProcess.StartAsync();
        using var folder = new TempFolder();
        var path = RecordFileWriting.JsonLines(folder, "relocation.jsonl", Records.Site(), Records.Household());
        File.AppendAllText(path, "{\"sourceKey\": \"HZ-S09\", \"site\": {\"name\": 城西}}\n");

        var result = await CommandLine.RunAsync("push", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Relocation, path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("relocation.jsonl: line 3, column 42:", result.Messages);
        Assert.Contains("Nothing was sent.", result.Messages);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "BATCH_NOT_FOUND", () => StoredBatchAsync(server, DevelopmentKeys.Relocation, path));
    }

    [Fact]
    public async Task Push_MalformedCsvRow_NamesRowAndColumnHeaderAndExits2()
    {
        await using var server = await ServerProcess.StartAsync();
        using var folder = new TempFolder();
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, Records.Site(), Records.Household());
        File.WriteAllText(path, File.ReadAllText(path).Replace("1982-11-03", "1982-11-0x"));

        var result = await CommandLine.RunAsync("push", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.Relocation, path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("relocation.csv: row 4, column '出生日期 / birth_date': '1982-11-0x' is not a date", result.Messages);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "BATCH_NOT_FOUND", () => StoredBatchAsync(server, DevelopmentKeys.Relocation, path));
    }

    [Fact]
    public async Task Push_WrongKey_SaysSoAndExits4()
    {
        await using var server = await ServerProcess.StartAsync();
        using var folder = new TempFolder();
        var path = RecordFileWriting.JsonLines(folder, "relocation.jsonl", Records.Site());

        var result = await CommandLine.RunAsync("push", "--server", server.Address.ToString(), "--api-key", "not-a-key", path);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("did not accept the API key (CREDENTIAL_INVALID)", result.Messages);
        Assert.DoesNotContain("   at ", result.Messages);
    }

    [Fact]
    public async Task Push_AnotherDepartmentsKinds_SaysNotPermittedAndExits4()
    {
        await using var server = await ServerProcess.StartAsync();
        using var folder = new TempFolder();
        var path = RecordFileWriting.JsonLines(folder, "relocation.jsonl", Records.Site());

        var result = await CommandLine.RunAsync("push", "--server", server.Address.ToString(), "--api-key", DevelopmentKeys.CivilAffairs, path);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("RECORD_KIND_NOT_PERMITTED", result.Messages);
    }

    [Fact]
    public async Task Push_ServerDown_NamesTheAddressAndExits3()
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.JsonLines(folder, "relocation.jsonl", Records.Site());
        var address = $"http://127.0.0.1:{UnusedPort()}";

        var result = await CommandLine.RunAsync("push", "--server", address, "--api-key", DevelopmentKeys.Relocation, path);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"cannot reach the server at {address}/", result.Messages);
        Assert.DoesNotContain("   at ", result.Messages);
    }

    [Fact]
    public async Task Push_NoApiKey_IsAUsageErrorExit2()
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.JsonLines(folder, "relocation.jsonl", Records.Site());

        var result = await CommandLine.RunAsync("push", "--server", "http://127.0.0.1:1", path);

        Assert.Equal(Environment.GetEnvironmentVariable("HEZHOU_API_KEY") is null ? 2 : 3, result.ExitCode);
    }

    private static async Task<Batch> StoredBatchAsync(ServerProcess server, string apiKey, string path)
    {
        var client = new SubmissionService.SubmissionServiceClient(server.Channel(apiKey));
        var batchId = RecordPusher.BatchId(RecordPusher.FilePrefix(path), 0);
        return (await client.GetBatchAsync(new GetBatchRequest { BatchId = batchId }, Deadlines.Call)).Batch;
    }

    internal static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
