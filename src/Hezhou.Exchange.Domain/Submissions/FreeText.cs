using System.Globalization;
using System.Text;

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

    /// <summary>The length of a text in characters as a reader counts them: Unicode code points, not UTF-16 units.</summary>
    public static int Length(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    /// <summary>
    /// How many characters of a text a reader can see: code points other than spaces, formatting characters (the
    /// zero-width joiner among them), combining marks and variation selectors (which show only on another character),
    /// private-use characters and the blank letters that render as nothing (the Hangul fillers, the blank Braille
    /// pattern). A text of none is blank, however long it is.
    /// </summary>
    public static int VisibleLength(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsVisible(rune))
            {
                count++;
            }
        }
        return count;
    }

    private static bool IsVisible(Rune rune) =>
        rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x180E)
        && !Rune.IsWhiteSpace(rune)
        && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Format or UnicodeCategory.Control
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
}
