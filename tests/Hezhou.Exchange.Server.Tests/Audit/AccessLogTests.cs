using Grpc.Core;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Tests.Audit;

public sealed class AccessLogTests
{
    private const string Service = "/hezhou.exchange.v1.AuditService/";

    [Fact]
    public async Task GetPerson_Read_WritesOneAccessLogRowWithFullSubject()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);

        await app.Audit(DevelopmentKeys.Auditor).GetPersonAsync(
            new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose }, Deadlines.Call);

        await using var log = app.OpenAccessLog();
        var row = Assert.Single(await log.AccessLog.ToListAsync());
        Assert.Equal("auditor-dev", row.Principal);
        Assert.Equal(Service + "GetPerson", row.Method);
        Assert.Equal(AuditData.Spouse, row.Subject);
        Assert.Equal(AuditData.Purpose, row.Purpose);
        Assert.Equal(3, row.RecordCount); // the person, one employment, one entitlement
        Assert.Equal(FixedClock.MidYear2024.GetUtcNow().UtcDateTime, row.AccessedAt);
        // The log is kept in its own file: the store's file is not written for a read.
        await using var store = app.OpenStore();
        Assert.Equal(0, await store.AccessLog.CountAsync());
    }

    [Fact]
    public async Task GetHousehold_Read_WritesOneAccessLogRowPerMember()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);

        await app.Audit(DevelopmentKeys.Auditor).GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = AuditData.Purpose }, Deadlines.Call);

        await using var log = app.OpenAccessLog();
        var rows = await log.AccessLog.ToListAsync();
        Assert.Equal([Records.HeadId(), Records.SpouseId()], rows.Select(r => r.Subject).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(Service + "GetHousehold", r.Method));
    }

    [Fact]
    public async Task ListDiscrepancies_Page_WritesOneAccessLogRowPerSubjectListed()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushEmployedStrangerAsync(app);
        await AuditData.PushDibaoStrangerAsync(app);

        var listed = await app.Audit(DevelopmentKeys.HumanResources).ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = AuditData.Purpose }, Deadlines.Call);

        await using var log = app.OpenAccessLog();
        var row = Assert.Single(await log.AccessLog.ToListAsync());
        Assert.Single(listed.Discrepancies);
        Assert.Equal("human-resources-dev", row.Principal);
        Assert.Equal(Service + "ListDiscrepancies", row.Method);
        Assert.Equal(AuditData.EmployedStranger, row.Subject);
        Assert.Equal(AuditData.Purpose, row.Purpose);
        Assert.Equal(1, row.RecordCount);
    }

    [Fact]
    public async Task GetRecordHistory_Read_WritesOneAccessLogRowPerCitizenNamed()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);

        await app.Audit(DevelopmentKeys.Auditor).GetRecordHistoryAsync(
            new GetRecordHistoryRequest
            {
                Department = Department.Relocation,
                Kind = RecordKind.Household,
                SourceKey = "HH-0001",
                Purpose = AuditData.Purpose,
            },
            Deadlines.Call);

        await using var log = app.OpenAccessLog();
        var rows = await log.AccessLog.ToListAsync();
        Assert.Equal([Records.HeadId(), Records.SpouseId()], rows.Select(r => r.Subject).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(Service + "GetRecordHistory", r.Method));
        Assert.All(rows, r => Assert.Equal(1, r.RecordCount));
    }

    [Fact]
    public async Task ListAccessLog_AfterThreeReads_AdministratorSeesThemNewestFirst()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        var auditor = app.Audit(DevelopmentKeys.Auditor);
        await auditor.GetPersonAsync(new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = "case A-1" }, Deadlines.Call);
        await auditor.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = "case A-2" }, Deadlines.Call);
        await auditor.GetRecordHistoryAsync(
            new GetRecordHistoryRequest
            {
                Department = Department.CivilAffairs,
                Kind = RecordKind.WelfareEntitlement,
                SourceKey = "ENT-0001",
                Purpose = "case A-3",
            },
            Deadlines.Call);

        var response = await app.Audit(DevelopmentKeys.Administrator).ListAccessLogAsync(
            new ListAccessLogRequest { CitizenId = AuditData.Spouse }, Deadlines.Call);

        Assert.Equal(["case A-3", "case A-2", "case A-1"], response.Entries.Select(e => e.Purpose));
        Assert.Equal(
            [Service + "GetRecordHistory", Service + "GetHousehold", Service + "GetPerson"],
            response.Entries.Select(e => e.Method));
        Assert.All(response.Entries, e => Assert.Equal("auditor-dev", e.Principal));
        Assert.All(response.Entries, e => Assert.Equal(AuditData.Spouse, e.Subject));
        Assert.Equal("", response.NextPageToken);
    }

    [Fact]
    public async Task ListAccessLog_MoreReadsThanOnePage_PagesWithoutGapsOrDuplicates()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        var auditor = app.Audit(DevelopmentKeys.Auditor);
        for (var i = 0; i < 5; i++)
        {
            await auditor.GetPersonAsync(new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = $"case B-{i}" }, Deadlines.Call);
        }
        var administrator = app.Audit(DevelopmentKeys.Administrator);

        var pages = await AllPagesAsync(administrator, AuditData.Spouse, pageSize: 2);

        Assert.Equal(3, pages.Count);
        Assert.Equal(["case B-4", "case B-3", "case B-2", "case B-1", "case B-0"], PurposesOf(pages));
    }

    [Fact]
    public async Task ListAccessLog_BeforeAndAfterTheReadsAreIndexedBySubject_ListsTheSamePages()
    {
        // Batches of two: the log is indexed behind the reads while they go on, and the last reads are left in the
        // tail until the writer has been idle for a second.
        await using var app = new ExchangeApplication(
            new Dictionary<string, string?> { ["AccessLog:IndexBatch"] = "2" }, clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        var auditor = app.Audit(DevelopmentKeys.Auditor);
        for (var i = 0; i < 4; i++)
        {
            await auditor.GetPersonAsync(new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = $"case C-{i}" }, Deadlines.Call);
            await auditor.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = $"case D-{i}" }, Deadlines.Call);
        }
        var administrator = app.Audit(DevelopmentKeys.Administrator);
        string[] expected = ["case D-3", "case C-3", "case D-2", "case C-2", "case D-1", "case C-1", "case D-0", "case C-0"];

        Assert.Equal(expected, await AllPurposesAsync(administrator, AuditData.Spouse, pageSize: 3));

        await Polling.UntilAsync(
            async () =>
            {
                await using var log = app.OpenAccessLog();
                return await log.AccessLogSubjects.CountAsync() == await log.AccessLog.CountAsync();
            },
            "The access log was never indexed whole by subject.");
        Assert.Equal(expected, await AllPurposesAsync(administrator, AuditData.Spouse, pageSize: 3));
        Assert.Equal(
            expected.Where(p => p.StartsWith("case D", StringComparison.Ordinal)),
            await AllPurposesAsync(administrator, Records.HeadId(), pageSize: 3));
    }

    [Fact]
    public async Task Start_StoreFromBeforeTheIndexBySubject_MovesItsLogToItsOwnFileAndIndexesIt()
    {
        var path = TestPaths.NewDatabasePath();
        try
        {
            // The last migration before the index by subject.
            await OlderStores.MigrateToAsync(path, "IndicatorSumsPerScope");
            var file = new LedgerFile(path);
            foreach (var purpose in new[] { "case E-0", "case E-1", "case E-2" })
            {
                await file.ExecuteAsync(
                    "INSERT INTO access_log (Principal, Method, Subject, Purpose, RecordCount, AccessedAt) " +
                    "VALUES ('auditor-dev', '/hezhou.exchange.v1.AuditService/GetPerson', @subject, @purpose, 1, '2023-12-01 08:00:00')",
                    ("@subject", AuditData.Spouse), ("@purpose", purpose));
            }

            // Batches of two: three entries are a backlog, indexed a batch at a time while no reads come.
            await using var app = new ExchangeApplication(
                new Dictionary<string, string?> { ["AccessLog:IndexBatch"] = "2" }, databasePath: path);
            var administrator = app.Audit(DevelopmentKeys.Administrator);

            Assert.Equal(["case E-2", "case E-1", "case E-0"], await AllPurposesAsync(administrator, AuditData.Spouse, pageSize: 2));
            await using (var store = app.OpenStore())
            {
                Assert.Equal(0, await store.AccessLog.CountAsync());
            }
            var moved = await new LedgerFile(app.AccessLogPath).RowsAsync("access_log");
            Assert.Equal([1L, 2L, 3L], moved.Select(r => r.Id));
            var verification = await new LedgerService.LedgerServiceClient(app.Channel(DevelopmentKeys.Administrator))
                .VerifyLedgerAsync(new VerifyLedgerRequest { Chains = { LedgerChain.AccessLog } }, Deadlines.Call);
            Assert.True(verification.Chains.Single().Intact, verification.Chains.Single().FirstBreak?.Description);
            Assert.Equal(3, verification.Chains.Single().HeadSequence);
            await Polling.UntilAsync(
                async () =>
                {
                    await using var log = app.OpenAccessLog();
                    return await log.AccessLogSubjects.CountAsync() == 3;
                },
                "The access log from before the index was never indexed by subject.");
            Assert.Equal(["case E-2", "case E-1", "case E-0"], await AllPurposesAsync(administrator, AuditData.Spouse, pageSize: 2));
        }
        finally
        {
            TestPaths.DeleteDatabase(path);
        }
    }

    [Theory]
    [InlineData(DevelopmentKeys.Auditor)]
    [InlineData(DevelopmentKeys.AuditorWithPersonalData)]
    [InlineData(DevelopmentKeys.Relocation)]
    public async Task ListAccessLog_NotAdministrator_FailsWithPermissionDenied(string apiKey)
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED", () =>
            app.Audit(apiKey).ListAccessLogAsync(
                new ListAccessLogRequest { CitizenId = AuditData.Spouse }, Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task ListAccessLog_MalformedCitizenId_FailsWithInvalidArgumentOnCitizenId()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Administrator).ListAccessLogAsync(
                new ListAccessLogRequest { CitizenId = "4511021982" }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["citizen_id"], AuditData.ViolatedFields(status));
    }

    [Fact]
    public async Task GetPerson_Failed_WritesNoAccessLogRow()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "PERSON_NOT_FOUND", () =>
            app.Audit(DevelopmentKeys.Auditor).GetPersonAsync(
                new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose }, Deadlines.Call).ResponseAsync);

        await using var log = app.OpenAccessLog();
        Assert.Equal(0, await log.AccessLog.CountAsync());
    }

    /// <summary>Every page of one subject's access log, following the page tokens to the last.</summary>
    private static async Task<List<ListAccessLogResponse>> AllPagesAsync(
        AuditService.AuditServiceClient administrator, string subject, int pageSize)
    {
        var pages = new List<ListAccessLogResponse>();
        var request = new ListAccessLogRequest { CitizenId = subject, PageSize = pageSize };
        do
        {
            var page = await administrator.ListAccessLogAsync(request, Deadlines.Call);
            pages.Add(page);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");
        return pages;
    }

    /// <summary>The purposes of one subject's access-log entries, page after page.</summary>
    private static async Task<List<string>> AllPurposesAsync(
        AuditService.AuditServiceClient administrator, string subject, int pageSize) =>
        PurposesOf(await AllPagesAsync(administrator, subject, pageSize));

    private static List<string> PurposesOf(IEnumerable<ListAccessLogResponse> pages) =>
        [.. pages.SelectMany(page => page.Entries.Select(e => e.Purpose))];
}
