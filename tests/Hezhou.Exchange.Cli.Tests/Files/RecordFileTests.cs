using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.Files;

public sealed class RecordFileTests
{
    [Fact]
    public void BilingualCsv_WrittenThenRead_SameRecordsWithHouseholdsReassembled()
    {
        using var folder = new TempFolder();
        var records = EveryKind();
        var path = RecordFileWriting.Csv(folder, "all.csv", Department.Unspecified, records);

        var read = RecordFiles.Read(path).ToList();

        Assert.Equal(records, read.Select(r => r.Record));
        // Header on line 1, the site on 2, the household's three members on 3-5, the next household on 6.
        Assert.Equal([2, 3, 6], read.Take(3).Select(r => r.Line));
        var header = File.ReadLines(path).First();
        Assert.StartsWith("\uFEFF记录类型 / record_kind,记录编号 / source_key", File.ReadAllText(path));
        Assert.Contains("身份证号码 / citizen_id", header);
    }

    [Fact]
    public void BilingualCsv_DepartmentFile_HasOnlyItsColumnsAndReadsBack()
    {
        using var folder = new TempFolder();
        SubmissionRecord[] records = [Records.Site(), RichHousehold(), Records.Household("HH-0002", seed: 1)];
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, records);

        var read = RecordFiles.Read(path).Select(r => r.Record).ToList();

        Assert.Equal(records, read);
        Assert.DoesNotContain("monthly_income", File.ReadLines(path).First());
        Assert.Equal(1 + 1 + 3 + 2, File.ReadLines(path).Count());
    }

    [Fact]
    public void Xlsx_WrittenThenRead_SameRecords()
    {
        using var folder = new TempFolder();
        var records = EveryKind();
        var path = RecordFileWriting.Xlsx(folder, "all.xlsx", Department.Unspecified, records);

        var read = RecordFiles.Read(path).ToList();

        Assert.Equal(records, read.Select(r => r.Record));
        Assert.Equal([2, 3, 6], read.Take(3).Select(r => r.Line));
    }

    [Fact]
    public void JsonLines_WrittenThenRead_SameRecordsOneALine()
    {
        using var folder = new TempFolder();
        var records = EveryKind();
        var path = RecordFileWriting.JsonLines(folder, "all.jsonl", records);

        var read = RecordFiles.Read(path).ToList();

        Assert.Equal(records, read.Select(r => r.Record));
        Assert.Equal(Enumerable.Range(1, records.Length), read.Select(r => r.Line));
        Assert.Equal(records.Length, File.ReadLines(path).Count());
    }

    [Fact]
    public void JsonLines_SyntaxError_NamesLineAndColumn()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.jsonl");
        File.WriteAllLines(path, ["{\"sourceKey\":\"HZ-S01\"}", "{\"sourceKey\":\"HZ-S02\",\"site\":{\"name\":\"城东\",}}"]);

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.StartsWith("bad.jsonl: line 2, column 43:", error.Message);
    }

    [Fact]
    public void JsonLines_UnknownField_NamesLineAndTheFieldsColumn()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.jsonl");
        File.WriteAllLines(path, ["", "{\"sourceKey\":\"HZ-S02\",\"sitee\":{}}"]);

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.StartsWith("bad.jsonl: line 2, column 23:", error.Message);
        Assert.Contains("sitee", error.Message);
    }

    [Fact]
    public void BilingualCsv_BadDate_NamesRowAndColumnHeader()
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, Records.Site(), Records.Household());
        File.WriteAllText(path, File.ReadAllText(path).Replace("1982-11-03", "1982-11-0x"));

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.Equal("relocation.csv: row 4, column '出生日期 / birth_date': '1982-11-0x' is not a date; dates are YYYY-MM-DD (2024-03-01) or YYYY/M/D (2024/3/1), a month YYYY-MM (2024-03) or YYYY/M (2024/3), or date cells in .xlsx", error.Message);
    }

    [Theory]
    [InlineData("１９８２-１１-０３")]
    [InlineData("١٩٨٢-١١-٠٣")]
    public void BilingualCsv_DateInNonAsciiDigits_NamesRowAndColumnHeader(string date)
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, Records.Site(), Records.Household());
        File.WriteAllText(path, File.ReadAllText(path).Replace("1982-11-03", date));

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.Equal($"relocation.csv: row 4, column '出生日期 / birth_date': '{date}' is not a date; dates are YYYY-MM-DD (2024-03-01) or YYYY/M/D (2024/3/1), a month YYYY-MM (2024-03) or YYYY/M (2024/3), or date cells in .xlsx", error.Message);
    }

    [Fact]
    public void BilingualCsv_UnknownEnumLabel_ListsTheAcceptedValues()
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, Records.Household());
        File.WriteAllText(path, File.ReadAllText(path).Replace(",女,", ",F,"));

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.Contains("row 3, column '性别 / gender': 'F' is not a Gender (男 / male, 女 / female)", error.Message);
    }

    [Fact]
    public void BilingualCsv_HouseholdRowsDisagree_NamesTheRow()
    {
        using var folder = new TempFolder();
        var path = RecordFileWriting.Csv(folder, "relocation.csv", Department.Relocation, Records.Household());
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace("3栋2单元501", "3栋2单元502");
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.StartsWith("relocation.csv: row 3, column '住址 / address': household HH-0001 continues from row 2", error.Message);
    }

    [Fact]
    public void BilingualCsv_EnglishOnlyHeadersAndEnglishValues_AreRead()
    {
        using var folder = new TempFolder();
        var path = folder.File("hand-made.csv");
        File.WriteAllLines(path,
        [
            "record_kind,source_key,site_name,county_code,site_kind,open_date",
            "site,HZ-S01,八步区城东安置区,451102,urban,2019-06-01",
            "SITE,HZ-S02,\"石门, 二期\",451123,SITE_KIND_RURAL,2019/6/1",
        ]);

        var read = RecordFiles.Read(path).Select(r => r.Record).ToList();

        Assert.Equal(SiteKind.Urban, read[0].Site.Kind);
        Assert.Equal("石门, 二期", read[1].Site.Name);
        Assert.Equal(SiteKind.Rural, read[1].Site.Kind);
        Assert.Equal(Records.Date(2019, 6, 1), read[1].Site.OpenDate);
    }

    [Fact]
    public void BilingualCsv_UnknownHeader_NamesIt()
    {
        using var folder = new TempFolder();
        var path = folder.File("typo.csv");
        File.WriteAllLines(path, ["record_kind,source_key,deth_date", "household,HH-1,2020-01-01"]);

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.StartsWith("typo.csv: row 1, column 3: 'deth_date' is not a known column", error.Message);
    }

    /// <summary>One record of every kind, with every field set somewhere, a withdrawal, and names CSV must quote.</summary>
    internal static SubmissionRecord[] EveryKind()
    {
        var employment = Records.Employment("EMP-0001");
        employment.Employment.EndDate = Records.Date(2023, 6, 30);
        employment.Employment.LocationDetail = "广东省佛山市顺德区";
        employment.Employment.Person.Gender = Gender.Male;
        employment.Employment.Person.BirthDate = Records.Date(1980, 5, 12);
        var vacancy = Records.JobVacancy("VAC-0001");
        vacancy.JobVacancy.ClosingDate = Records.Date(2023, 3, 31);
        vacancy.JobVacancy.SiteCode = "HZ-S01";
        vacancy.JobVacancy.LocationDetail = "佛山";
        var entitlement = Records.WelfareEntitlement("ENT-0001");
        entitlement.WelfareEntitlement.EndDate = Records.Date(2023, 12, 31);
        var payment = Records.WelfarePayment("PAY-0001");
        payment.WelfarePayment.PaidDate = Records.Date(2024, 1, 5);
        payment.WelfarePayment.Amount = Records.Yuan(480, 5);
        return
        [
            Records.Site(),
            RichHousehold(),
            Records.Household("HH-0002", seed: 1),
            Records.Withdrawal("HH-0003", RecordKind.Household),
            employment,
            vacancy,
            entitlement,
            payment,
            Records.Withdrawal("PAY-0000", RecordKind.WelfarePayment),
        ];
    }

    /// <summary>A household of three: a spouse named with a comma, quotes and a character beyond the BMP, and a deceased
    /// disabled parent.</summary>
    internal static SubmissionRecord RichHousehold()
    {
        var household = Records.Household("HH-0001");
        household.Household.Members[1].Name = "赵\"𠮷\", 秀英";
        household.Household.Members[1].InSchool = true;
        var parent = Records.Member(Records.CitizenId(1950, 1, 20, 41), "盘老汉", Gender.Male, Records.Date(1950, 1, 20), RelationToHead.Parent);
        parent.LabourCapacity = LabourCapacity.Lost;
        parent.WillingToWork = false;
        parent.DisabilityCategory = DisabilityCategory.Physical;
        parent.DisabilityGrade = 2;
        parent.DeathDate = Records.Date(2023, 3, 1);
        parent.Ethnicity = Ethnicity.Other;
        household.Household.Members.Add(parent);
        return household;
    }
}
