using System.Security.Cryptography;
using System.Text;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Testing;

/// <summary>
/// A digest of the reconciled store and its discrepancies: every row and column that depends on the data, none that
/// depends on when or in which batch it arrived (times, batch ids, history). Resolved discrepancies are history too:
/// a conflict seen while one department's records had arrived and another's had not is found and resolved again.
/// </summary>
public static class StoreDigest
{
    public static async Task<string> ComputeAsync(ExchangeDbContext store)
    {
        var text = new StringBuilder();
        Append(text, "site", await store.Sites.AsNoTracking().OrderBy(s => s.SiteCode).ToListAsync(),
            s => $"{s.SiteCode}|{s.Name}|{s.CountyCode}|{s.Kind}|{s.SourceVersion}");
        Append(text, "household", await store.Households.AsNoTracking().OrderBy(h => h.HouseholdId).ToListAsync(),
            h => $"{h.HouseholdId}|{h.SiteCode}|{h.CountyCode}|{h.Address}|{h.RelocationDate}|{h.MemberCount}|{h.SourceVersion}|{h.Provenance}");
        Append(text, "person", await store.Persons.AsNoTracking().OrderBy(p => p.CitizenId).ToListAsync(),
            p => $"{p.CitizenId}|{p.UnitKey}|{p.HouseholdId}|{p.SiteCode}|{p.Name}|{p.Gender}|{p.BirthDate}|{p.LabourCapacity}|" +
                $"{p.WillingToWork}|{p.InSchool}|{p.DisabilityCategory}|{p.DisabilityGrade}|{p.DeathDate}|{p.Provenance}");
        Append(text, "employment", await store.Employments.AsNoTracking().OrderBy(e => e.SourceKey).ToListAsync(),
            e => $"{e.SourceKey}|{e.Version}|{e.UnitKey}|{e.CitizenId}|{e.HouseholdId}|{e.Channel}|{e.StartDate}|{e.EndDate}|{e.MonthlyIncomeFen}");
        Append(text, "entitlement", await store.Entitlements.AsNoTracking().OrderBy(e => e.SourceKey).ToListAsync(),
            e => $"{e.SourceKey}|{e.Version}|{e.UnitKey}|{e.CitizenId}|{e.HouseholdId}|{e.Programme}|{e.StartDate}|{e.EndDate}|{e.MonthlyAmountFen}");
        Append(text, "payment", await store.Payments.AsNoTracking().OrderBy(p => p.SourceKey).ToListAsync(),
            p => $"{p.SourceKey}|{p.Version}|{p.UnitKey}|{p.CitizenId}|{p.HouseholdId}|{p.Programme}|{p.Month}|{p.AmountFen}");
        Append(text, "discrepancy", await store.Discrepancies.AsNoTracking()
                .Where(d => d.Status != DiscrepancyStatus.Resolved).OrderBy(d => d.Key).ToListAsync(),
            d => $"{d.Key}|{d.Rule}|{d.Severity}|{d.Status}|{d.UnitKey}|{d.HouseholdId}|{d.SiteCode}|{d.InvolvesRelocation}|" +
                $"{d.InvolvesHumanResources}|{d.InvolvesCivilAffairs}|{d.Sources}|{d.ExplanationZh}|{d.ExplanationEn}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append<T>(StringBuilder text, string table, IEnumerable<T> rows, Func<T, string> render)
    {
        foreach (var row in rows)
        {
            text.Append(table).Append('|').AppendLine(render(row));
        }
    }
}
