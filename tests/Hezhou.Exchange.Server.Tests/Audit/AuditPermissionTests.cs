using Google.Rpc;
using Grpc.Core;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Audit;

/// <summary>Every AuditService method against every kind of caller, from one table.</summary>
public sealed class AuditPermissionTests
{
    private const string NoKey = "(none)";

    private static readonly string[] AllKeys =
    [
        DevelopmentKeys.Relocation,
        DevelopmentKeys.HumanResources,
        DevelopmentKeys.CivilAffairs,
        DevelopmentKeys.Auditor,
        DevelopmentKeys.AuditorWithPersonalData,
        DevelopmentKeys.Administrator,
        NoKey,
    ];

    private static readonly string[] Departments =
        [DevelopmentKeys.Relocation, DevelopmentKeys.HumanResources, DevelopmentKeys.CivilAffairs];

    private static readonly string[] Auditors = [DevelopmentKeys.Auditor, DevelopmentKeys.AuditorWithPersonalData];

    /// <summary>
    /// The table: each method, the keys it is open to, and a call that is otherwise valid. A call gets the caller's
    /// own department, so a department asks about its own records. On the empty store an allowed call may well fail
    /// (NOT_FOUND), but never with PERMISSION_DENIED or UNAUTHENTICATED.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string[] Allowed, Func<AuditService.AuditServiceClient, Department, Task> Call)> Table =
        new Dictionary<string, (string[], Func<AuditService.AuditServiceClient, Department, Task>)>
        {
            ["GetPerson"] = (
                [.. Auditors, DevelopmentKeys.Administrator],
                (client, _) => client.GetPersonAsync(
                    new GetPersonRequest { CitizenId = Records.HeadId(), Purpose = AuditData.Purpose }, Deadlines.Call).ResponseAsync),
            ["GetHousehold"] = (
                [.. Auditors, DevelopmentKeys.Administrator],
                (client, _) => client.GetHouseholdAsync(
                    new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = AuditData.Purpose }, Deadlines.Call).ResponseAsync),
            ["ListHouseholds"] = (
                [.. Auditors, DevelopmentKeys.Administrator],
                (client, _) => client.ListHouseholdsAsync(new ListHouseholdsRequest(), Deadlines.Call).ResponseAsync),
            ["ListDiscrepancies"] = (
                [.. Auditors, DevelopmentKeys.Administrator, .. Departments],
                (client, _) => client.ListDiscrepanciesAsync(new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review" }, Deadlines.Call).ResponseAsync),
            ["UpdateDiscrepancy"] = (
                Auditors,
                (client, _) => client.UpdateDiscrepancyAsync(
                    new UpdateDiscrepancyRequest { Key = AuditData.UnknownPersonKey(Records.HeadId()), Action = DiscrepancyAction.Acknowledge },
                    Deadlines.Call).ResponseAsync),
            ["AnswerDiscrepancy"] = (
                Departments,
                (client, _) => client.AnswerDiscrepancyAsync(
                    new AnswerDiscrepancyRequest
                    {
                        Key = AuditData.UnknownPersonKey(Records.HeadId()),
                        Answer = DiscrepancyAnswer.WillCorrect,
                        Reason = "will fix",
                    },
                    Deadlines.Call).ResponseAsync),
            ["GetRecordHistory"] = (
                [.. Auditors, DevelopmentKeys.Administrator, .. Departments],
                (client, department) => client.GetRecordHistoryAsync(
                    new GetRecordHistoryRequest
                    {
                        Department = department,
                        Kind = RecordKind.Household,
                        SourceKey = "HH-0001",
                        Purpose = AuditData.Purpose,
                    },
                    Deadlines.Call).ResponseAsync),
            ["GetStatistics"] = (
                [.. Auditors, DevelopmentKeys.Administrator],
                (client, _) => client.GetStatisticsAsync(new GetStatisticsRequest(), Deadlines.Call).ResponseAsync),
            ["ListAccessLog"] = (
                [DevelopmentKeys.Administrator],
                (client, _) => client.ListAccessLogAsync(
                    new ListAccessLogRequest { CitizenId = Records.HeadId() }, Deadlines.Call).ResponseAsync),
        };

    public static TheoryData<string> Methods => [.. Table.Keys];

    [Fact]
    public void Table_CoversEveryAuditServiceMethod()
    {
        var methods = AuditService.Descriptor.Methods.Select(m => m.Name);

        Assert.Equal(methods.Order(StringComparer.Ordinal), Table.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Method_EveryCaller_RefusedExactlyAsTheTableSays(string method)
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var (allowed, call) = Table[method];

        var mismatches = new List<string>();
        foreach (var key in AllKeys)
        {
            var expected = key == NoKey ? StatusCode.Unauthenticated
                : allowed.Contains(key) ? (StatusCode?)null
                : StatusCode.PermissionDenied;
            var (code, reason) = await OutcomeAsync(() => call(app.Audit(key == NoKey ? null : key), DepartmentOf(key)));

            var refused = code is StatusCode.PermissionDenied or StatusCode.Unauthenticated;
            var matches = expected is null
                ? !refused
                : code == expected && reason == (expected == StatusCode.Unauthenticated ? "CREDENTIAL_MISSING" : "ROLE_NOT_PERMITTED");
            if (!matches)
            {
                mismatches.Add($"{method} with {key}: expected {expected?.ToString() ?? "allowed"}, got {code} {reason}");
            }
        }

        Assert.Empty(mismatches);
    }

    private static async Task<(StatusCode Code, string? Reason)> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return (StatusCode.OK, null);
        }
        catch (RpcException exception)
        {
            return (exception.StatusCode, exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        }
    }

    private static Department DepartmentOf(string key) => key switch
    {
        DevelopmentKeys.HumanResources => Department.HumanResources,
        DevelopmentKeys.CivilAffairs => Department.CivilAffairs,
        _ => Department.Relocation,
    };
}
