using static Hezhou.Exchange.Domain.Reconciliation.Rules.AuditorText;

namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>One person listed as a member of more than one relocated household.</summary>
/// <remarks>
/// Every household listing the person sees the conflict, but only the one with the lowest household ID (ordinal)
/// reports it, so it is found once and resolves once, whichever of the households is reconciled last.
/// </remarks>
public sealed class DuplicateMembershipRule : IReconciliationRule
{
    public DiscrepancyRule Rule => DiscrepancyRule.DuplicateMembership;

    public IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf)
    {
        if (unit.Household is not { } household)
        {
            return [];
        }

        var records = UnitRecords.Of(unit);
        var findings = new List<Finding>();
        foreach (var citizenId in records.JudgedPersons)
        {
            var others = records.OtherHoldersOf(citizenId);
            if (others.Count == 0)
            {
                continue;
            }

            var member = records.MemberOf(citizenId)!;
            var households = string.Join("、", others.Select(o => o.SourceKey).Prepend(household.HouseholdId));
            var householdsEn = string.Join(", ", others.Select(o => o.SourceKey).Prepend(household.HouseholdId));
            findings.Add(KeyedFindings.Create(
                Rule,
                citizenId,
                "",
                Severity.Warning,
                others.Prepend(household.Source),
                [],
                $"{PersonZh(member.Name, citizenId)}同时是 {others.Count + 1} 个搬迁户的成员：{households}。",
                $"{PersonEn(member.Name, citizenId)} is a member of {others.Count + 1} households: {householdsEn}."));
        }

        return findings;
    }
}
