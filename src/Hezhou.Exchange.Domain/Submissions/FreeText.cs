namespace Hezhou.Exchange.Domain.Submissions;

/// <summary>
/// The character rules of names and free text in records, for the texts callers send beside them: a stated purpose,
/// a note, a reason. They end up in the access log and a discrepancy's history, where a control character or a bidi
/// override would forge or hide what a reader sees.
/// </summary>
public static class FreeText
{
    /// <summary>
    /// The character rules <paramref name="text"/> breaks (TEXT_CONTROL_CHARACTER, TEXT_BIDI_OVERRIDE,
    /// TEXT_INVISIBLE_CHARACTER, TEXT_INVALID_UNICODE), each with a description that does not repeat the field; none
    /// for a good text. Length and presence are the caller's to check.
    /// </summary>
    public static IReadOnlyList<(string Rule, string Description)> CharacterViolations(string? text)
    {
        const string field = "text";
        var violations = new ViolationCollector();
        FieldRules.Text(violations, field, text, Presence.Optional, int.MaxValue);
        return [.. violations.Violations.Select(v => (v.Rule, v.Description[(field.Length + 2)..]))];
    }
}
