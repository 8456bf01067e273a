using static Hezhou.Exchange.Domain.Reconciliation.Rules.AuditorText;

namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>An employment of a member who cannot work: lost or no labour capacity, or under the working age.</summary>
/// <remarks>
/// A person may start work on the birthday on which they reach the minimum working age; starting the day before is
/// flagged. Each employment is its own finding, keyed by its period.
/// </remarks>
public sealed class EmploymentWithoutCapacityRule : IReconciliationRule
{
    public DiscrepancyRule Rule => DiscrepancyRule.EmploymentWithoutCapacity;

    public IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (unit.Household is not { } household)
        {
            return [];
        }

        var records = UnitRecords.Of(unit);
        var findings = new List<Finding>();
        foreach (var citizenId in records.JudgedPersons)
        {
            var member = records.MemberOf(citizenId)!;
            var workingAgeFrom = EmploymentStability.DayOfTurning(member.BirthDate, policy.MinimumWorkingAge);
            var incapable = member.LabourCapacity is LabourCapacity.Lost or LabourCapacity.None;
            foreach (var employment in records.EmploymentsOf(citizenId))
            {
                var underAge = employment.Period.Start < workingAgeFrom;
                if (!incapable && !underAge)
                {
                    continue;
                }

                var reasonZh = string.Join("，", new[]
                {
                    incapable ? $"易地搬迁办登记其劳动能力为{CapacityZh(member.LabourCapacity)}" : null,
                    underAge ? $"开始就业时未满 {policy.MinimumWorkingAge} 周岁（{Date(workingAgeFrom)} 才满）" : null,
                }.OfType<string>());
                var reasonEn = string.Join(", and ", new[]
                {
                    incapable ? $"the relocation office records {CapacityEn(member.LabourCapacity)}" : null,
                    underAge
                        ? $"it starts before their {Ordinal(policy.MinimumWorkingAge)} birthday, {Date(workingAgeFrom)}"
                        : null,
                }.OfType<string>());
                findings.Add(KeyedFindings.Create(
                    Rule,
                    citizenId,
                    employment.Period.ToString(),
                    Severity.Warning,
                    [employment.Source, household.Source],
                    [],
                    $"{PersonZh(member.Name, citizenId)}有就业记录（{RecordZh(employment.Source)}，" +
                    $"{employment.EmployerName}，{PeriodZh(employment.Period)}），但{reasonZh}。",
                    $"{PersonEn(member.Name, citizenId)} is employed ({RecordEn(employment.Source)}, " +
                    $"{employment.EmployerName}, {PeriodEn(employment.Period)}), but {reasonEn}."));
            }
        }

        return KeyedFindings.Merge(findings);
    }

    private static string CapacityZh(LabourCapacity capacity) =>
        capacity == LabourCapacity.Lost ? "丧失劳动力" : "无劳动力";

    private static string CapacityEn(LabourCapacity capacity) =>
        capacity == LabourCapacity.Lost ? "lost labour capacity" : "no labour capacity";

    private static string Ordinal(int n) => (n % 100, n % 10) switch
    {
        ( >= 11 and <= 13, _) => $"{n}th",
        (_, 1) => $"{n}st",
        (_, 2) => $"{n}nd",
        (_, 3) => $"{n}rd",
        _ => $"{n}th",
    };
}
