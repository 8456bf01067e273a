using static Hezhou.Exchange.Domain.Reconciliation.Rules.AuditorText;

namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>Rural dibao or rural tekun for someone living at an urban site: the linkage (衔接机制) was not applied.</summary>
/// <remarks>
/// A member lives at the site from the household's relocation date until their death, if any; the period is the
/// part of that residence the rural entitlement covers.
/// </remarks>
public sealed class RuralBenefitAtUrbanSiteRule : IReconciliationRule
{
    public DiscrepancyRule Rule => DiscrepancyRule.RuralBenefitAtUrbanSite;

    public IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf)
    {
        if (unit is not { Household: { } household, Site: { Kind: SiteKind.Urban } site })
        {
            return [];
        }

        var records = UnitRecords.Of(unit);
        var findings = new List<Finding>();
        foreach (var citizenId in records.JudgedPersons)
        {
            var member = records.MemberOf(citizenId)!;
            var residence = new DatePeriod(household.RelocationDate, member.DeathDate);
            foreach (var entitlement in records.EntitlementsOf(citizenId).Where(e => IsRural(e.Programme)))
            {
                if (entitlement.Period.Intersect(residence) is not { } overlap)
                {
                    continue;
                }

                findings.Add(KeyedFindings.Create(
                    Rule,
                    citizenId,
                    overlap.ToString(),
                    Severity.Warning,
                    [entitlement.Source, household.Source, site.Source],
                    [],
                    $"{PersonZh(member.Name, citizenId)}随搬迁户 {household.HouseholdId} 自 {Date(household.RelocationDate)} " +
                    $"起居住在城镇安置点 {site.Name}（{site.SiteCode}），但{DuringZh(overlap)}仍享受" +
                    $"{ProgrammeZh(entitlement.Programme)}（{RecordZh(entitlement.Source)}），未按衔接机制转为城市待遇。",
                    $"{PersonEn(member.Name, citizenId)} has lived at the urban site {site.Name} ({site.SiteCode}) with " +
                    $"household {household.HouseholdId} since {Date(household.RelocationDate)}, yet receives " +
                    $"{ProgrammeEn(entitlement.Programme)} ({RecordEn(entitlement.Source)}) {PeriodEn(overlap)} " +
                    "instead of the urban treatment the linkage requires."));
            }
        }

        return KeyedFindings.Merge(findings);
    }

    private static bool IsRural(WelfareProgramme programme) =>
        programme is WelfareProgramme.RuralDibao or WelfareProgramme.RuralTekun;
}
