using System.Globalization;
using Hezhou.Exchange.V1;
using MiniExcelLibs;

namespace Hezhou.Exchange.Cli.Files;

/// <summary>Records as an Excel workbook with the same columns as the CSV form, on its first sheet.</summary>
internal static class XlsxWriter
{
    /// <summary>Writes the records, streaming them into the workbook as MiniExcel asks for rows.</summary>
    public static void Write(string path, IEnumerable<SubmissionRecord> records, Department department = Department.Unspecified)
    {
        var columns = RecordColumns.For(department);
        MiniExcel.SaveAs(path, Rows(records, columns), printHeader: true, sheetName: "records", overwriteFile: true);
    }

    private static IEnumerable<IDictionary<string, object>> Rows(IEnumerable<SubmissionRecord> records, IReadOnlyList<RecordColumn> columns)
    {
        foreach (var record in records)
        {
            foreach (var row in RecordRows.Of(record))
            {
                var cells = new Dictionary<string, object>(columns.Count);
                foreach (var column in columns)
                {
                    cells[column.Header] = row.GetValueOrDefault(column) ?? "";
                }
                yield return cells;
            }
        }
    }
}

/// <summary>Reads records from the first sheet of an Excel workbook laid out like the CSV form.</summary>
internal static class XlsxReader
{
    public static IEnumerable<LocatedRecord> Read(string path) => SpreadsheetRecords.Assemble(path, Rows(path));

    private static IEnumerable<SpreadsheetRow> Rows(string path)
    {
        using var enumerator = Open(path);
        if (!Next(enumerator, path))
        {
            yield break;
        }
        var letters = new List<string>();
        var headers = new List<string>();
        foreach (var (letter, value) in (IDictionary<string, object?>)enumerator.Current)
        {
            var header = Text(value);
            if (header.Length > 0)
            {
                letters.Add(letter);
                headers.Add(header);
            }
        }
        var columns = Spreadsheet.Columns(path, headers);
        var number = 1;
        while (Next(enumerator, path))
        {
            number++;
            var row = (IDictionary<string, object?>)enumerator.Current;
            var fields = letters.Select((letter, i) => Cell(row.TryGetValue(letter, out var value) ? value : null, columns[i])).ToList();
            yield return new SpreadsheetRow(number, Spreadsheet.Cells(columns, fields));
        }
    }

    private static IEnumerator<object> Open(string path)
    {
        try
        {
            return MiniExcel.Query(path, useHeaderRow: false).GetEnumerator();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw RecordFileException.At(path, "row 1", $"not an Excel workbook ({e.Message})");
        }
    }

    private static bool Next(IEnumerator<object> rows, string path)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw RecordFileException.At(path, "workbook", $"cannot be read as an Excel workbook ({e.Message})");
        }
    }

    // A date column of a workbook kept by hand holds date cells, or their serial numbers where the cell's format is not
    // one MiniExcel reads as a date (General, or a custom Chinese format); either is read as the ISO date.
    private static string Cell(object? value, RecordColumn column)
    {
        if (!RecordColumns.Dates.Contains(column))
        {
            return Text(value);
        }
        var month = column == RecordColumns.Month;
        return value switch
        {
            DateTime date => CellValues.ExcelDate(date, month),
            double serial when CellValues.ExcelSerialDate(serial) is { } date => CellValues.ExcelDate(date, month),
            int serial when CellValues.ExcelSerialDate(serial) is { } date => CellValues.ExcelDate(date, month),
            long serial when CellValues.ExcelSerialDate(serial) is { } date => CellValues.ExcelDate(date, month),
            decimal serial when CellValues.ExcelSerialDate((double)serial) is { } date => CellValues.ExcelDate(date, month),
            _ => Text(value),
        };
    }

    // A workbook kept by hand may hold real dates and numbers where this client writes text.
    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => CellValues.Boolean(flag),
        double number => number.ToString("0.#########", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
