using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Hezhou.Exchange.V1;
using CitizenId = Hezhou.Exchange.Domain.Identity.CitizenId;

namespace Hezhou.Exchange.Server.Tests.Security;

/// <summary>
/// Every read method, over gRPC and REST, as every principal without the personal-data scope, against one real server
/// whose store holds citizen IDs planted in every key and free-text field a department or an auditor can fill: no
/// response or error holds a valid citizen ID, and no masked ID can be completed from the other values beside it.
/// </summary>
public sealed partial class PersonalDataMaskingTests(PersonalDataMaskingTests.PlantedStore store)
    : IClassFixture<PersonalDataMaskingTests.PlantedStore>
{
    public const string AdministratorWithoutScope = "test-administrator-without-personal-data-key";
    private const string Purpose = "case 2024-017: masking review";

    public static TheoryData<string> CallersWithoutScope =>
    [
        DevelopmentKeys.Auditor, DevelopmentKeys.Relocation, DevelopmentKeys.HumanResources,
        DevelopmentKeys.CivilAffairs, AdministratorWithoutScope,
    ];

    [Theory]
    [MemberData(nameof(CallersWithoutScope))]
    public async Task EveryReadMethod_CallerWithoutPersonalDataScope_NoCitizenIdReadableOrRebuildable(string apiKey)
    {
        var answers = await store.ReadEverythingAsync(apiKey);

        Assert.NotEmpty(answers);
        foreach (var (call, text) in answers)
        {
            AssertNoCitizenIdIn(call, text);
        }
    }

    [Fact]
    public async Task EveryReadMethod_CallerWithPersonalDataScope_SeesThePlantedIdsInFull()
    {
        // The control: the same calls with the scope show what was planted, so the test above is about masking and
        // not about calls that return nothing.
        var text = string.Join("\n", (await store.ReadEverythingAsync(DevelopmentKeys.AuditorWithPersonalData)).Select(a => a.Text));

        Assert.Contains($"3栋{PlantedStore.Planted}室", text);
        Assert.Contains($"EMP{PlantedStore.Head}", text);
        Assert.Contains(PlantedStore.Stranger, text);
        Assert.Contains($"answered {PlantedStore.Planted}", text);
    }

    /// <summary>No valid ID, new or legacy; and no masked ID completes, with any date and any four characters shown, to a planted one.</summary>
    private static void AssertNoCitizenIdIn(string call, string text)
    {
        foreach (var id in PlantedStore.AllIds)
        {
            Assert.False(text.Contains(id, StringComparison.Ordinal), $"{call} shows {id}: {text}");
        }
        for (var at = 0; at + CitizenId.Length <= text.Length; at++)
        {
            var window = text.Substring(at, CitizenId.Length);
            Assert.False(CitizenId.TryParse(window, new DateOnly(2100, 1, 1), out _, out _, out _), $"{call} shows {window}: {text}");
        }

        var dates = DateShapes().Matches(text).Select(m => m.Groups["y"].Value + m.Groups["m"].Value.PadLeft(2, '0') + m.Groups["d"].Value.PadLeft(2, '0'))
            .Concat(JsonDates().Matches(text).Select(m => m.Groups["y"].Value + m.Groups["m"].Value.PadLeft(2, '0') + m.Groups["d"].Value.PadLeft(2, '0')))
            .ToHashSet();
        // A sequence and check character shown on their own (as the last four of an older mask were), not the letters
        // and digits inside a longer code or hash.
        var tails = Tail().Matches(text).Select(m => m.Value).ToHashSet();
        foreach (Match masked in MaskedId().Matches(text))
        {
            var region = masked.Groups["region"].Value;
            var rebuilt = PlantedStore.AllIds.Where(id => id.StartsWith(region, StringComparison.Ordinal)
                && dates.Contains(id[6..14]) && tails.Contains(id[14..])).ToList();
            Assert.True(rebuilt.Count == 0, $"{call}: {masked.Value} completes to {string.Join(", ", rebuilt)} from the response's dates and characters: {text}");
        }
    }

    [GeneratedRegex("(?<y>(19|20)[0-9]{2})-?(?<m>[0-9]{1,2})-?(?<d>[0-9]{1,2})")]
    private static partial Regex DateShapes();

    [GeneratedRegex("\"year\": *(?<y>[0-9]{4}), *\"month\": *(?<m>[0-9]{1,2}), *\"day\": *(?<d>[0-9]{1,2})")]
    private static partial Regex JsonDates();

    [GeneratedRegex("(?<![A-Za-z0-9])[0-9]{3}[0-9X](?![A-Za-z0-9])")]
    private static partial Regex Tail();

    [GeneratedRegex("(?<region>[0-9]{6})\\*{8,}")]
    private static partial Regex MaskedId();

    /// <summary>
    /// A real server whose records carry citizen IDs in their keys and free text, with discrepancies answered, acknowledged
    /// and waived in notes that hold IDs, and reads logged with purposes that hold IDs.
    /// </summary>
    public sealed class PlantedStore : IAsyncLifetime
    {
        public static readonly string Head = Records.HeadId();
        public static readonly string Spouse = Records.SpouseId();
        public static readonly string Planted = Records.CitizenId(1970, 2, 2, 161);
        public static readonly string Stranger = Records.CitizenId(1992, 3, 3, 61, "451121");
        public static readonly string Second = Records.CitizenId(1975, 7, 7, 33, "451123");
        public static readonly string SecondSpouse = Records.CitizenId(1977, 8, 9, 44, "451123");
        public static readonly string Legacy = "451102700202161";

        public static readonly string[] AllIds = [Head, Spouse, Planted, Stranger, Second, SecondSpouse, Legacy];

        private ServerProcess server = null!;

        public async Task InitializeAsync()
        {
            server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
            {
                ["Auth:ApiKeys:6:Name"] = "administrator-without-personal-data",
                ["Auth:ApiKeys:6:Role"] = "Administrator",
                ["Auth:ApiKeys:6:KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AdministratorWithoutScope))),
            });

            var household = Records.Household();
            household.Household.Address = $"3栋{Planted}室 (old ID {Legacy})";
            var second = new SubmissionRecord
            {
                SourceKey = $"HH{Second}",
                Household = new Household { SiteCode = "HZ-S01", Address = $"5栋 {Second}", RelocationDate = Records.Date(2020, 1, 1) },
            };
            second.Household.Members.Add(Records.Member(Second, "黄文", Gender.Male, Records.Date(1975, 7, 7), RelationToHead.Self));
            second.Household.Members.Add(Records.Member(SecondSpouse, "李梅", Gender.Female, Records.Date(1977, 8, 9), RelationToHead.Spouse));
            await Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync("reloc-1", Records.Site(), household, second);

            var employment = Records.Employment($"EMP{Head}", Head);
            employment.Employment.EmployerName = $"贺州{Planted}厂";
            employment.Employment.LocationDetail = $"八步区{Planted}号";
            var stranger = Records.Employment($"EMP{Stranger}", Stranger);
            await Submissions(DevelopmentKeys.HumanResources).SubmitReconciledAsync("hr-1", employment, stranger);
            await Submissions(DevelopmentKeys.CivilAffairs).SubmitReconciledAsync(
                "ca-1", Records.WelfareEntitlement($"ENT{Spouse}", Spouse));

            var audit = Audit(DevelopmentKeys.AuditorWithPersonalData);
            var keys = (await audit.ListDiscrepanciesAsync(
                    new ListDiscrepanciesRequest { Purpose = Purpose, Status = DiscrepancyStatus.Open }, Deadlines.Call))
                .Discrepancies.Select(d => d.Key).ToList();
            var unknown = keys.Single(k => k.Contains(Stranger, StringComparison.Ordinal));
            await Audit(DevelopmentKeys.HumanResources).AnswerDiscrepancyAsync(
                new AnswerDiscrepancyRequest { Key = unknown, Answer = DiscrepancyAnswer.Disputed, Reason = $"answered {Planted}" },
                Deadlines.Call);
            await audit.UpdateDiscrepancyAsync(
                new UpdateDiscrepancyRequest { Key = unknown, Action = DiscrepancyAction.Acknowledge, Note = $"see {Planted} and {Head}" },
                Deadlines.Call);
            foreach (var other in keys.Where(k => k != unknown))
            {
                await audit.UpdateDiscrepancyAsync(
                    new UpdateDiscrepancyRequest { Key = other, Action = DiscrepancyAction.Waive, Note = $"waived: {Spouse} confirmed" },
                    Deadlines.Call);
            }
            await audit.GetPersonAsync(new GetPersonRequest { CitizenId = Head, Purpose = $"case about {Planted}" }, Deadlines.Call);
        }

        public async Task DisposeAsync() => await server.DisposeAsync();

        /// <summary>Every read a principal may make, and the answers that fail, each as the text a client would see.</summary>
        public async Task<List<(string Call, string Text)>> ReadEverythingAsync(string apiKey)
        {
            var audit = Audit(apiKey);
            var submissions = Submissions(apiKey);
            var ledger = new LedgerService.LedgerServiceClient(server.Channel(apiKey));
            var answers = new List<(string, string)>();

            async Task Read(string call, Func<Task<IMessage>> read)
            {
                try
                {
                    answers.Add((call, JsonFormatter.Default.Format(await read())));
                }
                catch (RpcException exception) when (exception.StatusCode != StatusCode.PermissionDenied)
                {
                    answers.Add((call, StatusText(exception)));
                }
                catch (RpcException)
                {
                    // Not this principal's method: the permission matrix covers who may call what.
                }
            }

            await Read("GetPerson", async () => await audit.GetPersonAsync(new GetPersonRequest { CitizenId = Head, Purpose = Purpose }, Deadlines.Call));
            await Read("GetPerson(spouse)", async () => await audit.GetPersonAsync(new GetPersonRequest { CitizenId = Spouse, Purpose = Purpose }, Deadlines.Call));
            await Read("GetHousehold", async () => await audit.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = Purpose }, Deadlines.Call));
            await Read("GetHousehold(keyed by ID)", async () => await audit.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = $"HH{Second}", Purpose = Purpose }, Deadlines.Call));
            await Read("GetHousehold(not found)", async () => await audit.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = $"HH{Planted}", Purpose = Purpose }, Deadlines.Call));
            await Read("ListHouseholds", async () => await audit.ListHouseholdsAsync(new ListHouseholdsRequest(), Deadlines.Call));
            await Read("ListDiscrepancies", async () => await audit.ListDiscrepanciesAsync(new ListDiscrepanciesRequest { Purpose = Purpose }, Deadlines.Call));
            await Read("GetStatistics", async () => await audit.GetStatisticsAsync(new GetStatisticsRequest(), Deadlines.Call));
            foreach (var (department, kind, key) in new[]
            {
                (Department.Relocation, RecordKind.Household, "HH-0001"),
                (Department.Relocation, RecordKind.Household, $"HH{Second}"),
                (Department.HumanResources, RecordKind.Employment, $"EMP{Head}"),
                (Department.HumanResources, RecordKind.Employment, $"EMP{Stranger}"),
                (Department.CivilAffairs, RecordKind.WelfareEntitlement, $"ENT{Spouse}"),
                (Department.HumanResources, RecordKind.Employment, $"EMP{Planted}"),
            })
            {
                await Read($"GetRecordHistory({key})", async () => await audit.GetRecordHistoryAsync(
                    new GetRecordHistoryRequest { Department = department, Kind = kind, SourceKey = key, Purpose = Purpose }, Deadlines.Call));
            }
            await Read("ListAccessLog", async () => await audit.ListAccessLogAsync(new ListAccessLogRequest { CitizenId = Head }, Deadlines.Call));
            await Read("UpdateDiscrepancy(not found)", async () => await audit.UpdateDiscrepancyAsync(
                new UpdateDiscrepancyRequest { Key = $"unknown-person/{Planted}/", Action = DiscrepancyAction.Acknowledge }, Deadlines.Call));
            await Read("VerifyLedger", async () => await ledger.VerifyLedgerAsync(new VerifyLedgerRequest(), Deadlines.Call));
            foreach (var batch in new[] { "reloc-1", "hr-1", "ca-1" })
            {
                await Read($"GetBatch({batch})", async () => await submissions.GetBatchAsync(new GetBatchRequest { BatchId = batch }, Deadlines.Call));
            }
            await Read("SubmitBatch(rejected)", async () =>
            {
                var bad = Records.Employment($"EMP{Planted}", Planted);
                bad.Employment.EmployerCreditCode = Planted;
                return await submissions.SubmitBatchAsync(Records.Batch($"bad-{Guid.NewGuid():N}", bad), Deadlines.Call);
            });

            using var rest = Rest(apiKey);
            foreach (var path in new[]
            {
                $"/v1/persons/{Head}?purpose={Uri.EscapeDataString(Purpose)}",
                $"/v1/households/HH-0001?purpose={Uri.EscapeDataString(Purpose)}",
                $"/v1/households/HH{Second}?purpose={Uri.EscapeDataString(Purpose)}",
                $"/v1/households/HH{Planted}?purpose={Uri.EscapeDataString(Purpose)}",
                "/v1/households",
                $"/v1/discrepancies?purpose={Uri.EscapeDataString(Purpose)}",
                "/v1/statistics",
                $"/v1/departments/DEPARTMENT_HUMAN_RESOURCES/records/RECORD_KIND_EMPLOYMENT/EMP{Head}/versions?purpose={Uri.EscapeDataString(Purpose)}",
                $"/v1/persons/{Head}/access-log",
            })
            {
                using var response = await rest.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    answers.Add(($"GET {path}", await response.Content.ReadAsStringAsync()));
                }
            }
            return answers;
        }

        private SubmissionService.SubmissionServiceClient Submissions(string apiKey) => new(server.Channel(apiKey));

        private AuditService.AuditServiceClient Audit(string apiKey) => new(server.Channel(apiKey));

        private HttpClient Rest(string apiKey)
        {
            var client = new HttpClient
            {
                BaseAddress = server.Address,
                DefaultRequestVersion = HttpVersion.Version20,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Timeout = TimeSpan.FromSeconds(30),
            };
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
            return client;
        }

        /// <summary>A failure as a client reads it: the status line, and every detail of the rich status.</summary>
        private static string StatusText(RpcException exception)
        {
            var text = new StringBuilder($"{exception.StatusCode}: {exception.Status.Detail}\n");
            if (exception.GetRpcStatus() is { } status)
            {
                text.AppendLine(status.Message);
                foreach (var detail in status.Details)
                {
                    text.AppendLine(detail.TypeUrl.EndsWith("BadRequest", StringComparison.Ordinal)
                        ? detail.Unpack<BadRequest>().ToString()
                        : detail.TypeUrl.EndsWith("ErrorInfo", StringComparison.Ordinal) ? detail.Unpack<ErrorInfo>().ToString() : detail.ToString());
                }
            }
            return text.ToString();
        }
    }
}
