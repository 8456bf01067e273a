namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>The transitions a discrepancy's status may take, whether a rule or a person moves it.</summary>
/// <remarks>
/// Only the data resolves a discrepancy, and only the data reopens it. An auditor's waiver survives every
/// re-reconciliation that finds the discrepancy again: it is never reopened by accident.
/// </remarks>
public static class DiscrepancyLifecycle
{
    /// <summary>
    /// The status after a reconciliation finds the discrepancy: a resolved one reopens, a new one (no status yet)
    /// opens, every other keeps its status.
    /// </summary>
    public static DiscrepancyStatus AfterFound(DiscrepancyStatus status) => status switch
    {
        DiscrepancyStatus.Resolved or DiscrepancyStatus.Unspecified => DiscrepancyStatus.Open,
        _ => status,
    };

    /// <summary>The status after a reconciliation no longer finds it: resolved, whatever an auditor had done.</summary>
    public static DiscrepancyStatus AfterNoLongerFound(DiscrepancyStatus status) => status switch
    {
        DiscrepancyStatus.Open or DiscrepancyStatus.Acknowledged or DiscrepancyStatus.Waived => DiscrepancyStatus.Resolved,
        _ => status,
    };

    /// <summary>
    /// Applies an auditor's action: an open discrepancy may be acknowledged or waived, an acknowledged one waived;
    /// waiving needs a note. Otherwise the action is refused, <paramref name="next"/> is
    /// <paramref name="current"/> and <paramref name="refusal"/> says why; on success it is empty.
    /// </summary>
    public static bool TryAct(
        DiscrepancyStatus current, AuditorAction action, string note, out DiscrepancyStatus next, out string refusal)
    {
        next = current;
        refusal = Refusal(current, action, note) ?? "";
        if (refusal.Length > 0)
        {
            return false;
        }

        next = action == AuditorAction.Acknowledge ? DiscrepancyStatus.Acknowledged : DiscrepancyStatus.Waived;
        return true;
    }

    /// <summary>Whether a department may answer: only while an auditor may still act on it (open or acknowledged).</summary>
    public static bool CanAnswer(DiscrepancyStatus current) =>
        current is DiscrepancyStatus.Open or DiscrepancyStatus.Acknowledged;

    private static string? Refusal(DiscrepancyStatus current, AuditorAction action, string note) =>
        (current, action) switch
        {
            (_, not (AuditorAction.Acknowledge or AuditorAction.Waive)) =>
                "the action must be to acknowledge or to waive",
            (DiscrepancyStatus.Resolved, _) =>
                "the discrepancy is resolved: the data was corrected and there is nothing left to act on",
            (DiscrepancyStatus.Waived, _) => "the discrepancy is already waived",
            (DiscrepancyStatus.Acknowledged, AuditorAction.Acknowledge) => "the discrepancy is already acknowledged",
            (not (DiscrepancyStatus.Open or DiscrepancyStatus.Acknowledged), _) =>
                $"a discrepancy with status {current} cannot be acted on",
            (_, AuditorAction.Waive) when string.IsNullOrWhiteSpace(note) =>
                "waiving needs a note saying why",
            _ => null,
        };
}
