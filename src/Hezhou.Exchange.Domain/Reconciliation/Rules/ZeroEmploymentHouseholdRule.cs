using static Hezhou.Exchange.Domain.Reconciliation.Rules.AuditorText;

namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>A household with a member of the labour force willing to work, and no member in stable employment.</summary>
/// <remarks>
/// The labour force, as in the statistics: alive on the as-of date, not in school, of normal, skilled or weak
/// labour capacity, and of working age. The city's goal is at least one stably employed person in every such
/// household (有劳动能力且有就业意愿家庭1人以上稳定就业), so any living member's stable employment answers it.
/// </remarks>
public sealed class ZeroEmploymentHouseholdRule : IReconciliationRule
{
    public DiscrepancyRule Rule => DiscrepancyRule.ZeroEmploymentHousehold;

    public IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (unit.Household is not { } household)
        {
            return [];
        }

        var records = UnitRecords.Of(unit);
        var willing = records.Members
            .Where(m => m.WillingToWork && IsInLabourForce(m, policy, asOf))
            .ToList();
        // A job recorded for a member who has since died employs nobody in the household.
        var employments = records.Members
            .Where(m => m.DeathDate is null || m.DeathDate >= asOf)
            .SelectMany(m => records.EmploymentsOf(m.CitizenId))
            .ToList();
        if (willing.Count == 0 || employments.Any(e => EmploymentStability.IsStableOn(e, asOf, policy)))
        {
            return [];
        }

        // Employments active but not yet long enough explain why the household still counts as without one.
        var notYetStable = employments.Where(e => EmploymentStability.IsActiveOn(e, asOf)).ToList();
        var minimumDays = policy.StableEmploymentMinimumDays.TryGetValueAt(asOf, out var days) ? days : 0;
        var peopleZh = string.Join("、", willing.Select(m => PersonZh(m.Name, m.CitizenId)));
        var peopleEn = string.Join(", ", willing.Select(m => PersonEn(m.Name, m.CitizenId)));

        // Human resources holds employment records: a missing one is for it to supply, so it is always involved.
        return
        [
            KeyedFindings.Create(
                Rule,
                household.HouseholdId,
                "",
                Severity.Warning,
                notYetStable.Select(e => e.Source).Prepend(household.Source),
                [Department.HumanResources],
                $"搬迁户 {household.HouseholdId} 有劳动能力且有就业意愿的成员{peopleZh}，" +
                $"但截至 {Date(asOf)} " +
                $"没有成员稳定就业（在岗满 {minimumDays} 天）" +
                (notYetStable.Count > 0
                    ? "；在岗未满期限的有：" + string.Join("；", notYetStable.Select(e =>
                        $"{RecordZh(e.Source)}，{e.EmployerName}，{PeriodZh(e.Period)}"))
                    : "") + "。",
                $"Household {household.HouseholdId} has members able and willing to work, {peopleEn}, but on " +
                $"{Date(asOf)} no member is in stable employment (at least {minimumDays} days in post)" +
                (notYetStable.Count > 0
                    ? "; in post for less than that: " + string.Join("; ", notYetStable.Select(e =>
                        $"{RecordEn(e.Source)}, {e.EmployerName}, {PeriodEn(e.Period)}"))
                    : "") + "."),
        ];
    }

    /// <summary>Alive on the day, not in school, able to work, and of working age.</summary>
    internal static bool IsInLabourForce(MemberFact member, ReconciliationPolicy policy, DateOnly day) =>
        (member.DeathDate is null || member.DeathDate >= day)
        && !member.InSchool
        && member.LabourCapacity is LabourCapacity.Normal or LabourCapacity.Skilled or LabourCapacity.Weak
        && EmploymentStability.AgeOn(member.BirthDate, day) >= policy.MinimumWorkingAge;
}
