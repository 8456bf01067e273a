using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>How figures read in tables: counts with thousands separators, yuan to the fen, rates as percentages.</summary>
internal static class Figures
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Money(Google.Type.Money? money) => money is null
        ? "—"
        : (money.Units + money.Nanos / 1_000_000_000m).ToString("N2", CultureInfo.InvariantCulture);

    public static string Rate(Rate? rate) => rate is null || rate.Denominator == 0 || rate.Percent.Length == 0
        ? "—"
        : $"{rate.Percent}%";

    public static string RateWithFraction(Rate? rate) => rate is null || rate.Denominator == 0
        ? "—"
        : $"{Rate(rate)} ({Count(rate.Numerator)} / {Count(rate.Denominator)})";

    public static string Date(Google.Type.Date? date) => date is null || date.Year == 0
        ? ""
        : date.Day == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    /// <summary>A time in China Standard Time, where the departments are, with its offset: "2024-03-01 14:05:12 +08:00".</summary>
    public static string Time(Timestamp? time) => time is null
        ? ""
        : time.ToDateTimeOffset().ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "是 / yes" : "否 / no";
}

/// <summary>Writes a response as proto3 JSON for --json: the document and a newline, nothing else.</summary>
internal static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation());

    public static void Write(TextWriter writer, IMessage message)
    {
        Formatter.Format(message, writer);
        writer.WriteLine();
        writer.Flush();
    }
}
