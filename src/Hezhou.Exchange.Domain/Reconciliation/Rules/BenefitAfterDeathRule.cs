using static Hezhou.Exchange.Domain.Reconciliation.Rules.AuditorText;

namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>A welfare payment or an employment after the date of death the relocation office recorded.</summary>
/// <remarks>
/// A payment is for a whole month and is due if the person was alive on its first day: someone who died on
/// 1 March was paid rightly for March, and only April's payment is flagged. An employment is flagged when it runs
/// on any day after the death. The period is open from the death date, so the key stays the same while more
/// payments arrive.
/// </remarks>
public sealed class BenefitAfterDeathRule : IReconciliationRule
{
    public DiscrepancyRule Rule => DiscrepancyRule.BenefitAfterDeath;

    public IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf)
    {
        var records = UnitRecords.Of(unit);
        var findings = new List<Finding>();
        foreach (var citizenId in records.JudgedPersons)
        {
            if (records.MemberOf(citizenId) is not { DeathDate: { } died } member)
            {
                continue;
            }

            var payments = records.PaymentsOf(citizenId).Where(p => p.Month > died).ToList();
            var employments = records.EmploymentsOf(citizenId)
                .Where(e => e.Period.End is null || e.Period.End > died)
                .ToList();
            if (payments.Count == 0 && employments.Count == 0)
            {
                continue;
            }

            var offendingZh = payments
                .Select(p => $"{RecordZh(p.Source)}：{Month(p.Month)} 的{ProgrammeZh(p.Programme)} {Yuan(p.AmountFen)} 元")
                .Concat(employments.Select(e => $"{RecordZh(e.Source)}：{e.EmployerName} {PeriodZh(e.Period)}"));
            var offendingEn = payments
                .Select(p => $"{RecordEn(p.Source)}: {ProgrammeEn(p.Programme)} for {Month(p.Month)}, CNY {Yuan(p.AmountFen)}")
                .Concat(employments.Select(e => $"{RecordEn(e.Source)}: {e.EmployerName}, {PeriodEn(e.Period)}"));
            // The death date is the relocation office's record, and it may be the one that is wrong.
            findings.Add(KeyedFindings.Create(
                Rule,
                citizenId,
                $"{Date(died)}..",
                Severity.Critical,
                payments.Select(p => p.Source).Concat(employments.Select(e => e.Source)),
                [Department.Relocation],
                $"易地搬迁办记载{PersonZh(member.Name, citizenId)}于 {Date(died)} 死亡，但其后仍有：" +
                string.Join("；", offendingZh) + "。",
                $"The relocation office records that {PersonEn(member.Name, citizenId)} died on {Date(died)}, " +
                "yet after that: " + string.Join("; ", offendingEn) + "."));
        }

        return findings;
    }
}
