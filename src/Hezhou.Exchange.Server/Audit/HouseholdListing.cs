using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Audit;

/// <summary>
/// Lists reconciled households by county, site or open discrepancy rule, in household-ID order, a page at a time
/// (AIP-158, keyset paging on the household ID).
/// </summary>
public sealed class HouseholdListing(ExchangeDbContext db, PageToken pageTokens)
{
    public async Task<V1.ListHouseholdsResponse> ListAsync(
        Caller caller, V1.ListHouseholdsRequest request, CancellationToken cancellationToken)
    {
        var violations = new AuditArguments.Violations();
        violations.OptionalEnum("rule", request.Rule);
        var pageSize = violations.PageSize("page_size", request.PageSize);
        violations.ThrowIfAny();

        var rule = request.Rule.ToDomain();
        var fingerprint = PageToken.Fingerprint(caller, nameof(HouseholdListing), request.CountyCode, request.SiteCode, rule);
        var after = pageTokens.LastKey(request.PageToken, fingerprint, "page_token");

        // Captured as a query and inlined by EF into the subqueries below.
        var open = db.Discrepancies.StillOpen();
        var households = db.Households.AsNoTracking();
        if (request.CountyCode.Length > 0)
        {
            households = households.Where(h => h.CountyCode == request.CountyCode);
        }
        if (request.SiteCode.Length > 0)
        {
            households = households.Where(h => h.SiteCode == request.SiteCode);
        }
        if (rule != DiscrepancyRule.Unspecified)
        {
            households = households.Where(h =>
                open.Any(d => d.HouseholdId == h.HouseholdId && d.Rule == rule));
        }
        if (after is not null)
        {
            households = households.Where(h => string.Compare(h.HouseholdId, after) > 0);
        }

        var rows = await households
            .OrderBy(h => h.HouseholdId)
            .Take(pageSize + 1)
            .Select(h => new
            {
                h.HouseholdId,
                h.SiteCode,
                h.CountyCode,
                LivingMembers = db.Persons.Count(p => p.HouseholdId == h.HouseholdId && p.DeathDate == null),
                OpenDiscrepancies = open.Count(d => d.HouseholdId == h.HouseholdId),
            })
            .ToListAsync(cancellationToken);

        var response = new V1.ListHouseholdsResponse();
        response.Households.Add(rows.Take(pageSize).Select(h =>
            AuditMapping.HouseholdSummary(h.HouseholdId, h.SiteCode, h.CountyCode, h.LivingMembers, h.OpenDiscrepancies)));
        response.NextPageToken = rows.Count > pageSize ? pageTokens.Create(rows[pageSize - 1].HouseholdId, fingerprint) : "";
        return response;
    }
}
