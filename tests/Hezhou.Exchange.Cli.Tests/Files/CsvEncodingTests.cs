using System.Text;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.Files;

public sealed class CsvEncodingTests
{
    [Fact]
    public void Read_Gb18030WithBilingualHeaders_DetectedAndReadAsWritten()
    {
        using var folder = new TempFolder();
        SubmissionRecord[] records = [Records.Site(), RecordFileTests.RichHousehold(), Records.Household("HH-0002", seed: 1)];
        var path = Gb18030Csv(folder, "relocation.csv", Department.Relocation, records);

        var read = RecordFiles.Read(path).ToList();

        Assert.Equal(records, read.Select(r => r.Record));
        Assert.Equal([2, 3, 6], read.Select(r => r.Line));
    }

    [Fact]
    public void Read_Gb18030WithChineseOnlyHeaders_DetectedAndReadAsWritten()
    {
        using var folder = new TempFolder();
        var records = RecordFileTests.EveryKind();
        var text = CsvText(Department.Unspecified, records);
        text = string.Join(',', RecordColumns.All.Select(c => c.Chinese)) + text[text.IndexOf('\n', StringComparison.Ordinal)..];
        var path = folder.File("all.csv");
        File.WriteAllBytes(path, Gb18030.GetBytes(text));

        var read = RecordFiles.Read(path).Select(r => r.Record).ToList();

        Assert.Equal(records, read);
    }

    [Fact]
    public void Read_Gb18030NamedWithEncoding_ReadAsWritten()
    {
        using var folder = new TempFolder();
        SubmissionRecord[] records = [Records.Site(), RecordFileTests.RichHousehold()];
        var path = Gb18030Csv(folder, "relocation.csv", Department.Relocation, records);

        var read = RecordFiles.Read(path, CsvEncoding.Gb18030).Select(r => r.Record).ToList();

        Assert.Equal(records, read);
    }

    [Fact]
    public void Read_Gb18030WithEnglishOnlyHeaders_AsksForEncodingThenReadsWithIt()
    {
        using var folder = new TempFolder();
        var path = folder.File("sites.csv");
        File.WriteAllBytes(path, Gb18030.GetBytes("record_kind,source_key,site_name\r\nsite,HZ-S01,八步区城东安置区\r\n"));

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());
        var read = RecordFiles.Read(path, CsvEncoding.Gb18030).Single().Record;

        Assert.StartsWith("sites.csv: cannot tell its encoding; tried UTF-8 (line 2: byte 0xB0 cannot be read as UTF-8) and GB18030 (its header row is English only", error.Message);
        Assert.Contains("--encoding gb18030", error.Message);
        Assert.Equal("八步区城东安置区", read.Site.Name);
    }

    [Fact]
    public void Read_Utf8WithoutByteOrderMark_Read()
    {
        using var folder = new TempFolder();
        var path = folder.File("relocation.csv");
        File.WriteAllText(path, CsvText(Department.Relocation, Records.Site()), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var read = RecordFiles.Read(path).Single().Record;

        Assert.Equal(Records.Site(), read);
    }

    [Fact]
    public void Read_Utf16WithoutByteOrderMark_FailsNamingEncodingsTriedAndTheOption()
    {
        using var folder = new TempFolder();
        var path = folder.File("relocation.csv");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes(CsvText(Department.Relocation, Records.Site())));

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        // "记" is 0xB0 0x8B in UTF-16 little-endian; as GB18030 that is a character, but the NUL after "r" is not.
        Assert.Equal(
            "relocation.csv: cannot tell its encoding; tried UTF-8 (line 1: byte 0xB0 cannot be read as UTF-8) and GB18030 "
            + "(line 1: a NUL byte (as UTF-16 text without a byte-order mark has) cannot be read as GB18030). Name the file's "
            + "encoding with --encoding gb18030 or --encoding utf-8, or save it from Excel as \"CSV UTF-8\".",
            error.Message);
    }

    [Fact]
    public void Read_BytesNeitherEncodingReads_FailsNamingEncodingsTriedAndTheOption()
    {
        using var folder = new TempFolder();
        var path = folder.File("relocation.csv");
        File.WriteAllBytes(path, [.. "record_kind,source_key\nsite,HZ-S01\n"u8, 0xFF, 0x80, 0x2C, 0x0A]);

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.Equal(
            "relocation.csv: cannot tell its encoding; tried UTF-8 (line 3: byte 0xFF cannot be read as UTF-8) and GB18030 "
            + "(line 3: byte 0xFF cannot be read as GB18030). Name the file's encoding with --encoding gb18030 or "
            + "--encoding utf-8, or save it from Excel as \"CSV UTF-8\".",
            error.Message);
    }

    [Fact]
    public void Read_DamagedUtf8_NotTakenForGb18030()
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, Records.Site(), Records.Household());
        var bytes = File.ReadAllBytes(path);
        bytes[^10] = 0xC0;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.StartsWith("relocation.csv: line 4: byte", error.Message);
        Assert.Contains("cannot be read as UTF-8, as its byte-order mark says it is", error.Message);
    }

    [Fact]
    public void Read_DamagedUtf8WithoutByteOrderMark_NotTakenForGb18030()
    {
        using var folder = new TempFolder();
        var path = folder.File("relocation.csv");
        var bytes = new UTF8Encoding(false).GetBytes(CsvText(Department.Relocation, Records.Site(), Records.Household()));
        bytes[^10] = 0xC0;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.StartsWith("relocation.csv: cannot tell its encoding; tried UTF-8 (line 4: ", error.Message);
        Assert.Contains("GB18030 (", error.Message);
    }

    [Fact]
    public void Read_Gb18030NamedAsUtf8_FailsWithTheLineAndTheOtherChoice()
    {
        using var folder = new TempFolder();
        var path = Gb18030Csv(folder, "relocation.csv", Department.Relocation, Records.Site());

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path, CsvEncoding.Utf8).ToList());

        Assert.StartsWith("relocation.csv: line 1: byte 0xBC cannot be read as UTF-8", error.Message);
        Assert.Contains("cannot be read as UTF-8, as --encoding utf-8 says it is; the client reads UTF-8 and GB18030 (--encoding utf-8 or --encoding gb18030", error.Message);
    }

    [Theory]
    [InlineData("utf-8", "Utf8")]
    [InlineData("UTF8", "Utf8")]
    [InlineData("gb18030", "Gb18030")]
    [InlineData("GBK", "Gb18030")]
    [InlineData(null, "Detect")]
    public void TryParse_KnownName_TheEncoding(string? name, string expected)
    {
        Assert.True(CsvEncodings.TryParse(name, out var encoding));
        Assert.Equal(expected, encoding.ToString());
    }

    [Fact]
    public void TryParse_UnknownName_False()
    {
        Assert.False(CsvEncodings.TryParse("latin1", out _));
    }

    internal static readonly Encoding Gb18030 = CodePage(54936);

    /// <summary>A CSV file as Excel's plain "CSV" writes it on Chinese Windows: GBK (here GB18030), no byte-order mark.</summary>
    internal static string Gb18030Csv(TempFolder folder, string name, Department department, params SubmissionRecord[] records)
    {
        var path = folder.File(name);
        File.WriteAllBytes(path, Gb18030.GetBytes(CsvText(department, records)));
        return path;
    }

    private static string CsvText(Department department, params SubmissionRecord[] records)
    {
        var text = new StringWriter();
        using (var writer = BilingualCsvWriter.Create(text, department))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }
        }
        return text.ToString();
    }

    private static Encoding CodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
