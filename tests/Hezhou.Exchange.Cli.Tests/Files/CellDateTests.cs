using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;
using MiniExcelLibs;

namespace Hezhou.Exchange.Cli.Tests.Files;

public sealed class CellDateTests
{
    private const string AcceptedForms =
        "dates are YYYY-MM-DD (2024-03-01) or YYYY/M/D (2024/3/1), a month YYYY-MM (2024-03) or YYYY/M (2024/3), or date cells in .xlsx";

    [Theory]
    [InlineData("2024-03-01", 2024, 3, 1)]
    [InlineData("2024-12-31", 2024, 12, 31)]
    [InlineData("2024/3/1", 2024, 3, 1)]
    [InlineData("2024/03/01", 2024, 3, 1)]
    [InlineData("2024/12/31", 2024, 12, 31)]
    [InlineData("2024-03", 2024, 3, 0)]
    [InlineData("2024/3", 2024, 3, 0)]
    public void ParseDate_AcceptedForm_TheDate(string text, int year, int month, int day)
    {
        Assert.Equal(Records.Date(year, month, day), CellValues.ParseDate(text));
    }

    [Theory]
    [InlineData("2024.3.5")]
    [InlineData("2024-3-8")]
    [InlineData("2024-3")]
    [InlineData("2024/3-1")]
    [InlineData("24/3/1")]
    [InlineData("1/3/2024")]
    [InlineData("20240301")]
    [InlineData("2024")]
    [InlineData("2024年3月1日")]
    [InlineData("2024-03-01 00:00:00")]
    [InlineData("2024/3/1/")]
    public void ParseDate_OtherForm_NamesTheAcceptedForms(string text)
    {
        var error = Assert.Throws<CellFormatException>(() => CellValues.ParseDate(text));

        Assert.Equal($"'{text}' is not a date; {AcceptedForms}", error.Message);
    }

    [Theory]
    [InlineData("2019/6/1")]
    [InlineData("2019/06/01")]
    [InlineData("2019-06-01")]
    public void BilingualCsv_DateAsExcelOrIsoWritesIt_Read(string date)
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, Records.Site());
        File.WriteAllText(path, File.ReadAllText(path).Replace("2019-06-01", date));

        var read = RecordFiles.Read(path).Single().Record;

        Assert.Equal(Records.Site(), read);
    }

    [Theory]
    [InlineData("2019.6.1")]
    [InlineData("2019-6-1")]
    [InlineData("19/6/1")]
    public void BilingualCsv_DateInAnotherForm_NamesRowColumnAndAcceptedForms(string date)
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, Records.Site(), Records.Site("HZ-S02"));
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace("2019-06-01", date);
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.Equal($"relocation.csv: row 3, column '启用日期 / open_date': '{date}' is not a date; {AcceptedForms}", error.Message);
    }

    [Fact]
    public void Xlsx_DateCellsAndSerialNumbers_ReadAsDates()
    {
        using var folder = new TempFolder();
        var path = folder.File("relocation.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            SiteRow("HZ-S01", new DateTime(2019, 6, 1)),
            SiteRow("HZ-S02", new DateTime(2019, 6, 1).ToOADate()),
            SiteRow("HZ-S03", 45352d),
            SiteRow("HZ-S04", "2019/6/1"),
        });

        var read = RecordFiles.Read(path).Select(r => r.Record.Site.OpenDate).ToList();

        Assert.Equal([Records.Date(2019, 6, 1), Records.Date(2019, 6, 1), Records.Date(2024, 3, 1), Records.Date(2019, 6, 1)], read);
    }

    [Fact]
    public void Xlsx_DateCellInTheMonthColumn_ReadAsItsMonth()
    {
        using var folder = new TempFolder();
        var path = folder.File("civil-affairs.xlsx");
        var payment = Records.WelfarePayment();
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object?>
            {
                ["记录类型 / record_kind"] = "救助发放",
                ["记录编号 / source_key"] = payment.SourceKey,
                ["救助资格编号 / entitlement_key"] = payment.WelfarePayment.EntitlementKey,
                ["身份证号码 / citizen_id"] = payment.WelfarePayment.Person.CitizenId,
                ["姓名 / name"] = payment.WelfarePayment.Person.Name,
                ["救助项目 / programme"] = "城市低保",
                ["发放月份 / month"] = new DateTime(2023, 12, 1),
                ["发放金额（元） / amount"] = 480.5,
            },
        });

        var read = RecordFiles.Read(path).Single().Record;

        Assert.Equal(payment, read);
    }

    [Theory]
    [InlineData(43617.5)]
    [InlineData(30d)]
    [InlineData(-1d)]
    [InlineData(3_000_000d)]
    public void Xlsx_NumberNoDateIsCountedAs_NamesRowColumnAndAcceptedForms(double serial)
    {
        using var folder = new TempFolder();
        var path = folder.File("relocation.xlsx");
        MiniExcel.SaveAs(path, new[] { SiteRow("HZ-S01", serial) });

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.StartsWith("relocation.xlsx: row 2, column '启用日期 / open_date': '", error.Message);
        Assert.EndsWith($"' is not a date; {AcceptedForms}", error.Message);
    }

    private static Dictionary<string, object?> SiteRow(string code, object openDate) => new()
    {
        ["记录类型 / record_kind"] = "安置点",
        ["记录编号 / source_key"] = code,
        ["安置点名称 / site_name"] = "八步区城东安置区",
        ["启用日期 / open_date"] = openDate,
    };
}
