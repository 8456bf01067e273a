using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.DataSet;

/// <summary>One discrepancy the generator planted, with the key reconciliation will give it (Finding.Key).</summary>
public sealed record InjectedDiscrepancy(DiscrepancyRule Rule, string Key, string Description);
