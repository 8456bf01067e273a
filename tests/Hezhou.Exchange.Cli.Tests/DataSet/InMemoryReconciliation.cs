using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Reconciliation;

namespace Hezhou.Exchange.Cli.Tests.DataSet;

/// <summary>
/// Runs the domain's reconciler over a generated data set without a server: the units are put together as the
/// server's unit loader does (a household with its members' records and the other households listing them; a person
/// no household holds with their records), every source record at version 1, under the server's own policy file.
/// </summary>
internal static class InMemoryReconciliation
{
    public static readonly ReconciliationPolicy Policy =
        PolicyFile.Load(Path.Combine(AppContext.BaseDirectory, PolicyFile.DefaultFileName));

    /// <summary>For each day reconciliation might run on, the keys of every finding of every unit, sorted.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> FindingKeys(GeneratedCity city, params DateOnly[] days)
    {
        var units = Units(city);

        // Only the findings are wanted, not the reconciled views, so the rules are run as the unit reconciler runs
        // them (findings sharing a key within a unit are one discrepancy). Units are independent of one another and
        // are judged in parallel; the keys are sorted after.
        return
        [
            .. days.Select(day => (IReadOnlyList<string>)
            [
                .. units.AsParallel()
                    .SelectMany(u => ReconciliationRules.All.SelectMany(r => r.Find(u, Policy, day)).Select(f => f.Key).Distinct())
                    .ToList()
                    .Order(StringComparer.Ordinal),
            ]),
        ];
    }

    /// <summary>The units the server would reconcile: every household, and every person no household holds.</summary>
    public static List<ReconciliationUnit> Units(GeneratedCity city)
    {
        var sites = new Dictionary<string, SiteFact>(StringComparer.Ordinal);
        var households = new List<HouseholdFact>();
        var employments = new List<EmploymentFact>();
        var entitlements = new List<EntitlementFact>();
        var payments = new List<PaymentFact>();
        foreach (var (department, records) in new[]
        {
            (Department.Relocation, city.Relocation),
            (Department.HumanResources, city.HumanResources),
            (Department.CivilAffairs, city.CivilAffairs),
        })
        {
            foreach (var record in records)
            {
                var source = new SourceReference(department, record.ToDomain().Content!.Kind, record.SourceKey, 1);
                switch (SourceFacts.From(source, record.ToDomain()))
                {
                    case SiteFact site:
                        sites[site.SiteCode] = site;
                        break;
                    case HouseholdFact household:
                        households.Add(household);
                        break;
                    case EmploymentFact employment:
                        employments.Add(employment);
                        break;
                    case EntitlementFact entitlement:
                        entitlements.Add(entitlement);
                        break;
                    case PaymentFact payment:
                        payments.Add(payment);
                        break;
                }
            }
        }

        var holders = households
            .SelectMany(h => h.Members.Select(m => (m.CitizenId, h.Source)))
            .ToLookup(x => x.CitizenId, x => x.Source, StringComparer.Ordinal);
        var employmentsOf = employments.ToLookup(e => e.Person.CitizenId, StringComparer.Ordinal);
        var entitlementsOf = entitlements.ToLookup(e => e.Person.CitizenId, StringComparer.Ordinal);
        var paymentsOf = payments.ToLookup(p => p.Person.CitizenId, StringComparer.Ordinal);

        var units = households.Select(h =>
        {
            var ids = h.Members.Select(m => m.CitizenId).ToList();
            return new ReconciliationUnit(
                UnitKey.Household(h.HouseholdId),
                h,
                sites.GetValueOrDefault(h.SiteCode),
                null,
                [.. ids.SelectMany(id => employmentsOf[id])],
                [.. ids.SelectMany(id => entitlementsOf[id])],
                [.. ids.SelectMany(id => paymentsOf[id])],
                ids.Where(id => holders[id].Count() > 1).ToDictionary(
                    id => id,
                    id => (IReadOnlyList<SourceReference>)[.. holders[id].Where(s => s.SourceKey != h.HouseholdId)],
                    StringComparer.Ordinal));
        }).ToList();

        var unheld = employments.Select(e => e.Person.CitizenId)
            .Concat(entitlements.Select(e => e.Person.CitizenId))
            .Concat(payments.Select(p => p.Person.CitizenId))
            .Where(id => !holders.Contains(id))
            .Distinct(StringComparer.Ordinal);
        units.AddRange(unheld.Select(id => new ReconciliationUnit(
            UnitKey.UnheldPerson(id),
            null,
            null,
            id,
            [.. employmentsOf[id]],
            [.. entitlementsOf[id]],
            [.. paymentsOf[id]],
            new Dictionary<string, IReadOnlyList<SourceReference>>())));

        return units;
    }
}
