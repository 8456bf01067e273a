namespace Hezhou.Exchange.Cli.Files;

/// <summary>Reads a file of records in the form its extension names: .jsonl, .csv or .xlsx.</summary>
internal static class RecordFiles
{
    public static readonly IReadOnlyList<string> Extensions = [".jsonl", ".ndjson", ".csv", ".xlsx"];

    /// <summary>
    /// The records, read lazily; a file that does not parse throws <see cref="RecordFileException"/>. The encoding
    /// applies to CSV; JSON Lines is UTF-8 and a workbook says its own.
    /// </summary>
    public static IEnumerable<LocatedRecord> Read(string path, CsvEncoding encoding = CsvEncoding.Detect)
    {
        if (!File.Exists(path))
        {
            throw new RecordFileException($"{path}: no such file");
        }
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => JsonLinesReader.Read(path),
            ".csv" => BilingualCsvReader.Read(path, encoding),
            ".xlsx" => XlsxReader.Read(path),
            _ => throw new RecordFileException(
                $"{path}: not a record file; the client reads {string.Join(", ", Extensions)}"),
        };
    }
}
