namespace Hezhou.Exchange.Server.Security;

/// <summary>What a principal may do: submit its department's records, audit, or administer.</summary>
public enum ExchangeRole
{
    Department = 1,
    Auditor = 2,
    Administrator = 3,
}
