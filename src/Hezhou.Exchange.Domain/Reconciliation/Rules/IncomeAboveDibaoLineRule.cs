using static Hezhou.Exchange.Domain.Reconciliation.Rules.AuditorText;

namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>A household receiving dibao whose monthly income per person is above the dibao standard in force.</summary>
/// <remarks>
/// Each month is judged on its first day, as dibao is granted and reviewed by the month: the month counts when a
/// member's dibao (urban or rural) covers that day, the income is that of the employments active that day of the
/// members alive that day, and the standard is the one in force that day — urban at an urban site, rural otherwise
/// (including when the site is unknown). Months before the first standard takes effect are not judged; nor are
/// months after the as-of date's. Consecutive months above the line are one finding. A run that reaches the
/// as-of month is left open ("start..") so that its key stays the same while it goes on.
/// </remarks>
public sealed class IncomeAboveDibaoLineRule : IReconciliationRule
{
    public DiscrepancyRule Rule => DiscrepancyRule.IncomeAboveDibaoLine;

    public IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (unit.Household is not { } household)
        {
            return [];
        }

        var records = UnitRecords.Of(unit);
        var dibao = records.Members
            .SelectMany(m => records.EntitlementsOf(m.CitizenId))
            .Where(e => OverlappingEntitlements.IsDibao(e.Programme))
            .ToList();
        if (dibao.Count == 0)
        {
            return [];
        }

        var urban = unit.Site?.Kind == SiteKind.Urban;
        var firstJudged = Max(dibao.Min(e => e.Period.Start), policy.DibaoStandards.Steps[0].EffectiveFrom);
        var asOfMonth = FirstDayOfMonth(asOf);
        var runs = new List<List<MonthJudged>>();
        List<MonthJudged>? run = null;
        for (var month = FirstDayOfMonth(firstJudged); month <= asOfMonth; month = month.AddMonths(1))
        {
            if (Judge(records, dibao, policy, urban, month) is { IsAboveLine: true } judged)
            {
                if (run is null)
                {
                    run = [];
                    runs.Add(run);
                }

                run.Add(judged);
            }
            else
            {
                run = null;
            }
        }

        return [.. runs.Select(r => Report(household, urban, r, ongoing: r[^1].Month == asOfMonth))];
    }

    private static MonthJudged? Judge(
        UnitRecords records, List<EntitlementFact> dibao, ReconciliationPolicy policy, bool urban, DateOnly month)
    {
        var covering = dibao.Where(e => e.Period.Contains(month)).ToList();
        if (covering.Count == 0 || !policy.DibaoStandards.TryGetValueAt(month, out var standard))
        {
            return null;
        }

        var alive = records.Members
            .Where(m => m.BirthDate <= month && (m.DeathDate is null || m.DeathDate >= month))
            .ToList();
        if (alive.Count == 0)
        {
            return null;
        }

        var working = alive
            .SelectMany(m => records.EmploymentsOf(m.CitizenId))
            .Where(e => EmploymentStability.IsActiveOn(e, month))
            .ToList();
        var income = working.Aggregate(Int128.Zero, (sum, e) => sum + e.MonthlyIncomeFen);
        var line = urban ? standard.UrbanMonthlyFen : standard.RuralMonthlyFen;
        return new MonthJudged(month, income, alive.Count, line, covering, working);
    }

    private Finding Report(HouseholdFact household, bool urban, List<MonthJudged> run, bool ongoing)
    {
        var period = new DatePeriod(run[0].Month, ongoing ? null : run[^1].Month.AddMonths(1).AddDays(-1));

        // Months with the same income, persons and standard read as one stretch.
        var stretches = new List<(DateOnly From, DateOnly To, MonthJudged Judged)>();
        foreach (var month in run)
        {
            if (stretches.Count > 0 && stretches[^1].Judged.SameFigures(month))
            {
                stretches[^1] = stretches[^1] with { To = month.Month };
            }
            else
            {
                stretches.Add((month.Month, month.Month, month));
            }
        }

        var lineZh = urban ? "城市低保标准" : "农村低保标准";
        var lineEn = urban ? "urban dibao standard" : "rural dibao standard";
        return KeyedFindings.Create(
            Rule,
            household.HouseholdId,
            period.ToString(),
            Severity.Warning,
            run.SelectMany(m => m.Dibao.Select(e => e.Source).Concat(m.Employments.Select(e => e.Source)))
                .Prepend(household.Source),
            [],
            $"搬迁户 {household.HouseholdId} {DuringZh(period)}享受低保，但家庭人均月收入高于当月{lineZh}：" +
            string.Join("；", stretches.Select(s =>
                $"{Months(s.From, s.To, " 至 ")} 家庭月收入 {Yuan((decimal)s.Judged.IncomeFen)} 元、{s.Judged.Persons} 人，" +
                $"人均 {Yuan(s.Judged.PerPersonFen)} 元，高于标准 {Yuan(s.Judged.LineFen)} 元")) + "。",
            $"Household {household.HouseholdId} receives dibao {PeriodEn(period)}, but its monthly income per person " +
            $"is above the {lineEn} in force: " +
            string.Join("; ", stretches.Select(s =>
                $"{Months(s.From, s.To, " to ")}: CNY {Yuan((decimal)s.Judged.IncomeFen)} for {s.Judged.Persons} " +
                $"persons, CNY {Yuan(s.Judged.PerPersonFen)} each, above CNY {Yuan(s.Judged.LineFen)}")) + ".");
    }

    private static string Months(DateOnly from, DateOnly to, string joiner) =>
        from == to ? Month(from) : $"{Month(from)}{joiner}{Month(to)}";

    private static DateOnly FirstDayOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed record MonthJudged(
        DateOnly Month,
        Int128 IncomeFen,
        int Persons,
        long LineFen,
        IReadOnlyList<EntitlementFact> Dibao,
        IReadOnlyList<EmploymentFact> Employments)
    {
        // Strictly above: income / persons > line, compared without division so no fen is lost to rounding.
        public bool IsAboveLine => IncomeFen > (Int128)LineFen * Persons;

        public decimal PerPersonFen => (decimal)IncomeFen / Persons;

        public bool SameFigures(MonthJudged other) =>
            IncomeFen == other.IncomeFen && Persons == other.Persons && LineFen == other.LineFen;
    }
}
