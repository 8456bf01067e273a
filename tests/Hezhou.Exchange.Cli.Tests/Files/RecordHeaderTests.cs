using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Tests.Infrastructure;

namespace Hezhou.Exchange.Cli.Tests.Files;

public sealed class RecordHeaderTests
{
    [Theory]
    [InlineData("月收入（元）")]
    [InlineData("月收入(元)")]
    [InlineData("月收入 (元)")]
    [InlineData("月收入 （元）")]
    [InlineData("月收入【元】")]
    [InlineData("月收入[元]")]
    [InlineData("\u3000月收入（元）\u00A0")]
    [InlineData("月收入(元) / monthly_income")]
    [InlineData("月收入（元）／ｍｏｎｔｈｌｙ＿ｉｎｃｏｍｅ")]
    [InlineData("monthly_income")]
    [InlineData("Monthly Income")]
    [InlineData("MONTHLY-INCOME")]
    [InlineData("ｍｏｎｔｈｌｙ＿ｉｎｃｏｍｅ")]
    [InlineData("monthly\u200B_income")]
    public void FromHeader_WidthSpacesAndBracketsVary_SameColumn(string header)
    {
        Assert.Equal(RecordColumns.MonthlyIncome, RecordColumns.FromHeader(header));
    }

    [Theory]
    [InlineData("身份证 号码", "citizen_id")]
    [InlineData("统一社会信用代码 / Employer Credit Code", "employer_credit_code")]
    [InlineData("发放金额(元)", "amount")]
    [InlineData("月标准 (元)", "monthly_amount")]
    [InlineData("月工资(元)/monthly wage", "monthly_wage")]
    public void FromHeader_OtherColumnsTypedByHand_TheColumn(string header, string name)
    {
        Assert.Equal(name, RecordColumns.FromHeader(header)?.Name);
    }

    [Theory]
    [InlineData("月收入")]
    [InlineData("月收入（元")]
    [InlineData("monthly_incomes")]
    public void FromHeader_NotAColumn_Null(string header)
    {
        Assert.Null(RecordColumns.FromHeader(header));
    }

    [Fact]
    public void FromHeader_LoneSurrogate_NullNotAnException()
    {
        Assert.Null(RecordColumns.FromHeader("姓名\ud800"));
    }

    [Fact]
    public void BilingualCsv_HeadersTypedByHand_AreRead()
    {
        using var folder = new TempFolder();
        var path = folder.File("human-resources.csv");
        File.WriteAllLines(path,
        [
            "记录类型, 记录编号 / Source Key,身份证号码,姓名,就业渠道,用人单位,统一社会信用代码,就业地域,开始日期,月收入 (元)",
            $"就业,EMP-0001,{Records.HeadId()},盘金福,帮扶车间,贺州市八步区帮扶车间,{Records.CreditCode(1)},县内,2022-03-01,2600.00",
        ]);

        var read = RecordFiles.Read(path).Single().Record;

        Assert.Equal(Records.Employment(), read);
    }

    [Fact]
    public void BilingualCsv_OneColumnTwiceInDifferentBrackets_NamesTheSecond()
    {
        using var folder = new TempFolder();
        var path = folder.File("human-resources.csv");
        File.WriteAllLines(path, ["record_kind,source_key,月收入(元),月收入（元）", "employment,EMP-0001,1,2"]);

        var error = Assert.Throws<RecordFileException>(() => RecordFiles.Read(path).ToList());

        Assert.Equal("human-resources.csv: row 1, column 4: column '月收入（元） / monthly_income' appears twice", error.Message);
    }
}
