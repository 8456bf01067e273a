using System.Globalization;
using System.Text.RegularExpressions;
using Google.Type;

namespace Hezhou.Exchange.Cli.Files;

/// <summary>
/// How values are written in spreadsheet cells and read back: ISO dates (a month as "2023-12"), yuan with two
/// decimals, 是/否. Reading checks the form only; whether a value is valid is the server's to judge, so a record with
/// an impossible date is sent and rejected with a reason rather than stopping the file.
/// </summary>
/// <remarks>
/// Dates are read in the forms departments' files hold: ISO "2024-03-01" (what this client and Excel's yyyy-mm-dd
/// format write) and "2024/3/1" (what Excel writes to CSV on Chinese Windows, whose short date is yyyy/M/d), a month
/// as "2024-03" or "2024/3"; Excel's date cells are turned into the ISO form by <see cref="XlsxReader"/>. Anything
/// else ("2024.3.5", "2024-3-8", "24/3/1") is refused rather than guessed: a form the documentation does not name
/// would be read one way here and typed another way next month.
/// </remarks>
internal static partial class CellValues
{
    private const string Yes = "是";
    private const string No = "否";

    public static string Date(Date? date) => date switch
    {
        null or { Year: 0, Month: 0, Day: 0 } => "",
        { Month: 0, Day: 0 } => date.Year.ToString("D4", CultureInfo.InvariantCulture),
        { Day: 0 } => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}"),
    };

    /// <summary>The date forms a cell may hold, as errors name them.</summary>
    public const string DateForms =
        "dates are YYYY-MM-DD (2024-03-01) or YYYY/M/D (2024/3/1), a month YYYY-MM (2024-03) or YYYY/M (2024/3), or date cells in .xlsx";

    public static Date? ParseDate(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        var match = IsoDatePattern().Match(text);
        if (!match.Success)
        {
            match = SlashDatePattern().Match(text);
        }
        if (!match.Success)
        {
            throw new CellFormatException($"'{text}' is not a date; {DateForms}");
        }
        return new Date
        {
            Year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
            Month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture),
            Day = match.Groups["day"].Success ? int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture) : 0,
        };
    }

    /// <summary>
    /// The text of an Excel date cell: the ISO date, or for a month column the month (Excel keeps a month as its
    /// first day, so "2024-03" typed into a cell becomes the date 2024-03-01).
    /// </summary>
    public static string ExcelDate(System.DateTime date, bool month) =>
        date.ToString(month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The date an Excel serial number stands for (days counted as Excel counts them: 45352 is 2024-03-01), when it is
    /// a whole number from 61 (1900-03-01; before it Excel counts a 29 February 1900 that never was) to 9999-12-31.
    /// </summary>
    public static System.DateTime? ExcelSerialDate(double serial) =>
        serial is >= 61 and <= 2_958_465 && serial == Math.Floor(serial) ? System.DateTime.FromOADate(serial) : null;

    /// <summary>Yuan with at least two decimals, exact: "480.50". Money is always CNY in the exchange.</summary>
    public static string Money(Money? money)
    {
        if (money is null)
        {
            return "";
        }
        var yuan = money.Units + money.Nanos / 1_000_000_000m;
        return yuan.ToString("0.00#######", CultureInfo.InvariantCulture);
    }

    public static Money? ParseMoney(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan)
            || decimal.Round(yuan, 9) != yuan || Math.Abs(yuan) >= long.MaxValue)
        {
            throw new CellFormatException($"'{text}' is not an amount in yuan (e.g. 480.50)");
        }
        var units = decimal.Truncate(yuan);
        return new Money
        {
            CurrencyCode = "CNY",
            Units = (long)units,
            Nanos = (int)((yuan - units) * 1_000_000_000m),
        };
    }

    public static string Integer(int value) => value == 0 ? "" : value.ToString(CultureInfo.InvariantCulture);

    public static int ParseInteger(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CellFormatException($"'{text}' is not a whole number");
    }

    public static string Boolean(bool value) => value ? Yes : No;

    public static bool ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "" or No or "no" or "n" or "false" or "0" => false,
        Yes or "yes" or "y" or "true" or "1" => true,
        _ => throw new CellFormatException($"'{text}' is not 是/否 (yes/no)"),
    };

    public static string Enum<T>(T value) where T : struct, System.Enum => EnumLabels.Chinese(value);

    public static T ParseEnum<T>(string text) where T : struct, System.Enum =>
        EnumLabels.TryParse<T>(text, out var value)
            ? value
            : throw new CellFormatException($"'{text}' is not a {typeof(T).Name} ({EnumLabels.Accepted<T>()})");

    // ASCII digits only: \d would also take full-width and Arabic-Indic digits, which int.Parse then refuses.
    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})(?:-(?<day>[0-9]{2}))?$")]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"^(?<year>[0-9]{4})/(?<month>[0-9]{1,2})(?:/(?<day>[0-9]{1,2}))?$")]
    private static partial Regex SlashDatePattern();
}

/// <summary>A cell whose text is not of the form its column needs; the reader adds the file, row and column.</summary>
internal sealed class CellFormatException(string message) : Exception(message);
