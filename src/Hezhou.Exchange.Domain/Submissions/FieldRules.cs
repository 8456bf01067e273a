using System.Buffers;
using System.Globalization;
using System.Text;

namespace Hezhou.Exchange.Domain.Submissions;

/// <summary>Whether a field must be set.</summary>
internal enum Presence
{
    Required,
    Optional,
}

/// <summary>The rules every field of one type obeys, whichever message it is in.</summary>
internal static class FieldRules
{
    public const int MaximumKeyLength = 64;

    private static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>A source key, or a reference to another record's: 1-64 printable characters, no spaces.</summary>
    public static void Key(ViolationCollector v, string field, string? value, Presence presence)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (presence == Presence.Required)
            {
                v.Add(field, RuleCodes.SourceKeyRequired, "is required");
            }

            return;
        }

        var length = 0;
        var firstUnprintable = 0;
        var remaining = value.AsSpan();
        while (!remaining.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(remaining, out var rune, out var consumed);
            length++;
            if (firstUnprintable == 0 && (status != OperationStatus.Done || !IsPrintable(rune)))
            {
                firstUnprintable = length;
            }

            remaining = remaining[consumed..];
        }

        if (length > MaximumKeyLength)
        {
            v.Add(field, RuleCodes.SourceKeyLength, $"must be at most {MaximumKeyLength} characters, not {length}");
        }

        if (firstUnprintable > 0)
        {
            v.Add(field, RuleCodes.SourceKeyCharacters,
                $"character {firstUnprintable} is a space, a control character or not printable; " +
                "keys are printable characters without spaces");
        }
    }

    /// <summary>
    /// A name or free text: at most <paramref name="maximumLength"/> code points; no control characters, bidi
    /// overrides or isolates, invisible formatting characters, line or paragraph separators, non-characters or broken
    /// surrogates.
    /// </summary>
    /// <remarks>
    /// Only reads the text: names are kept exactly as sent, so nothing is trimmed or normalised. What is refused is what
    /// would make two names look alike while differing (a zero-width space, a bidi mark), display differently from
    /// what they are, break a line, or stand for text already lost to a wrong decoding (U+FFFD). Zero-width joiners
    /// and non-joiners (U+200C, U+200D), which some scripts need, private-use characters (rare characters in names
    /// are still kept there) and variation selectors (ideographic variants) pass.
    /// </remarks>
    public static void Text(ViolationCollector v, string field, string? value, Presence presence, int maximumLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (presence == Presence.Required)
            {
                v.Add(field, RuleCodes.FieldRequired, "is required");
            }

            return;
        }

        if (presence == Presence.Required && string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, RuleCodes.FieldRequired, "is required and must not be only spaces");
        }

        var codePoints = 0;
        string? control = null;
        string? bidi = null;
        string? invisible = null;
        string? notACharacter = null;
        var brokenSurrogate = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            codePoints++;
            int scalar;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                scalar = char.ConvertToUtf32(c, value[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                brokenSurrogate = true;
                continue;
            }
            else
            {
                scalar = c;
            }

            if (scalar is <= 0x1F or (>= 0x7F and <= 0x9F))
            {
                control ??= CodePoint(scalar);
            }
            else if (scalar is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069))
            {
                bidi ??= CodePoint(scalar);
            }
            else if (IsNotACharacter(scalar))
            {
                notACharacter ??= CodePoint(scalar);
            }
            else if (IsInvisible(scalar))
            {
                invisible ??= CodePoint(scalar);
            }
        }

        if (codePoints > maximumLength)
        {
            v.Add(field, RuleCodes.TextLength, $"must be at most {maximumLength} characters, not {codePoints}");
        }

        if (brokenSurrogate)
        {
            v.Add(field, RuleCodes.TextInvalidUnicode,
                "contains an unpaired UTF-16 surrogate, which is not a character");
        }
        else if (notACharacter is not null)
        {
            v.Add(field, RuleCodes.TextInvalidUnicode,
                notACharacter == "U+FFFD"
                    ? "contains U+FFFD, the replacement character, which stands for text lost to a wrong decoding; " +
                        "send the text in UTF-8 as it was written"
                    : $"contains {notACharacter}, a Unicode non-character, which is not for interchange");
        }

        if (control is not null)
        {
            v.Add(field, RuleCodes.TextControlCharacter,
                $"contains the control character {control}; no control characters are allowed");
        }

        if (bidi is not null)
        {
            v.Add(field, RuleCodes.TextBidiOverride,
                $"contains the bidirectional override or isolate {bidi}, " +
                "which can make text display differently from what it is");
        }

        if (invisible is not null)
        {
            v.Add(field, RuleCodes.TextInvisibleCharacter,
                $"contains the invisible formatting character or line separator {invisible}, " +
                "which can make two different texts look the same");
        }
    }

    /// <summary>An enum: set, when required, and one of the values the contract defines.</summary>
    /// <returns>Whether the value is set and defined, so that rules comparing it can run.</returns>
    public static bool Enum<T>(ViolationCollector v, string field, T value, Presence presence)
        where T : struct, Enum
    {
        if (EqualityComparer<T>.Default.Equals(value, default))
        {
            if (presence == Presence.Required)
            {
                v.Add(field, RuleCodes.EnumRequired, "is required; the UNSPECIFIED value is not allowed");
            }

            return false;
        }

        if (!System.Enum.IsDefined(value))
        {
            v.Add(field, RuleCodes.EnumUnknown, $"value {value:D} is not defined by the contract");
            return false;
        }

        return true;
    }

    /// <summary>A real day from 1900-01-01 up to, unless <paramref name="mayBeInFuture"/>, the reference date.</summary>
    /// <returns>The day when it is a real one (even if out of bounds), else null.</returns>
    public static DateOnly? Date(
        ViolationCollector v,
        string field,
        CalendarDate? value,
        Presence presence,
        DateOnly referenceDate,
        bool mayBeInFuture = false)
    {
        if (value is not { } date)
        {
            if (presence == Presence.Required)
            {
                v.Add(field, RuleCodes.DateRequired, "is required");
            }

            return null;
        }

        if (date.Day == 0)
        {
            v.Add(field, RuleCodes.DateInvalid,
                $"{date} is not a full date; day 0 (a whole month) is not allowed here");
            return null;
        }

        if (!IsRealDay(date.Year, date.Month, date.Day))
        {
            v.Add(field, RuleCodes.DateInvalid, $"{date} is not a real calendar day");
            return null;
        }

        var day = new DateOnly(date.Year, date.Month, date.Day);
        CheckBounds(v, field, day, referenceDate, mayBeInFuture, IsoDate.Format(day));
        return day;
    }

    /// <summary>A whole month (year, month, day 0) between 1900-01 and the reference date's month.</summary>
    /// <returns>The month's first day when it is a real month, else null.</returns>
    public static DateOnly? Month(
        ViolationCollector v,
        string field,
        CalendarDate? value,
        Presence presence,
        DateOnly referenceDate)
    {
        if (value is not { } month)
        {
            if (presence == Presence.Required)
            {
                v.Add(field, RuleCodes.DateRequired, "is required");
            }

            return null;
        }

        if (month.Day != 0 || !IsRealDay(month.Year, month.Month, 1))
        {
            v.Add(field, RuleCodes.MonthInvalid, $"{month} is not a month; send a real year and month with day 0");
            return null;
        }

        var firstDay = new DateOnly(month.Year, month.Month, 1);
        CheckBounds(v, field, firstDay, referenceDate, mayBeInFuture: false, $"{month.Year:D4}-{month.Month:D2}");
        return firstDay;
    }

    /// <summary>An end date is not before its start date; the same day is a one-day period.</summary>
    public static void Period(ViolationCollector v, string startField, DateOnly? start, string endField, DateOnly? end)
    {
        if (start is { } first && end is { } last && last < first)
        {
            v.Add(endField, RuleCodes.PeriodReversed,
                $"{IsoDate.Format(last)} is before {startField} {IsoDate.Format(first)}");
        }
    }

    /// <summary>An amount of yuan: CNY, consistent parts, whole fen, not negative, at most 100,000,000 yuan.</summary>
    public static void Amount(ViolationCollector v, string field, MoneyAmount? value, Presence presence)
    {
        if (value is not { } amount)
        {
            if (presence == Presence.Required)
            {
                v.Add(field, RuleCodes.FieldRequired, "is required");
            }

            return;
        }

        if (amount.CurrencyCode != Money.Currency)
        {
            v.Add(field, RuleCodes.MoneyCurrency, "currency_code must be CNY; amounts are in yuan");
        }

        if (!Money.HasConsistentParts(amount))
        {
            v.Add(field, RuleCodes.MoneyInvalid,
                "units and nanos must have the same sign and nanos must lie between -999,999,999 and 999,999,999");
            return;
        }

        if (amount.Nanos % Money.NanosPerFen != 0)
        {
            v.Add(field, RuleCodes.MoneyPrecision,
                "must be exact to the fen (0.01 yuan): nanos a multiple of 10,000,000");
        }

        if (amount.Units < 0 || amount.Nanos < 0)
        {
            v.Add(field, RuleCodes.MoneyNegative, "must not be negative");
        }
        else if (amount.Units > Money.MaximumYuan
            || (amount.Units == Money.MaximumYuan && amount.Nanos > 0))
        {
            v.Add(field, RuleCodes.MoneyTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"must be at most {Money.MaximumYuan:N0} yuan"));
        }
    }

    private static void CheckBounds(
        ViolationCollector v,
        string field,
        DateOnly day,
        DateOnly referenceDate,
        bool mayBeInFuture,
        string shown)
    {
        if (day < EarliestDate)
        {
            v.Add(field, RuleCodes.DateTooEarly, $"{shown} is before 1900-01-01");
        }
        else if (!mayBeInFuture && day > referenceDate)
        {
            v.Add(field, RuleCodes.DateInFuture,
                $"{shown} is after the reference date {IsoDate.Format(referenceDate)}");
        }
    }

    private static bool IsRealDay(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    // Letters, marks, digits, punctuation and symbols; not spaces, separators, controls, format characters
    // (invisible), private-use or unassigned code points.
    private static bool IsPrintable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };

    // Format characters (zero-width space, bidi marks, soft hyphen, byte-order mark, tags...) and line or paragraph
    // separators; the zero-width non-joiner and joiner are part of how some scripts are written.
    private static bool IsInvisible(int scalar) =>
        scalar is not (0x200C or 0x200D)
        && Rune.GetUnicodeCategory(new Rune(scalar)) is UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    // The 66 non-characters (U+FDD0-U+FDEF and the last two code points of every plane) and the replacement
    // character, which a decoder puts where it could not read the bytes.
    private static bool IsNotACharacter(int scalar) =>
        scalar is (>= 0xFDD0 and <= 0xFDEF) or 0xFFFD || (scalar & 0xFFFE) == 0xFFFE;

    private static string CodePoint(int scalar) => $"U+{scalar:X4}";
}
