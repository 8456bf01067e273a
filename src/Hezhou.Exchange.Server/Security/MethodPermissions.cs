using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Security;

/// <summary>
/// Who may call each RPC: the single table every call is checked against. A method missing from the table is
/// refused, so a new RPC cannot be exposed by forgetting it here.
/// </summary>
public static class MethodPermissions
{
    /// <summary>Callable without a credential: health checks and the public schema.</summary>
    public static readonly IReadOnlySet<ExchangeRole> Anonymous = new HashSet<ExchangeRole>();

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<ExchangeRole>?> Table =
        new Dictionary<string, IReadOnlySet<ExchangeRole>?>(StringComparer.Ordinal)
        {
            [Method(SubmissionService.Descriptor, nameof(SubmissionService.SubmissionServiceBase.SubmitBatch))] = Roles(ExchangeRole.Department),
            [Method(SubmissionService.Descriptor, nameof(SubmissionService.SubmissionServiceBase.StreamRecords))] = Roles(ExchangeRole.Department),
            [Method(SubmissionService.Descriptor, nameof(SubmissionService.SubmissionServiceBase.GetBatch))] = Roles(ExchangeRole.Department),
            [Method(AuditService.Descriptor, nameof(AuditService.AuditServiceBase.GetPerson))] = Roles(ExchangeRole.Auditor, ExchangeRole.Administrator),
            [Method(AuditService.Descriptor, nameof(AuditService.AuditServiceBase.GetHousehold))] = Roles(ExchangeRole.Auditor, ExchangeRole.Administrator),
            [Method(AuditService.Descriptor, nameof(AuditService.AuditServiceBase.ListHouseholds))] = Roles(ExchangeRole.Auditor, ExchangeRole.Administrator),
            // A department sees, and answers, only the discrepancies and records that involve its own records.
            [Method(AuditService.Descriptor, nameof(AuditService.AuditServiceBase.ListDiscrepancies))] = Roles(ExchangeRole.Auditor, ExchangeRole.Administrator, ExchangeRole.Department),
            [Method(AuditService.Descriptor, nameof(AuditService.AuditServiceBase.UpdateDiscrepancy))] = Roles(ExchangeRole.Auditor),
            [Method(AuditService.Descriptor, nameof(AuditService.AuditServiceBase.AnswerDiscrepancy))] = Roles(ExchangeRole.Department),
            [Method(AuditService.Descriptor, nameof(AuditService.AuditServiceBase.GetRecordHistory))] = Roles(ExchangeRole.Auditor, ExchangeRole.Administrator, ExchangeRole.Department),
            [Method(AuditService.Descriptor, nameof(AuditService.AuditServiceBase.ListAccessLog))] = Roles(ExchangeRole.Administrator),
            [Method(AuditService.Descriptor, nameof(AuditService.AuditServiceBase.GetStatistics))] = Roles(ExchangeRole.Auditor, ExchangeRole.Administrator),
            [Method(LedgerService.Descriptor, nameof(LedgerService.LedgerServiceBase.VerifyLedger))] = Roles(ExchangeRole.Administrator),
            ["/grpc.health.v1.Health/Check"] = Anonymous,
            ["/grpc.health.v1.Health/Watch"] = Anonymous,
            ["/grpc.health.v1.Health/List"] = Anonymous,
            ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = Anonymous,
            ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = Anonymous,
        };

    /// <summary>The roles that may call a method; null when the method is unknown (refuse it).</summary>
    public static IReadOnlySet<ExchangeRole>? For(string method) => Table.GetValueOrDefault(method);

    private static string Method(Google.Protobuf.Reflection.ServiceDescriptor service, string name) =>
        $"/{service.FullName}/{service.FindMethodByName(name).Name}";

    private static HashSet<ExchangeRole> Roles(params ExchangeRole[] roles) => [.. roles];
}
