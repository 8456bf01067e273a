namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>Where a discrepancy is in its life; numbered as in the contract.</summary>
public enum DiscrepancyStatus
{
    Unspecified = 0,
    Open = 1,
    Acknowledged = 2,
    Waived = 3,
    Resolved = 4,
}

/// <summary>What an auditor does to a discrepancy; numbered as in the contract.</summary>
public enum AuditorAction
{
    Unspecified = 0,
    Acknowledge = 1,
    Waive = 2,
}

/// <summary>What a department says of a discrepancy that involves its records; numbered as in the contract.</summary>
public enum DepartmentAnswer
{
    Unspecified = 0,
    WillCorrect = 1,
    Disputed = 2,
}
