using CsvHelper;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Files;

/// <summary>
/// Records as CSV with bilingual headers ("身份证号码 / citizen_id"), UTF-8 with a byte-order mark so that Excel opens
/// the Chinese correctly. Rows are written and read one at a time, never the whole file.
/// </summary>
internal sealed class BilingualCsvWriter : IDisposable
{
    private readonly CsvWriter csv;
    private readonly IReadOnlyList<RecordColumn> columns;

    private BilingualCsvWriter(CsvWriter csv, IReadOnlyList<RecordColumn> columns)
    {
        this.csv = csv;
        this.columns = columns;
        csv.WriteRecord([.. columns.Select(c => c.Header)]);
    }

    /// <summary>A new file with the columns of the department's records (every column for none).</summary>
    public static BilingualCsvWriter Create(string path, Department department = Department.Unspecified) =>
        new(CsvWriter.ToFile(path, new CsvWriterOptions { WriteByteOrderMark = true }), RecordColumns.For(department));

    /// <summary>Writes to a text writer (which does its own encoding), e.g. for an in-memory copy.</summary>
    public static BilingualCsvWriter Create(TextWriter writer, Department department = Department.Unspecified) =>
        new(CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true), RecordColumns.For(department));

    public void Write(SubmissionRecord record)
    {
        foreach (var row in RecordRows.Of(record))
        {
            foreach (var (column, value) in row)
            {
                if (value.Length > 0 && !columns.Contains(column))
                {
                    throw new ArgumentException(
                        $"Record {record.SourceKey} has a {column.Name} this file has no column for.", nameof(record));
                }
            }
            csv.WriteRecord([.. columns.Select(column => row.GetValueOrDefault(column) ?? "")]);
        }
    }

    public void Dispose() => csv.Dispose();
}

/// <summary>
/// Reads records from a CSV file of <see cref="BilingualCsvWriter"/>'s form; headers in either language, text in UTF-8
/// or GB18030 (see <see cref="CsvEncodings"/>).
/// </summary>
internal static class BilingualCsvReader
{
    public static IEnumerable<LocatedRecord> Read(string path, CsvEncoding encoding = CsvEncoding.Detect) =>
        SpreadsheetRecords.Assemble(path, Rows(path, encoding));

    private static IEnumerable<SpreadsheetRow> Rows(string path, CsvEncoding encoding)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions
        {
            Encoding = CsvEncodings.Of(path, encoding),
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        });
        var headers = Headers(csv, path);
        var columns = Spreadsheet.Columns(path, headers);
        while (Read(csv, path))
        {
            var fields = csv.Current.ToArray();
            if (fields.Length != headers.Count)
            {
                throw RecordFileException.At(path, $"row {csv.LineNumber}",
                    $"{fields.Length} fields, but the header has {headers.Count}");
            }
            yield return new SpreadsheetRow(checked((int)csv.LineNumber), Spreadsheet.Cells(columns, fields));
        }
    }

    private static IReadOnlyList<string> Headers(CsvReader csv, string path)
    {
        try
        {
            return [.. csv.Headers];
        }
        catch (CsvFormatException e)
        {
            throw RecordFileException.At(path, "row 1", e.Message);
        }
    }

    private static bool Read(CsvReader csv, string path)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw RecordFileException.At(path, $"row {e.LineNumber}", e.Message);
        }
    }
}

/// <summary>What CSV and XLSX files share: the header row names the columns.</summary>
internal static class Spreadsheet
{
    /// <summary>The column each header names, in order; an unknown header stops the file (it may be a typo).</summary>
    public static IReadOnlyList<RecordColumn> Columns(string path, IReadOnlyList<string> headers)
    {
        var columns = new List<RecordColumn>();
        for (var i = 0; i < headers.Count; i++)
        {
            var location = $"row 1, column {i + 1}";
            var column = RecordColumns.FromHeader(headers[i])
                ?? throw RecordFileException.At(path, location,
                    $"'{headers[i]}' is not a known column (e.g. '{RecordColumns.CitizenId.Header}')");
            if (columns.Contains(column))
            {
                throw RecordFileException.At(path, location, $"column '{column.Header}' appears twice");
            }
            columns.Add(column);
        }
        if (!columns.Contains(RecordColumns.RecordKind) || !columns.Contains(RecordColumns.SourceKey))
        {
            throw RecordFileException.At(path, "row 1",
                $"the header needs the columns '{RecordColumns.RecordKind.Header}' and '{RecordColumns.SourceKey.Header}'");
        }
        return columns;
    }

    public static IReadOnlyDictionary<RecordColumn, string> Cells(IReadOnlyList<RecordColumn> columns, IReadOnlyList<string> fields)
    {
        var cells = new Dictionary<RecordColumn, string>(columns.Count);
        for (var i = 0; i < columns.Count && i < fields.Count; i++)
        {
            cells[columns[i]] = fields[i];
        }
        return cells;
    }
}
