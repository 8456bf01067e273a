using System.Text;
using CsCheck;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;
using MiniExcelLibs;

namespace Hezhou.Exchange.Cli.Tests.Files;

// Random bytes, random CSV text and random spreadsheet cells given to the importers: a file either reads as records
// or fails with RecordFileException, which names the file, row and column; no other exception escapes (push turns
// that one into a message and exit code 2, anything else would be a stack trace).
public sealed class RecordFileFuzzTests : IDisposable
{
    private const int Iterations = 1_000;

    private readonly TempFolder folder = new();

    private static readonly Gen<char> HostileChar = Gen.Frequency(
        (6, Gen.Char["abcXx019 -.:/·'"]),
        (3, Gen.Char[",\"\r\n\t;"]),
        (2, Gen.Char['\u4e00', '\u9fff']),
        (1, Gen.Char["\uFEFF\u0000\u202E\u200B\uFFFD\uFF10\u0660\u0669\u00A0\u3000"]),
        (1, Gen.Char['\ud800', '\udfff']),
        (1, Gen.Char));

    private static readonly Gen<string> HostileText = HostileChar.Array[0, 16].Select(chars => new string(chars));

    // What a cell of a hand-kept spreadsheet may hold where the client expects a date, an amount, a label or a count.
    private static readonly Gen<string> Cell = Gen.Frequency(
        (3, Gen.OneOf(
            Gen.Const("2023-02-29"), Gen.Const("2023-13-01"), Gen.Const("2023-12"), Gen.Const("2023"), Gen.Const("9999-99-99"),
            Gen.Const("٢٠٢٣-٠١-٠١"), Gen.Const("２０２３-０１-０１"), Gen.Const("2023/1/1"), Gen.Const("0000-00-00"))),
        (3, Gen.OneOf(
            Gen.Const("480.50"), Gen.Const("-1"), Gen.Const("1e5"), Gen.Const("79228162514264337593543950335"),
            Gen.Const("-79228162514264337593543950335"), Gen.Const("0.0000000001"), Gen.Const("9223372036854775807.99"),
            Gen.Const("１２３"), Gen.Const("٣٫٥"), Gen.Const("1,234.5"), Gen.Const("NaN"), Gen.Const("∞"))),
        (3, Gen.OneOf(
            Gen.Const("男"), Gen.Const("女"), Gen.Const("male"), Gen.Const("GENDER_MALE"), Gen.Const("99"), Gen.Const("-2147483649"),
            Gen.Const("2147483648"), Gen.Const("搬迁户"), Gen.Const("household"), Gen.Const("安置点"), Gen.Const("救助发放"),
            Gen.Const("是"), Gen.Const("否"), Gen.Const("maybe"), Gen.Const("+5"), Gen.Const("٣"))),
        (1, Gen.Const("HH-0001")),
        (4, HostileText));

    private static readonly Gen<string> Header = Gen.Frequency(
        (8, Gen.Int[0, RecordColumns.All.Count - 1].Select(i => RecordColumns.All[i]).SelectMany(column =>
            Gen.OneOf(Gen.Const(column.Header), Gen.Const(column.Name), Gen.Const(column.Chinese), Gen.Const($" {column.Name.ToUpperInvariant()} ")))),
        (1, HostileText));

    // A header naming the record kind and source key (so rows are read), or not; then random rows.
    private static readonly Gen<(string[] Headers, string[][] Rows)> Table = Gen.Select(
        Gen.Bool, Header.Array[0, 8], Cell.Array[0, 12].Array[0, 6],
        (keyed, headers, rows) => ((keyed ? [RecordColumns.RecordKind.Header, RecordColumns.SourceKey.Header, .. headers] : headers), rows));

    // What a real spreadsheet cell holds: text, numbers, dates, booleans or nothing.
    private static readonly Gen<object?> CellValue = Gen.Frequency<object?>(
        (4, Cell.Select(text => (object?)text)),
        (1, Gen.Double.Select(number => (object?)number)),
        (1, Gen.Int.Select(number => (object?)number)),
        (1, Gen.Decimal.Select(number => (object?)number)),
        (1, Gen.Int[0, 2_900_000].Select(days => (object?)new DateTime(1900, 1, 1).AddDays(days))),
        (1, Gen.Bool.Select(flag => (object?)flag)),
        (1, Gen.Const(default(object?))));

    // The spreadsheet rows of valid records of every kind, as the client writes them.
    private static readonly Gen<IReadOnlyDictionary<RecordColumn, string>[]> ValidRows = Gen.OneOf(
        Gen.Const(Records.Site()), Gen.Const(Records.Household()), Gen.Const(Records.Employment()), Gen.Const(Records.JobVacancy()),
        Gen.Const(Records.WelfareEntitlement()), Gen.Const(Records.WelfarePayment()), Gen.Const(Records.Withdrawal("HH-0001", RecordKind.Household)))
        .Array[1, 3].Select(records => records.SelectMany(RecordRows.Of).ToArray());

    [Fact]
    public void Read_RandomBytesAsAnyFormat_OnlyRecordFileException()
    {
        Gen.Select(Gen.Byte.Array[0, 2_000], Gen.OneOf(Gen.Const(".csv"), Gen.Const(".xlsx"), Gen.Const(".jsonl"))).Sample(
            (bytes, extension) => AssertReadsOrFailsAsDocumented(WriteFile(extension, bytes)), iter: Iterations);
    }

    [Fact]
    public void Read_RandomCsvText_OnlyRecordFileException()
    {
        Gen.Select(Table, Gen.Bool, Gen.OneOf(Gen.Const("\r\n"), Gen.Const("\n"), Gen.Const("\r")), Gen.Bool).Sample(
            (table, bom, newline, quoteAll) =>
            {
                var text = new StringBuilder(bom ? "\uFEFF" : "");
                foreach (var row in new[] { table.Headers }.Concat(table.Rows))
                {
                    text.Append(string.Join(',', row.Select(cell => quoteAll || cell.IndexOfAny([',', '"', '\r', '\n']) >= 0
                        ? $"\"{cell.Replace("\"", "\"\"")}\""
                        : cell)));
                    text.Append(newline);
                }
                AssertReadsOrFailsAsDocumented(WriteFile(".csv", Encoding.UTF8.GetBytes(text.ToString())));
            }, iter: Iterations);
    }

    [Fact]
    public void Read_CsvOfRandomBrokenLines_OnlyRecordFileException()
    {
        var header = string.Join(',', RecordColumns.All.Select(c => c.Header));
        HostileText.Array[0, 8].Sample(lines =>
        {
            var text = header + "\n" + string.Join("\n", lines);
            AssertReadsOrFailsAsDocumented(WriteFile(".csv", Encoding.UTF8.GetBytes(text)));
        }, iter: Iterations);
    }

    [Fact]
    public void Read_XlsxOfRandomCells_OnlyRecordFileException()
    {
        Gen.Select(Table, CellValue.Array[12].Array[0, 6]).Sample((table, values) =>
        {
            var headers = table.Headers.Distinct().Where(h => h.Length > 0).ToArray();
            var rows = values.Select(row => headers.Select((h, i) => (h, row[i % row.Length]))
                .ToDictionary(cell => cell.h, cell => cell.Item2)).ToList();
            var path = folder.File($"{Guid.NewGuid():N}.xlsx");
            if (headers.Length > 0)
            {
                MiniExcel.SaveAs(path, rows.Count > 0 ? rows : [headers.ToDictionary(h => h, _ => (object?)null)]);
                AssertReadsOrFailsAsDocumented(path);
            }
        }, iter: Iterations / 4);
    }

    [Fact]
    public void Read_CsvOfValidRowsWithRandomCells_OnlyRecordFileException()
    {
        var columns = RecordColumns.All;
        Gen.Select(ValidRows, Gen.Select(Gen.Int[0, int.MaxValue], Cell).Array[1, 4]).Sample((rows, changes) =>
        {
            var cells = rows.Select(row => columns.Select(c => row.GetValueOrDefault(c) ?? "").ToArray()).ToArray();
            foreach (var (at, value) in changes)
            {
                cells[at % cells.Length][at / cells.Length % columns.Count] = value;
            }
            var text = string.Join("\r\n", new[] { columns.Select(c => c.Header).ToArray() }.Concat(cells)
                .Select(row => string.Join(',', row.Select(cell => $"\"{cell.Replace("\"", "\"\"")}\""))));
            AssertReadsOrFailsAsDocumented(WriteFile(".csv", Encoding.UTF8.GetBytes(text)));
        }, iter: Iterations);
    }

    [Fact]
    public void Read_XlsxOfValidRowsWithRandomCells_OnlyRecordFileException()
    {
        var columns = RecordColumns.All;
        Gen.Select(ValidRows, Gen.Select(Gen.Int[0, int.MaxValue], CellValue).Array[1, 4]).Sample((rows, changes) =>
        {
            var cells = rows.Select(row => columns.ToDictionary(c => c.Header, c => (object?)(row.GetValueOrDefault(c) ?? ""))).ToArray();
            foreach (var (at, value) in changes)
            {
                cells[at % cells.Length][columns[at / cells.Length % columns.Count].Header] = value;
            }
            var path = folder.File($"{Guid.NewGuid():N}.xlsx");
            MiniExcel.SaveAs(path, cells);
            AssertReadsOrFailsAsDocumented(path);
        }, iter: Iterations / 4);
    }

    [Fact]
    public void Read_ValidFilesWithBytesChangedOrCut_OnlyRecordFileException()
    {
        SubmissionRecord[] records = [Records.Site(), Records.Household(), Records.Employment(), Records.WelfarePayment()];
        var originals = new[]
        {
            File.ReadAllBytes(RecordFileWriting.Csv(folder, "all.csv", Department.Unspecified, records)),
            File.ReadAllBytes(RecordFileWriting.Xlsx(folder, "all.xlsx", Department.Unspecified, records)),
            File.ReadAllBytes(RecordFileWriting.JsonLines(folder, "all.jsonl", records)),
        };
        string[] extensions = [".csv", ".xlsx", ".jsonl"];

        Gen.Select(Gen.Int[0, 2], Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte).Array[0, 8], Gen.Int[0, 100]).Sample(
            (format, changes, keepPercent) =>
            {
                var bytes = originals[format].ToArray();
                foreach (var (at, value) in changes)
                {
                    bytes[at % bytes.Length] = value;
                }
                bytes = bytes[..(bytes.Length * keepPercent / 100)];
                AssertReadsOrFailsAsDocumented(WriteFile(extensions[format], bytes));
            }, iter: Iterations);
    }

    [Fact]
    public void Read_JsonLinesOfRandomText_OnlyRecordFileException()
    {
        var line = Gen.Frequency(
            (2, HostileText),
            (2, Gen.OneOf(
                Gen.Const("{\"sourceKey\":\"K\",\"site\":{\"dwellings\":1e400}}"),
                Gen.Const("{\"sourceKey\":\"K\",\"site\":{\"dwellings\":2147483648}}"),
                Gen.Const("{\"sourceKey\":\"K\",\"site\":{\"dwellings\":\"x\"}}"),
                Gen.Const("{\"sourceKey\":\"K\",\"site\":{\"kind\":\"SITE_KIND_MOON\"}}"),
                Gen.Const("{\"sourceKey\":\"K\",\"site\":{\"openDate\":{\"year\":1e10}}}"),
                Gen.Const("{\"sourceKey\":\"K\",\"employment\":{\"monthlyIncome\":{\"units\":\"99999999999999999999\"}}}"),
                Gen.Const("{\"sourceKey\":\"K\",\"site\":{},\"household\":{}}"),
                Gen.Const("{\"sourceKey\":\"\\ud800\"}"),
                Gen.Const(new string('[', 10_000)),
                Gen.Const("{\"sourceKey\":" + new string('{', 200) + "}"),
                Gen.Const("[1,2,3]"),
                Gen.Const("null"))),
            (1, Gen.Const("{\"sourceKey\":\"HZ-S01\",\"site\":{\"name\":\"城东\",\"countyCode\":\"451102\"}}")));
        line.Array[0, 6].Sample(lines =>
            AssertReadsOrFailsAsDocumented(WriteFile(".jsonl", Encoding.UTF8.GetBytes(string.Join("\n", lines)))), iter: Iterations);
    }

    public void Dispose() => folder.Dispose();

    private string WriteFile(string extension, byte[] bytes)
    {
        var path = folder.File($"{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertReadsOrFailsAsDocumented(string path)
    {
        try
        {
            foreach (var record in RecordFiles.Read(path))
            {
                Assert.NotNull(record.Record);
                Assert.True(record.Line >= 1);
            }
        }
        catch (RecordFileException e)
        {
            Assert.StartsWith(Path.GetFileName(path), e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
