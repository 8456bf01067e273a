using static Hezhou.Exchange.Domain.Reconciliation.Rules.AuditorText;

namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>Finds, for each person, pairs of welfare entitlements that must not run on the same day.</summary>
internal static class OverlappingEntitlements
{
    /// <summary>
    /// One finding per pair of an entitlement to a <paramref name="first"/> programme and one to a
    /// <paramref name="second"/> programme whose periods share at least one day; the period is the days they share.
    /// Pairs with the same shared days are one finding.
    /// </summary>
    public static IReadOnlyList<Finding> Find(
        ReconciliationUnit unit,
        DiscrepancyRule rule,
        Func<WelfareProgramme, bool> first,
        Func<WelfareProgramme, bool> second)
    {
        var records = UnitRecords.Of(unit);
        var findings = new List<Finding>();
        foreach (var citizenId in records.JudgedPersons)
        {
            var entitlements = records.EntitlementsOf(citizenId);
            var name = records.MemberOf(citizenId)?.Name ?? entitlements.FirstOrDefault()?.Person.Name ?? "";
            foreach (var a in entitlements.Where(e => first(e.Programme)))
            {
                foreach (var b in entitlements.Where(e => second(e.Programme)))
                {
                    if (a.Period.Intersect(b.Period) is not { } overlap)
                    {
                        continue;
                    }

                    findings.Add(KeyedFindings.Create(
                        rule,
                        citizenId,
                        overlap.ToString(),
                        Severity.Critical,
                        [a.Source, b.Source],
                        [],
                        $"{PersonZh(name, citizenId)}{DuringZh(overlap)}同时享受{ProgrammeZh(a.Programme)}" +
                        $"（{RecordZh(a.Source)}，{PeriodZh(a.Period)}）和{ProgrammeZh(b.Programme)}" +
                        $"（{RecordZh(b.Source)}，{PeriodZh(b.Period)}）。",
                        $"{PersonEn(name, citizenId)} receives both {ProgrammeEn(a.Programme)} " +
                        $"({RecordEn(a.Source)}, {PeriodEn(a.Period)}) and {ProgrammeEn(b.Programme)} " +
                        $"({RecordEn(b.Source)}, {PeriodEn(b.Period)}) {PeriodEn(overlap)}."));
                }
            }
        }

        return KeyedFindings.Merge(findings);
    }

    public static bool IsDibao(WelfareProgramme programme) =>
        programme is WelfareProgramme.UrbanDibao or WelfareProgramme.RuralDibao;

    public static bool IsTekun(WelfareProgramme programme) =>
        programme is WelfareProgramme.UrbanTekun or WelfareProgramme.RuralTekun;
}
