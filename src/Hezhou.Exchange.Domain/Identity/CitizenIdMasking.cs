namespace Hezhou.Exchange.Domain.Identity;

/// <summary>
/// The masking policy for citizen IDs shown to those without the personal-data scope: only the 6-digit region code
/// stays, and the birth date, the sequence and the check character are all hidden ("451102************"; a
/// 15-digit legacy number keeps its region and hides the other nine). Nothing else in a response can complete such an
/// ID: a birth date and a gender shown beside it still leave 500 numbers possible, since no field holds a sequence.
/// </summary>
public readonly partial record struct CitizenId
{
    /// <summary>The length of the legacy first-generation numbers (GB 11643-1989): region, YYMMDD, sequence.</summary>
    public const int LegacyLength = 15;

    private const int RegionLength = 6;

    /// <summary>A citizen ID with everything after its region code hidden, e.g. "451102************".</summary>
    public static string Mask(string citizenId)
    {
        if (citizenId.Length is not (Length or LegacyLength))
        {
            throw new ArgumentOutOfRangeException(nameof(citizenId), "Expected an 18- or 15-character citizen ID.");
        }
        return string.Concat(citizenId.AsSpan(0, RegionLength), new string('*', citizenId.Length - RegionLength));
    }

    /// <summary>
    /// The text with every citizen ID in it masked (<see cref="Mask"/>), wherever it stands: alone, run together with
    /// letters (a source key "EMP451102…"), in full-width digits, or inside a longer run of digits. A run of exactly 17
    /// digits and a check character is masked whether or not its check character is right; inside a longer run, each
    /// 18-character window that is a valid ID and each 15-digit window that is a valid legacy number is masked. IDs
    /// masked by earlier versions of this policy (the region, eight '*' and the last four characters) have their last
    /// four hidden too. Hiding too much is the safe error.
    /// </summary>
    public static string MaskAllIn(string text)
    {
        if (text.Length < LegacyLength)
        {
            return text;
        }

        char[]? masked = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
            var digits = i - start;
            var end = i < text.Length && IsCheckX(text[i]) ? i + 1 : i;
            MaskRun(text, start, digits, end - start, ref masked);
            MaskOlderForm(text, start, digits, ref masked);
            i = end;
        }
        return masked is null ? text : new string(masked);
    }

    /// <summary>Masks the IDs in one run of digits (with its check character X, if one ends it).</summary>
    private static void MaskRun(string text, int start, int digits, int length, ref char[]? masked)
    {
        if (length < LegacyLength)
        {
            return;
        }

        Span<char> window = stackalloc char[Length];
        if (length == Length)
        {
            Hide(text, start, Length, ref masked);
            return;
        }
        for (var offset = start; offset + Length <= start + length; offset++)
        {
            if (Normalised(text, offset, Length, window) && IsValid(window))
            {
                Hide(text, offset, Length, ref masked);
            }
        }
        for (var offset = start; offset + LegacyLength <= start + digits; offset++)
        {
            if (Normalised(text, offset, LegacyLength, window) && IsValidLegacy(window[..LegacyLength]))
            {
                Hide(text, offset, LegacyLength, ref masked);
            }
        }
    }

    /// <summary>"451102********1234", as masked before: six digits, eight '*' and four characters after them.</summary>
    private static void MaskOlderForm(string text, int start, int digits, ref char[]? masked)
    {
        const int stars = 8;
        var region = start + digits - RegionLength;
        if (digits < RegionLength || start + digits + stars + 4 > text.Length)
        {
            return;
        }
        for (var i = 0; i < stars; i++)
        {
            if (text[start + digits + i] != '*')
            {
                return;
            }
        }
        var tail = start + digits + stars;
        for (var i = 0; i < 4; i++)
        {
            if (!IsDigit(text[tail + i]) && !(i == 3 && IsCheckX(text[tail + i])))
            {
                return;
            }
        }
        Hide(text, region, Length, ref masked);
    }

    private static void Hide(string text, int offset, int length, ref char[]? masked)
    {
        masked ??= text.ToCharArray();
        masked.AsSpan(offset + RegionLength, length - RegionLength).Fill('*');
    }

    /// <summary>Copies a window as ASCII (full-width digits and X folded); false if an X stands before its end.</summary>
    private static bool Normalised(string text, int offset, int length, Span<char> window)
    {
        for (var i = 0; i < length; i++)
        {
            var c = text[offset + i];
            window[i] = c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : IsCheckX(c) ? 'X' : c;
            if (window[i] == 'X' && i != length - 1)
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsValid(ReadOnlySpan<char> id) =>
        IsProvinceCode(((id[0] - '0') * 10) + (id[1] - '0'))
        && IsRealDate(Digits(id, 6, 4), Digits(id, 10, 2), Digits(id, 12, 2))
        && ComputeCheckCharacter(id[..(Length - 1)]) == id[Length - 1];

    private static bool IsValidLegacy(ReadOnlySpan<char> id) =>
        IsProvinceCode(((id[0] - '0') * 10) + (id[1] - '0'))
        && IsRealDate(1900 + Digits(id, 6, 2), Digits(id, 8, 2), Digits(id, 10, 2));

    private static bool IsRealDate(int year, int month, int day) =>
        year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    private static bool IsCheckX(char c) => c is 'X' or 'x' or 'Ｘ' or 'ｘ';

    private static int Digits(ReadOnlySpan<char> text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }
        return value;
    }
}
