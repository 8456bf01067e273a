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
/// Lists discrepancies by county, site, rule, status and department, in the order they were first found, a page at
/// a time (AIP-158, keyset paging on the discrepancy's id). A department sees only those involving its own records.
/// Discrepancies name persons, deaths and welfare: each list states a purpose, and each subject on the page (a citizen
/// or a household) is written to the access log before the page is returned.
/// </summary>
public sealed class DiscrepancyListing(
    ExchangeDbContext db, StoreReaders readers, PersonalDataAccessLog accessLog, PageToken pageTokens)
{
    public async Task<V1.ListDiscrepanciesResponse> ListAsync(
        Caller caller, string method, V1.ListDiscrepanciesRequest request, CancellationToken cancellationToken)
    {
        var violations = new AuditArguments.Violations();
        violations.OptionalEnum("rule", request.Rule);
        violations.OptionalEnum("status", request.Status);
        violations.OptionalEnum("department", request.Department);
        var pageSize = violations.PageSize("page_size", request.PageSize);
        violations.Purpose("purpose", request.Purpose);
        violations.ThrowIfAny();

        var department = VisibleDepartment(caller, request.Department.ToDomain());
        var rule = request.Rule.ToDomain();
        var status = request.Status.ToDomain();
        var fingerprint = PageToken.Fingerprint(
            caller, nameof(DiscrepancyListing), request.CountyCode, request.SiteCode, rule, status, department);
        var after = pageTokens.LastKey(request.PageToken, fingerprint, "page_token") is { } key
            ? long.TryParse(key, out var id) ? id : throw AuditArguments.InvalidPageToken("page_token")
            : (long?)null;

        using var reads = readers.Rent(db);
        var query = reads.Db.Discrepancies.AsNoTracking();
        if (request.CountyCode.Length > 0)
        {
            query = query.Where(d => d.CountyCode == request.CountyCode);
        }
        if (request.SiteCode.Length > 0)
        {
            query = query.Where(d => d.SiteCode == request.SiteCode);
        }
        if (rule != DiscrepancyRule.Unspecified)
        {
            query = query.Where(d => d.Rule == rule);
        }
        if (status != DiscrepancyStatus.Unspecified)
        {
            query = query.Where(d => d.Status == status);
        }
        if (department != Department.Unspecified)
        {
            query = query.Involving(department);
        }
        if (after is { } last)
        {
            query = query.Where(d => d.Id > last);
        }

        var rows = await query.OrderBy(d => d.Id).Take(pageSize + 1).Include(d => d.History).ToListAsync(cancellationToken);

        var page = rows.Take(pageSize).ToList();
        await accessLog.WriteAsync(
            caller, method, request.Purpose,
            page.GroupBy(d => d.Subject, StringComparer.Ordinal)
                .Select(subject => new PersonalDataAccessLog.Read(subject.Key, subject.Count())),
            cancellationToken);
        var response = new V1.ListDiscrepanciesResponse();
        response.Discrepancies.Add(page.Select(d => d.ToProto(caller)));
        response.NextPageToken = rows.Count > pageSize
            ? pageTokens.Create(rows[pageSize - 1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), fingerprint)
            : "";
        return response;
    }

    /// <summary>The department filter that applies: a department caller always has its own, and may not ask for another's.</summary>
    private static Department VisibleDepartment(Caller caller, Department requested)
    {
        if (caller.Role != ExchangeRole.Department)
        {
            return requested;
        }
        if (requested == Department.Unspecified || requested == caller.Department)
        {
            return caller.Department;
        }
        throw ExchangeErrors.Create(
            Code.PermissionDenied, ErrorReasons.DepartmentNotPermitted,
            $"{caller.Department} may list only the discrepancies that involve its own records, not {requested}'s.",
            new Dictionary<string, string> { ["department"] = requested.ToString() });
    }
}
