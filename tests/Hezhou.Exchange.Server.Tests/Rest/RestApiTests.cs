using System.Net;
using System.Text.Json;
using Google.Protobuf;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Rest;

/// <summary>
/// The auditor read methods and the statistics over REST (JSON transcoding), called with a plain HttpClient: the same
/// keys, permissions, purposes, access log and masking as over gRPC, and errors as google.rpc.Status JSON.
/// </summary>
public sealed class RestApiTests(RestServer fixture) : IClassFixture<RestServer>
{
    private const string Purpose = "case 2024-017";
    private static readonly string Head = Records.HeadId();

    [Fact]
    public async Task GetStatistics_AuditorKey_AnswersTheSameAsGrpc()
    {
        using var client = fixture.Client(DevelopmentKeys.Auditor);

        using var response = await client.GetAsync("/v1/statistics?asOfDate.year=2023&asOfDate.month=12&asOfDate.day=31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var overRest = JsonParser.Default.Parse<GetStatisticsResponse>(await response.Content.ReadAsStringAsync());
        var audit = new AuditService.AuditServiceClient(fixture.Server.Channel(DevelopmentKeys.Auditor));
        var overGrpc = await audit.GetStatisticsAsync(
            new GetStatisticsRequest { AsOfDate = Records.Date(2023, 12, 31) }, Deadlines.Call);
        Assert.Equal(overGrpc, overRest);
        Assert.Equal(2, overRest.RelocatedPersons);
    }

    [Fact]
    public async Task GetPerson_AuditorKey_MasksTheCitizenId()
    {
        using var client = fixture.Client(DevelopmentKeys.Auditor);

        var body = await client.GetStringAsync($"/v1/persons/{Head}?purpose={Uri.EscapeDataString(Purpose)}");

        var person = JsonParser.Default.Parse<GetPersonResponse>(body).Person;
        Assert.Equal(Domain.Identity.CitizenId.Mask(Head), person.CitizenId);
        Assert.Equal("HH-0001", person.HouseholdId);
        Assert.DoesNotContain(Head, body);
    }

    [Fact]
    public async Task GetPerson_PersonalDataKey_ShowsTheCitizenIdAndIsLogged()
    {
        using var client = fixture.Client(DevelopmentKeys.AuditorWithPersonalData);
        var purpose = $"{Purpose} {Guid.NewGuid():N}";

        var body = await client.GetStringAsync($"/v1/persons/{Head}?purpose={Uri.EscapeDataString(purpose)}");

        Assert.Equal(Head, JsonParser.Default.Parse<GetPersonResponse>(body).Person.CitizenId);
        using var administrator = fixture.Client(DevelopmentKeys.Administrator);
        var log = JsonParser.Default.Parse<ListAccessLogResponse>(
            await administrator.GetStringAsync($"/v1/persons/{Head}/access-log?pageSize=1000"));
        var entry = Assert.Single(log.Entries, e => e.Purpose == purpose);
        Assert.Equal("auditor-personal-data-dev", entry.Principal);
        Assert.Equal("/hezhou.exchange.v1.AuditService/GetPerson", entry.Method);
    }

    [Fact]
    public async Task GetHousehold_AndListings_AnswerWithTheHousehold()
    {
        using var client = fixture.Client(DevelopmentKeys.Auditor);

        var household = JsonParser.Default.Parse<GetHouseholdResponse>(
            await client.GetStringAsync($"/v1/households/HH-0001?purpose={Uri.EscapeDataString(Purpose)}")).Household;
        var households = JsonParser.Default.Parse<ListHouseholdsResponse>(
            await client.GetStringAsync("/v1/households?siteCode=HZ-S01"));
        var discrepancies = JsonParser.Default.Parse<ListDiscrepanciesResponse>(
            await client.GetStringAsync("/v1/discrepancies?siteCode=HZ-S01&status=DISCREPANCY_STATUS_OPEN&purpose=case%202024-017"));
        var history = JsonParser.Default.Parse<GetRecordHistoryResponse>(await client.GetStringAsync(
            $"/v1/departments/DEPARTMENT_RELOCATION/records/RECORD_KIND_HOUSEHOLD/HH-0001/versions?purpose={Uri.EscapeDataString(Purpose)}"));

        Assert.Equal(2, household.Members.Count);
        Assert.All(household.Members, m => Assert.Contains("********", m.CitizenId));
        Assert.Equal("HH-0001", Assert.Single(households.Households).HouseholdId);
        Assert.Equal("zero-employment-household/HH-0001/", Assert.Single(discrepancies.Discrepancies).Key);
        var version = Assert.Single(history.Versions);
        Assert.Equal("reloc-1", version.BatchId);
        Assert.All(version.Record.Household.Members, m => Assert.Contains("********", m.CitizenId));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, 16, "CREDENTIAL_MISSING")]
    [InlineData("not-a-key", HttpStatusCode.Unauthorized, 16, "CREDENTIAL_INVALID")]
    [InlineData(DevelopmentKeys.Relocation, HttpStatusCode.Forbidden, 7, "ROLE_NOT_PERMITTED")]
    public async Task GetStatistics_WithoutAnAuditorsKey_IsRefusedWithTheStatusAndReason(
        string? apiKey, HttpStatusCode expected, int code, string reason)
    {
        using var client = fixture.Client(apiKey);

        using var response = await client.GetAsync("/v1/statistics");

        Assert.Equal(expected, response.StatusCode);
        var status = await ReadStatusAsync(response);
        Assert.Equal(code, status.GetProperty("code").GetInt32());
        Assert.Equal(reason, ErrorInfoReason(status));
    }

    [Fact]
    public async Task GetPerson_WithoutPurpose_IsBadRequestNamingTheField()
    {
        using var client = fixture.Client(DevelopmentKeys.Auditor);

        using var response = await client.GetAsync($"/v1/persons/{Head}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await ReadStatusAsync(response);
        Assert.Equal("INVALID_ARGUMENT", ErrorInfoReason(status));
        var badRequest = status.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        Assert.Equal("purpose", badRequest.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task GetPerson_Unknown_IsNotFound()
    {
        using var client = fixture.Client(DevelopmentKeys.Auditor);

        using var response = await client.GetAsync(
            $"/v1/persons/{Records.CitizenId(1970, 1, 1, 999)}?purpose={Uri.EscapeDataString(Purpose)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("PERSON_NOT_FOUND", ErrorInfoReason(await ReadStatusAsync(response)));
    }

    [Fact]
    public async Task OpenApiDocument_WithoutKey_DescribesTheReadMethodsAndTheApiKey()
    {
        using var client = fixture.Client(null);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(
            new HashSet<string>
            {
                "/v1/persons/{citizenId}", "/v1/households/{householdId}", "/v1/households", "/v1/discrepancies",
                "/v1/statistics", "/v1/departments/{department}/records/{kind}/{sourceKey}/versions",
                "/v1/persons/{citizenId}/access-log",
            },
            paths);
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("x-api-key", scheme.GetProperty("name").GetString());
    }

    private static async Task<JsonElement> ReadStatusAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static string? ErrorInfoReason(JsonElement status) =>
        status.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo")
            .GetProperty("reason").GetString();
}
