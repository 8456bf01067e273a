using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Files;

/// <summary>Records as JSON Lines: one proto3-JSON SubmissionRecord per line, the canonical exchange form.</summary>
internal sealed class JsonLinesWriter(TextWriter writer) : IDisposable
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static JsonLinesWriter Create(string path) =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));

    public void Write(SubmissionRecord record)
    {
        Formatter.Format(record, writer);
        writer.Write('\n');
    }

    public void Dispose() => writer.Dispose();
}

/// <summary>Reads JSON Lines one line at a time; blank lines are skipped.</summary>
internal static partial class JsonLinesReader
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static IEnumerable<LocatedRecord> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return new LocatedRecord(Parse(path, line, number), number);
            }
        }
    }

    private static SubmissionRecord Parse(string path, string line, int number)
    {
        // System.Text.Json finds syntax errors with their position; the protobuf parser then judges the fields.
        var bytes = Encoding.UTF8.GetBytes(line);
        try
        {
            var json = new Utf8JsonReader(bytes);
            while (json.Read())
            {
            }
        }
        catch (JsonException e)
        {
            var column = Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(e.BytePositionInLine ?? 0, bytes.Length)) + 1;
            throw RecordFileException.At(path, $"line {number}, column {column}", WithoutPosition(e.Message));
        }
        try
        {
            return Parser.Parse<SubmissionRecord>(line);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw RecordFileException.At(path, $"line {number}, column {ColumnOf(line, e.Message)}", e.Message);
        }
    }

    private static string WithoutPosition(string message)
    {
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position >= 0 ? message[..position] : message).Trim();
    }

    // The protobuf parser reports no position, but its messages name the field or value at fault ("Unknown field:
    // genderr"); the first place the line holds that name as a JSON string is where to look.
    private static int ColumnOf(string line, string message)
    {
        foreach (Match match in NamedToken().Matches(message))
        {
            var at = line.IndexOf($"\"{match.Groups["token"].Value}\"", StringComparison.Ordinal);
            if (at >= 0)
            {
                return at + 1;
            }
        }
        return 1;
    }

    [GeneratedRegex(@":\s*""?(?<token>[^\s"",]+)")]
    private static partial Regex NamedToken();
}
