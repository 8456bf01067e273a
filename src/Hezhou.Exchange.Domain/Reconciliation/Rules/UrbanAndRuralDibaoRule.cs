namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>Urban and rural dibao for the same person on the same days: one of them is paid wrongly.</summary>
public sealed class UrbanAndRuralDibaoRule : IReconciliationRule
{
    public DiscrepancyRule Rule => DiscrepancyRule.UrbanAndRuralDibao;

    public IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf) =>
        OverlappingEntitlements.Find(
            unit,
            Rule,
            p => p == WelfareProgramme.UrbanDibao,
            p => p == WelfareProgramme.RuralDibao);
}
