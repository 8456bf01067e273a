namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>Dibao and tekun (extreme-hardship support) for the same person on the same days: tekun excludes dibao.</summary>
public sealed class DibaoWithTekunRule : IReconciliationRule
{
    public DiscrepancyRule Rule => DiscrepancyRule.DibaoWithTekun;

    public IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf) =>
        OverlappingEntitlements.Find(unit, Rule, OverlappingEntitlements.IsDibao, OverlappingEntitlements.IsTekun);
}
