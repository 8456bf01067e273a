using Hezhou.Exchange.Domain.Reconciliation.Rules;

namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>The rules of DESIGN section 6, in the contract's order.</summary>
public static class ReconciliationRules
{
    public static IReadOnlyList<IReconciliationRule> All { get; } =
    [
        new IdentityMismatchRule(),
        new DuplicateMembershipRule(),
        new BenefitAfterDeathRule(),
        new UrbanAndRuralDibaoRule(),
        new DibaoWithTekunRule(),
        new RuralBenefitAtUrbanSiteRule(),
        new IncomeAboveDibaoLineRule(),
        new ZeroEmploymentHouseholdRule(),
        new EmploymentWithoutCapacityRule(),
        new UnknownPersonRule(),
    ];
}
