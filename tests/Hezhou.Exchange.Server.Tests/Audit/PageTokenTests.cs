using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Hezhou.Exchange.Server.Audit;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Audit;

/// <summary>
/// One real server process with a configured page-token key, over three households HH-0001..HH-0003, and replicas
/// of it started on the same store by the tests that need them.
/// </summary>
public sealed class PageTokenServer : IAsyncLifetime
{
    public const string Key = "the page-token key of this test run, shared by replicas";

    private ServerProcess? server;

    public ServerProcess Process => server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        server = await ServerProcess.StartAsync(settings: new Dictionary<string, string> { ["PageTokens:Key"] = Key });
        using var channel = server.Channel(DevelopmentKeys.Relocation);
        await new SubmissionService.SubmissionServiceClient(channel).SubmitReconciledAsync(
            "reloc-3", [Records.Site(), .. Enumerable.Range(1, 3).Select(i => Records.Household($"HH-000{i}", seed: i))]);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>
/// A page token pages only what it was issued for: the same list, filters and principal, signed with the server's
/// key. Anything else is INVALID_ARGUMENT with reason INVALID_PAGE_TOKEN, through real gRPC calls.
/// </summary>
public sealed class PageTokenTests(PageTokenServer fixture) : IClassFixture<PageTokenServer>
{
    private static readonly ListHouseholdsRequest FirstPage = new() { PageSize = 1 };

    [Fact]
    public async Task ListHouseholds_TokenOfTheSamePrincipal_NextPage()
    {
        using var channel = fixture.Process.Channel(DevelopmentKeys.Auditor);
        var audit = new AuditService.AuditServiceClient(channel);
        var first = await audit.ListHouseholdsAsync(FirstPage, Deadlines.Call);

        var second = await audit.ListHouseholdsAsync(new ListHouseholdsRequest { PageSize = 1, PageToken = first.NextPageToken }, Deadlines.Call);

        Assert.Equal(["HH-0002"], second.Households.Select(h => h.HouseholdId));
    }

    [Fact]
    public async Task ListHouseholds_TokenOfAnotherPrincipal_InvalidPageToken()
    {
        var token = await FirstTokenAsync(fixture.Process, DevelopmentKeys.Auditor);

        await AssertRefusedAsync(fixture.Process, DevelopmentKeys.AuditorWithPersonalData, new ListHouseholdsRequest { PageSize = 1, PageToken = token });
    }

    [Fact]
    public async Task ListHouseholds_TokenOfOtherFilters_InvalidPageToken()
    {
        var token = await FirstTokenAsync(fixture.Process, DevelopmentKeys.Auditor);

        await AssertRefusedAsync(
            fixture.Process, DevelopmentKeys.Auditor, new ListHouseholdsRequest { PageSize = 1, SiteCode = "HZ-S01", PageToken = token });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(-1)]
    public async Task ListHouseholds_TokenWithOneByteAltered_InvalidPageToken(int position)
    {
        var bytes = Base64Url.DecodeFromChars(await FirstTokenAsync(fixture.Process, DevelopmentKeys.Auditor));
        bytes[position < 0 ? bytes.Length + position : position] ^= 0x01;

        await AssertRefusedAsync(
            fixture.Process, DevelopmentKeys.Auditor, new ListHouseholdsRequest { PageSize = 1, PageToken = Base64Url.EncodeToString(bytes) });
    }

    public static TheoryData<string, string> HandMadeTokens => new()
    {
        { "the JSON alone, unsigned", Base64Url.EncodeToString("""{"V":2,"K":"HH-0001"}"""u8) },
        { "the JSON behind a signature of zeros", Base64Url.EncodeToString([.. new byte[32], .. """{"V":2,"K":"HH-0001"}"""u8]) },
        { "the unsigned format of before, with its fingerprint of no filters", UnsignedTokenOfBefore("HH-0001") },
        { "padded base64 of JSON", Convert.ToBase64String("""{"V":2,"K":"HH-0001"}"""u8) },
    };

    [Theory]
    [MemberData(nameof(HandMadeTokens))]
    public async Task ListHouseholds_HandMadeToken_InvalidPageToken(string forgery, string token)
    {
        Assert.NotEmpty(forgery);

        await AssertRefusedAsync(fixture.Process, DevelopmentKeys.Auditor, new ListHouseholdsRequest { PageSize = 1, PageToken = token });
    }

    [Fact]
    public async Task ListHouseholds_TokenFromAReplicaSharingTheKey_NextPage()
    {
        var token = await FirstTokenAsync(fixture.Process, DevelopmentKeys.Auditor);
        await using var replica = await ServerProcess.StartAsync(
            settings: new Dictionary<string, string> { ["PageTokens:Key"] = PageTokenServer.Key, ["Reconciliation:Enabled"] = "false" },
            databasePath: fixture.Process.DatabasePath);
        using var channel = replica.Channel(DevelopmentKeys.Auditor);

        var second = await new AuditService.AuditServiceClient(channel).ListHouseholdsAsync(
            new ListHouseholdsRequest { PageSize = 1, PageToken = token }, Deadlines.Call);

        Assert.Equal(["HH-0002"], second.Households.Select(h => h.HouseholdId));
    }

    [Fact]
    public async Task ListHouseholds_TokenFromAReplicaWithItsOwnKey_InvalidPageToken()
    {
        var token = await FirstTokenAsync(fixture.Process, DevelopmentKeys.Auditor);
        await using var replica = await ServerProcess.StartAsync(
            settings: new Dictionary<string, string> { ["Reconciliation:Enabled"] = "false" },
            databasePath: fixture.Process.DatabasePath);

        await AssertRefusedAsync(replica, DevelopmentKeys.Auditor, new ListHouseholdsRequest { PageSize = 1, PageToken = token });
        Assert.Contains("PageTokens:Key is not set", replica.Output);
    }

    [Fact]
    public async Task ListDiscrepancies_TokenOfAnotherPrincipal_InvalidPageToken()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushEmployedStrangerAsync(app);
        await AuditData.PushDibaoStrangerAsync(app);
        var first = await app.Audit(DevelopmentKeys.Auditor).ListDiscrepanciesAsync(new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", PageSize = 1 }, Deadlines.Call);
        Assert.NotEqual("", first.NextPageToken);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN", () =>
            app.Audit(DevelopmentKeys.AuditorWithPersonalData).ListDiscrepanciesAsync(
                new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", PageSize = 1, PageToken = first.NextPageToken }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["page_token"], AuditData.ViolatedFields(status));
    }

    [Fact]
    public async Task ListAccessLog_TokenOfAnotherAdministrator_InvalidPageToken()
    {
        const string secondAdministrator = "a second administrator's key";
        await using var app = new ExchangeApplication(
            new Dictionary<string, string?>
            {
                ["Auth:ApiKeys:6:Name"] = "administrator-2",
                ["Auth:ApiKeys:6:Role"] = "Administrator",
                ["Auth:ApiKeys:6:KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secondAdministrator))),
            },
            clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        var auditor = app.Audit(DevelopmentKeys.Auditor);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await auditor.GetPersonAsync(new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose }, Deadlines.Call);
        }
        var first = await app.Audit(DevelopmentKeys.Administrator).ListAccessLogAsync(
            new ListAccessLogRequest { CitizenId = AuditData.Spouse, PageSize = 1 }, Deadlines.Call);
        Assert.NotEqual("", first.NextPageToken);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN", () =>
            app.Audit(secondAdministrator).ListAccessLogAsync(
                new ListAccessLogRequest { CitizenId = AuditData.Spouse, PageSize = 1, PageToken = first.NextPageToken },
                Deadlines.Call).ResponseAsync);
    }

    private static async Task<string> FirstTokenAsync(ServerProcess server, string apiKey)
    {
        using var channel = server.Channel(apiKey);
        var first = await new AuditService.AuditServiceClient(channel).ListHouseholdsAsync(FirstPage, Deadlines.Call);
        Assert.NotEqual("", first.NextPageToken);
        return first.NextPageToken;
    }

    private static async Task AssertRefusedAsync(ServerProcess server, string apiKey, ListHouseholdsRequest request)
    {
        using var channel = server.Channel(apiKey);
        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN", () =>
            new AuditService.AuditServiceClient(channel).ListHouseholdsAsync(request, Deadlines.Call).ResponseAsync);
        Assert.Equal(["page_token"], AuditData.ViolatedFields(status));
    }

    /// <summary>
    /// A token as the server made them before they were signed: base64url JSON of the last key and a fingerprint
    /// anyone could compute from the list's name and filters (here none).
    /// </summary>
    private static string UnsignedTokenOfBefore(string lastKey)
    {
        var fingerprint = Convert.ToHexStringLower(
            SHA256.HashData(Encoding.UTF8.GetBytes("HouseholdListing\u001f\u001f\u001fUnspecified")).AsSpan(0, 8));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"V":1,"K":"{{lastKey}}","F":"{{fingerprint}}"}"""));
    }
}
