using System.Buffers;
using System.Text;

namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>Whether two departments wrote the same person's name, ignoring how each system typed it.</summary>
/// <remarks>
/// Departments' systems differ in input method and character width: one writes "阿依古丽·买买提", another
/// "阿依古丽・买买提" or "阿依古丽 买买提 " with a full-width space. Those are the same name. The comparison key is
/// only ever compared, never stored or shown: every department's name stays exactly as it was sent.
/// </remarks>
public static class NameComparison
{
    /// <summary>The one middle dot every variant is folded to: U+00B7, as in the transliterated names on identity cards.</summary>
    public const char MiddleDot = '\u00B7';

    // The separators used between the parts of transliterated minority names, by one input method or another.
    // NFKC already folds the half-width katakana dot U+FF65 to U+30FB and the Greek ano teleia U+0387 to U+00B7.
    private static readonly SearchValues<char> MiddleDots =
        SearchValues.Create("\u00B7\u2022\u2027\u30FB\uFF65\u2219\u22C5\u16EB\u2E31\u0387");

    /// <summary>
    /// The comparison key of a name: NFKC (full-width letters and digits become ASCII), no whitespace of any kind,
    /// every middle dot variant as <see cref="MiddleDot"/>, Latin letters in lower case.
    /// </summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in Compatible(name))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(MiddleDots.Contains(c) ? MiddleDot : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    public static bool SameName(string a, string b) => string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);

    // Validation rejects names that are not valid UTF-16, but a comparison must not throw on one: such a name is
    // compared as it stands.
    private static string Compatible(string name)
    {
        try
        {
            return name.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return name;
        }
    }
}
