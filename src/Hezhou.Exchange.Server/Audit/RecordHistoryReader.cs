using Google.Rpc;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Server.AccessLog;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Audit;

/// <summary>
/// Every version of one source record as it was received: who sent it, when, in which batch, with its content.
/// A department reads only its own records. Each citizen the versions name is written to the access log.
/// </summary>
public sealed class RecordHistoryReader(ExchangeDbContext db, PersonalDataAccessLog accessLog)
{
    public async Task<V1.GetRecordHistoryResponse> GetAsync(
        Caller caller, string method, V1.GetRecordHistoryRequest request, CancellationToken cancellationToken)
    {
        var violations = new AuditArguments.Violations();
        violations.RequiredEnum("department", request.Department);
        violations.RequiredEnum("kind", request.Kind);
        violations.Required("source_key", request.SourceKey);
        violations.Purpose("purpose", request.Purpose);
        violations.ThrowIfAny();

        var department = request.Department.ToDomain();
        var kind = request.Kind.ToDomain();
        if (caller.Role == ExchangeRole.Department && department != caller.Department)
        {
            throw ExchangeErrors.Create(
                Code.PermissionDenied, ErrorReasons.DepartmentNotPermitted,
                $"{caller.Department} may read the history of its own records only, not {department}'s.",
                new Dictionary<string, string> { ["department"] = department.ToString() });
        }

        var versions = await db.SourceVersions.AsNoTracking()
            .Where(v => v.Department == department && v.Kind == kind && v.SourceKey == request.SourceKey)
            .OrderBy(v => v.Version)
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw ExchangeErrors.Create(
                Code.NotFound, ErrorReasons.RecordNotFound,
                $"No {kind} record \"{request.SourceKey}\" was received from {department}.");
        }

        var response = new V1.GetRecordHistoryResponse();
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var record = SourcePayload.Decode(version.Payload);
            foreach (var citizenId in CitizenIdsIn(record).Distinct(StringComparer.Ordinal))
            {
                named[citizenId] = named.GetValueOrDefault(citizenId) + 1;
            }
            response.Versions.Add(version.ToProto(record));
        }

        await accessLog.WriteAsync(
            caller, method, request.Purpose,
            named.Select(n => new PersonalDataAccessLog.Read(n.Key, n.Value)), cancellationToken);
        return response;
    }

    /// <summary>The citizen IDs a record names: a household's members, the person of an employment or welfare record.</summary>
    private static IEnumerable<string> CitizenIdsIn(V1.SubmissionRecord record) => record.ContentCase switch
    {
        V1.SubmissionRecord.ContentOneofCase.Household => record.Household.Members.Select(m => m.CitizenId),
        V1.SubmissionRecord.ContentOneofCase.Employment => Person(record.Employment.Person),
        V1.SubmissionRecord.ContentOneofCase.WelfareEntitlement => Person(record.WelfareEntitlement.Person),
        V1.SubmissionRecord.ContentOneofCase.WelfarePayment => Person(record.WelfarePayment.Person),
        _ => [],
    };

    private static IEnumerable<string> Person(V1.PersonReference? person) =>
        person is null || person.CitizenId.Length == 0 ? [] : [person.CitizenId];
}
