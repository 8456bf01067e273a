using System.Globalization;
using System.Text;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Files;

/// <summary>One column of a department's spreadsheet, headed "中文 / english" so both readers find their way.</summary>
internal sealed record RecordColumn(string Name, string Chinese)
{
    public string Header => $"{Chinese} / {Name}";
}

/// <summary>The columns of the spreadsheets (CSV and XLSX) in which departments keep their records.</summary>
internal static class RecordColumns
{
    public static readonly RecordColumn RecordKind = new("record_kind", "记录类型");
    public static readonly RecordColumn SourceKey = new("source_key", "记录编号");
    public static readonly RecordColumn Withdrawn = new("withdrawn", "是否撤回");
    public static readonly RecordColumn WithdrawalReason = new("withdrawal_reason", "撤回原因");

    public static readonly RecordColumn SiteName = new("site_name", "安置点名称");
    public static readonly RecordColumn CountyCode = new("county_code", "县区代码");
    public static readonly RecordColumn SiteKind = new("site_kind", "安置点类型");
    public static readonly RecordColumn Dwellings = new("dwellings", "安置房套数");
    public static readonly RecordColumn OpenDate = new("open_date", "启用日期");

    public static readonly RecordColumn SiteCode = new("site_code", "安置点代码");
    public static readonly RecordColumn Address = new("address", "住址");
    public static readonly RecordColumn RelocationDate = new("relocation_date", "搬迁入住日期");

    public static readonly RecordColumn CitizenId = new("citizen_id", "身份证号码");
    public static readonly RecordColumn Name = new("name", "姓名");
    public static readonly RecordColumn Gender = new("gender", "性别");
    public static readonly RecordColumn BirthDate = new("birth_date", "出生日期");
    public static readonly RecordColumn Ethnicity = new("ethnicity", "民族");
    public static readonly RecordColumn RelationToHead = new("relation_to_head", "与户主关系");
    public static readonly RecordColumn LabourCapacity = new("labour_capacity", "劳动能力");
    public static readonly RecordColumn WillingToWork = new("willing_to_work", "就业意愿");
    public static readonly RecordColumn InSchool = new("in_school", "在校生");
    public static readonly RecordColumn DisabilityCategory = new("disability_category", "残疾类别");
    public static readonly RecordColumn DisabilityGrade = new("disability_grade", "残疾等级");
    public static readonly RecordColumn DeathDate = new("death_date", "死亡日期");

    public static readonly RecordColumn Channel = new("channel", "就业渠道");
    public static readonly RecordColumn EmployerName = new("employer_name", "用人单位");
    public static readonly RecordColumn EmployerCreditCode = new("employer_credit_code", "统一社会信用代码");
    public static readonly RecordColumn Location = new("location", "就业地域");
    public static readonly RecordColumn LocationDetail = new("location_detail", "就业地点");
    public static readonly RecordColumn StartDate = new("start_date", "开始日期");
    public static readonly RecordColumn EndDate = new("end_date", "结束日期");
    public static readonly RecordColumn MonthlyIncome = new("monthly_income", "月收入（元）");

    public static readonly RecordColumn Title = new("title", "岗位名称");
    public static readonly RecordColumn Positions = new("positions", "招聘人数");
    public static readonly RecordColumn MonthlyWage = new("monthly_wage", "月工资（元）");
    public static readonly RecordColumn PostedDate = new("posted_date", "发布日期");
    public static readonly RecordColumn ClosingDate = new("closing_date", "截止日期");

    public static readonly RecordColumn Programme = new("programme", "救助项目");
    public static readonly RecordColumn MonthlyAmount = new("monthly_amount", "月标准（元）");
    public static readonly RecordColumn EntitlementKey = new("entitlement_key", "救助资格编号");
    public static readonly RecordColumn Month = new("month", "发放月份");
    public static readonly RecordColumn Amount = new("amount", "发放金额（元）");
    public static readonly RecordColumn PaidDate = new("paid_date", "发放日期");

    /// <summary>The columns every record has; the rest depend on its kind.</summary>
    public static readonly IReadOnlyList<RecordColumn> Common = [RecordKind, SourceKey, Withdrawn, WithdrawalReason];

    public static readonly IReadOnlyList<RecordColumn> Member =
    [
        CitizenId, Name, Gender, BirthDate, Ethnicity, RelationToHead, LabourCapacity, WillingToWork, InSchool,
        DisabilityCategory, DisabilityGrade, DeathDate,
    ];

    public static readonly IReadOnlyList<RecordColumn> Household = [SiteCode, Address, RelocationDate];

    public static readonly IReadOnlyList<RecordColumn> Relocation =
        [.. Common, SiteName, CountyCode, SiteKind, Dwellings, OpenDate, .. Household, .. Member];

    public static readonly IReadOnlyList<RecordColumn> HumanResources =
    [
        .. Common, CitizenId, Name, Gender, BirthDate, Channel, EmployerName, EmployerCreditCode, Location,
        LocationDetail, StartDate, EndDate, MonthlyIncome, Title, Positions, MonthlyWage, PostedDate, ClosingDate,
        SiteCode,
    ];

    public static readonly IReadOnlyList<RecordColumn> CivilAffairs =
    [
        .. Common, CitizenId, Name, Gender, BirthDate, Programme, StartDate, EndDate, MonthlyAmount, EntitlementKey,
        Month, Amount, PaidDate,
    ];

    /// <summary>Every column, in the order a spreadsheet of all kinds of records would have them.</summary>
    public static readonly IReadOnlyList<RecordColumn> All =
        [.. Relocation, .. HumanResources.Except(Relocation), .. CivilAffairs.Except(Relocation).Except(HumanResources)];

    /// <summary>The columns of one department's spreadsheet; every column for none.</summary>
    public static IReadOnlyList<RecordColumn> For(Department department) => department switch
    {
        Department.Relocation => Relocation,
        Department.HumanResources => HumanResources,
        Department.CivilAffairs => CivilAffairs,
        _ => All,
    };

    /// <summary>The columns that hold dates; a payment's <see cref="Month"/> is a month.</summary>
    public static readonly IReadOnlyList<RecordColumn> Dates =
        [OpenDate, RelocationDate, BirthDate, DeathDate, StartDate, EndDate, PostedDate, ClosingDate, Month, PaidDate];

    private static readonly Dictionary<string, RecordColumn> ByEnglish =
        All.ToDictionary(c => HeaderText.Normalise(c.Name), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, RecordColumn> ByChinese =
        All.ToDictionary(c => HeaderText.Normalise(c.Chinese), StringComparer.Ordinal);

    /// <summary>
    /// The column a header names: "中文 / english", the English name alone, or the Chinese alone, however a hand-kept
    /// spreadsheet writes its width, spaces and brackets (see <see cref="HeaderText"/>).
    /// </summary>
    public static RecordColumn? FromHeader(string header)
    {
        var normalised = HeaderText.Normalise(header);
        var slash = normalised.IndexOf('/', StringComparison.Ordinal);
        var english = slash >= 0 ? normalised[(slash + 1)..] : normalised;
        var chinese = slash >= 0 ? normalised[..slash] : normalised;
        return ByEnglish.GetValueOrDefault(english) ?? ByChinese.GetValueOrDefault(chinese);
    }

    /// <summary>The column a header names by its Chinese ("月收入（元）", or "月收入(元) / ..."), not its English.</summary>
    public static RecordColumn? FromChineseHeader(string header)
    {
        var normalised = HeaderText.Normalise(header);
        var slash = normalised.IndexOf('/', StringComparison.Ordinal);
        return ByChinese.GetValueOrDefault(slash >= 0 ? normalised[..slash] : normalised);
    }
}

/// <summary>
/// Header text as it is compared: the same column is typed "月收入（元）", "月收入(元)", "月收入 (元)" or "Monthly Income",
/// so width is folded (NFKC: full-width brackets, letters, digits, slash and the ideographic space become ASCII), spaces,
/// underscores, hyphens and invisible characters are dropped, and 【】〔〕[] are read as ().
/// </summary>
internal static class HeaderText
{
    public static string Normalise(string header)
    {
        string folded;
        try
        {
            folded = header.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Not well-formed UTF-16 (a lone surrogate): it names no column either way, so compare it unfolded.
            folded = header;
        }
        var text = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-' || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }
            text.Append(c switch
            {
                '[' or '【' or '〔' or '〖' => '(',
                ']' or '】' or '〕' or '〗' => ')',
                _ => c,
            });
        }
        return text.ToString();
    }
}
