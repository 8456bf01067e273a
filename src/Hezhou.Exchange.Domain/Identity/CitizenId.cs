using System.Diagnostics.CodeAnalysis;

namespace Hezhou.Exchange.Domain.Identity;

/// <summary>An 18-character resident ID number (居民身份证号码) that satisfies GB 11643-1999.</summary>
/// <remarks>
/// The only way to get one is <see cref="TryParse"/> or <see cref="Parse"/>, so a <see cref="CitizenId"/> other
/// than <c>default</c> is always valid. <see cref="ToString"/> returns the masked form so that an ID written to a
/// log or interpolated into a message never leaks; <see cref="Value"/> is the full number.
/// </remarks>
public readonly partial record struct CitizenId
{
    public const int Length = 18;

    /// <summary>The earliest birth date accepted; older dates in a live register are data-entry errors.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    // ISO 7064 MOD 11-2: the weight of position i is 2^(17-i) mod 11, and a remainder r maps to CheckCharacters[r].
    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private CitizenId(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The full 18-character number, check character upper-case.</summary>
    public string Value { get; }

    /// <summary>The 6-digit administrative division code of the place the number was issued (GB/T 2260).</summary>
    public string RegionCode => Value[..6];

    /// <summary>The birth date encoded in digits 7-14.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>The 3-digit sequence code (digits 15-17), 0-999; its last digit encodes the gender.</summary>
    public int SequenceNumber => ((Value[14] - '0') * 100) + ((Value[15] - '0') * 10) + (Value[16] - '0');

    /// <summary>The gender encoded in the 17th digit: odd is male, even is female.</summary>
    public Gender Gender => (Value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>The number as a caller without the personal-data scope sees it, e.g. "451102************".</summary>
    public string Masked() => Mask(Value);

    public override string ToString() => Value is null ? string.Empty : Masked();

    /// <summary>
    /// Parses a citizen ID exactly as written (no trimming, no case folding). The birth date must not be after
    /// <paramref name="referenceDate"/>. On failure, <paramref name="rule"/> is one of the CITIZEN_ID_* codes of
    /// <see cref="RuleCodes"/> and <paramref name="description"/> says what is wrong.
    /// </summary>
    public static bool TryParse(
        string? text,
        DateOnly referenceDate,
        out CitizenId id,
        [NotNullWhen(false)] out string? rule,
        [NotNullWhen(false)] out string? description)
    {
        id = default;
        var problem = Check(text, referenceDate, out var birthDate);
        if (problem is { } broken)
        {
            (rule, description) = broken;
            return false;
        }

        (rule, description) = (null, null);
        id = new CitizenId(text!, birthDate);
        return true;
    }

    /// <summary>Parses a citizen ID known to be valid, e.g. one read back from storage.</summary>
    /// <exception cref="FormatException">The text is not a valid citizen ID.</exception>
    public static CitizenId Parse(string text, DateOnly referenceDate) =>
        TryParse(text, referenceDate, out var id, out var rule, out var description)
            ? id
            : throw new FormatException($"{rule}: {description}");

    /// <summary>The ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') for the first 17 digits of an ID.</summary>
    /// <exception cref="ArgumentException">The input is not exactly 17 ASCII digits.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1 || first17.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("Expected exactly 17 ASCII digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static (string Rule, string Description)? Check(
        string? text, DateOnly referenceDate, out DateOnly birthDate)
    {
        birthDate = default;
        if (string.IsNullOrEmpty(text))
        {
            return (RuleCodes.CitizenIdRequired, "is required");
        }

        if (text.Length != Length)
        {
            return (RuleCodes.CitizenIdLength,
                $"must be exactly 18 characters, not {text.Length} (GB 11643-1999; 15-digit numbers are not accepted)");
        }

        var firstNonDigit = text.AsSpan(0, Length - 1).IndexOfAnyExceptInRange('0', '9');
        if (firstNonDigit >= 0)
        {
            return (RuleCodes.CitizenIdCharacters,
                $"character {firstNonDigit + 1} is not a digit; the first 17 characters must be digits 0-9");
        }

        var last = text[Length - 1];
        if (last == 'x')
        {
            return (RuleCodes.CitizenIdCharacters, "the check character must be an upper-case X, not a lower-case x");
        }

        if (last is not (>= '0' and <= '9' or 'X'))
        {
            return (RuleCodes.CitizenIdCharacters, "the 18th character must be a digit 0-9 or an upper-case X");
        }

        var province = ((text[0] - '0') * 10) + (text[1] - '0');
        if (!IsProvinceCode(province))
        {
            return (RuleCodes.CitizenIdRegion,
                $"region code {text[..6]} does not start with a province-level code of GB/T 2260");
        }

        // Checked after the province so that a number from nowhere keeps its older, coarser reason; a code in a real
        // province that no county ever had is the finer one.
        if (!AdministrativeDivisionCodes.Contains(Digits(text, 0, 6)))
        {
            return (RuleCodes.CitizenIdRegionUnknown,
                $"region code {text[..6]} is not an administrative division code of GB/T 2260, current or abolished");
        }

        var year = Digits(text, 6, 4);
        var month = Digits(text, 10, 2);
        var day = Digits(text, 12, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return (RuleCodes.CitizenIdBirthDate, $"birth-date digits {text.Substring(6, 8)} are not a real date");
        }

        birthDate = new DateOnly(year, month, day);
        if (birthDate < EarliestBirthDate)
        {
            return (RuleCodes.CitizenIdBirthDate, $"birth date {IsoDate.Format(birthDate)} is before 1900-01-01");
        }

        if (birthDate > referenceDate)
        {
            return (RuleCodes.CitizenIdBirthDate,
                $"birth date {IsoDate.Format(birthDate)} is after the reference date {IsoDate.Format(referenceDate)}");
        }

        var expected = ComputeCheckCharacter(text.AsSpan(0, Length - 1));
        if (last != expected)
        {
            return (RuleCodes.CitizenIdCheckCharacter,
                $"check character should be {expected}, not {last} (GB 11643-1999)");
        }

        return null;
    }

    // Province-level divisions of GB/T 2260, and 81-83 of the residence permits for Hong Kong, Macao and Taiwan
    // residents, which use the same number format.
    private static bool IsProvinceCode(int code) =>
        code is (>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37) or (>= 41 and <= 46)
            or (>= 50 and <= 54) or (>= 61 and <= 65) or 71 or (>= 81 and <= 83);

    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }
}
