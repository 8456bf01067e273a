using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

/// <summary>Runs one rule over a unit with the standard policy.</summary>
internal static class Run
{
    public static IReadOnlyList<Finding> Rule<TRule>(
        UnitBuilder unit, DateOnly? asOf = null, ReconciliationPolicy? policy = null)
        where TRule : IReconciliationRule, new() =>
        Rule<TRule>(unit.Build(), asOf, policy);

    public static IReadOnlyList<Finding> Rule<TRule>(
        ReconciliationUnit unit, DateOnly? asOf = null, ReconciliationPolicy? policy = null)
        where TRule : IReconciliationRule, new() =>
        [.. new TRule().Find(unit, policy ?? Policies.Standard(), asOf ?? Policies.AsOf)];
}
