using static Hezhou.Exchange.Domain.Reconciliation.Rules.AuditorText;

namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>Employment or welfare records for a citizen ID that no relocated household holds.</summary>
public sealed class UnknownPersonRule : IReconciliationRule
{
    public DiscrepancyRule Rule => DiscrepancyRule.UnknownPerson;

    public IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf)
    {
        if (unit is not { Household: null, UnheldCitizenId: { } citizenId })
        {
            return [];
        }

        var claims = UnitRecords.Of(unit).ClaimsAbout(citizenId);
        if (claims.Count == 0)
        {
            return [];
        }

        var name = claims[0].Claim.Name;
        return
        [
            KeyedFindings.Create(
                Rule,
                citizenId,
                "",
                Severity.Warning,
                claims.Select(c => c.Source),
                [],
                $"没有搬迁户登记公民身份号码 {citizenId}（{name}），但有 {claims.Count} 条记录涉及此人：" +
                string.Join("；", claims.Select(c => RecordZh(c.Source))) + "。",
                $"No relocated household holds citizen ID {citizenId} ({name}), yet {claims.Count} " +
                "records concern them: " + string.Join("; ", claims.Select(c => RecordEn(c.Source))) + "."),
        ];
    }
}
