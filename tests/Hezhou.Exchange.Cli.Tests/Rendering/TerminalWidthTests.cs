using Google.Protobuf.WellKnownTypes;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Pushing;
using Hezhou.Exchange.Cli.Rendering;
using Hezhou.Exchange.V1;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Hezhou.Exchange.Cli.Tests.Rendering;

/// <summary>
/// Every command's readable output at the widths terminals have: it finishes (a Spectre.Console table squeezed below
/// a Chinese character's width used to spin for ever), and it loses nothing (no value cut, no cell left as "…").
/// </summary>
public sealed class TerminalWidthTests
{
    public static TheoryData<string, int> ViewsAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var view in Views.Keys)
        {
            foreach (var width in new[] { 60, 80, 100, 160 })
            {
                data.Add(view, width);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ViewsAndWidths))]
    public async Task Render_AnyWidthFrom60_FinishesAndShowsEveryValue(string view, int width)
    {
        var (render, values) = Views[view];
        var console = new TestConsole().Width(width);

        await Task.Run(() => render(console)).WaitAsync(TimeSpan.FromSeconds(20));

        var output = console.Output;
        var compact = WithoutSpace(output);
        foreach (var value in values.Where(v => v.Length > 0))
        {
            Assert.True(compact.Contains(WithoutSpace(value), StringComparison.Ordinal),
                $"{view} at {width} columns lost '{value}':\n{output}");
        }
        Assert.DoesNotContain("…", output);
        Assert.All(console.Lines, line => Assert.True(CellWidth(line) <= width, $"{view} at {width}: a line is wider:\n{line}"));
    }

    private static readonly Dictionary<string, (Action<IAnsiConsole> Render, string[] Values)> Views = new()
    {
        ["person"] = (c => PersonView.Render(c, Person()), PersonValues()),
        ["household"] = (c => HouseholdView.Render(c, Household()), HouseholdValues()),
        ["discrepancies"] = (c => DiscrepancyView.Render(c, [Discrepancy(), Discrepancy("ZEH-451102-0002")], "疑点 / discrepancies (2)"),
            DiscrepancyValues(Discrepancy()).Append("ZEH-451102-0002").ToArray()),
        ["stats"] = (c => StatisticsView.Render(c, Statistics(), "贺州市 / Hezhou city"), StatisticsValues()),
        ["history"] = (c => HistoryView.Render(c, History(), "易地搬迁办 / relocation · 搬迁户 / household · HH-0001"), HistoryValues()),
        ["push"] = (c => PushView.Render(c, [Pushed()]), PushValues()),
        ["verify"] = (c => LedgerView.Render(c, Verification()), VerificationValues()),
    };

    private static readonly Timestamp Seen = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, 1, 6, 5, 12, TimeSpan.Zero));

    private static Discrepancy Discrepancy(string key = "ZEH-451102-0001") => new()
    {
        Key = key,
        Rule = DiscrepancyRule.ZeroEmploymentHousehold,
        Severity = Severity.Warning,
        Status = DiscrepancyStatus.Open,
        Departments = { Department.Relocation, Department.HumanResources },
        FirstSeenTime = Seen,
        ExplanationZh = "户内有劳动力且有就业意愿，但没有一人稳定就业。",
        ExplanationEn = "The household has willing labour but nobody in stable employment as of 2023-12-31.",
    };

    private static string[] DiscrepancyValues(Discrepancy d) =>
    [
        d.Key, EnumLabels.Bilingual(d.Rule), EnumLabels.Bilingual(d.Severity), EnumLabels.Bilingual(d.Status),
        "relocation, human-resources", "2024-03-01 14:05:12 +08:00", d.ExplanationZh, d.ExplanationEn,
        "疑点 / key", "说明 / explanation", "首次发现 / first seen",
    ];

    private static ReconciledPerson Person() => new()
    {
        CitizenId = "45110219700202161X",
        Name = "黄秀英",
        Gender = Gender.Female,
        BirthDate = Records.Date(1970, 2, 2),
        Ethnicity = Ethnicity.Yao,
        RelationToHead = RelationToHead.Self,
        LabourCapacity = LabourCapacity.Normal,
        WillingToWork = true,
        DisabilityCategory = DisabilityCategory.Physical,
        DisabilityGrade = 3,
        HouseholdId = "45110200100001",
        SiteCode = "451102001",
        Provenance =
        {
            new FieldProvenance
            {
                Field = "birth_date",
                Source = Department.Relocation,
                Values =
                {
                    new DepartmentValue { Department = Department.Relocation, Value = "1970-02-02", Source = new SourceVersionReference { SourceKey = "45110200100001", Version = 1 } },
                    new DepartmentValue { Department = Department.CivilAffairs, Value = "1970-02-03", Source = new SourceVersionReference { SourceKey = "CSDB00000001", Version = 2 } },
                },
            },
        },
        Employments =
        {
            new PersonEmployment
            {
                Source = new SourceVersionReference { SourceKey = "RS-EMP-00000001" },
                Employment = new Employment
                {
                    Channel = EmploymentChannel.AssistanceWorkshop,
                    EmployerName = "贺州市八步区鑫达电子帮扶车间有限公司",
                    StartDate = Records.Date(2021, 3, 1),
                    EndDate = Records.Date(2023, 12, 31),
                    MonthlyIncome = Records.Yuan(2480, 50),
                },
                Stable = true,
            },
        },
        Welfare =
        {
            new PersonWelfare
            {
                Source = new SourceVersionReference { SourceKey = "CSDB00000001" },
                Entitlement = new WelfareEntitlement
                {
                    Programme = WelfareProgramme.UrbanDibao,
                    StartDate = Records.Date(2022, 1, 1),
                    MonthlyAmount = Records.Yuan(480, 50),
                },
                PaymentCount = 24,
                PaidTotal = Records.Yuan(11532),
            },
        },
        OpenDiscrepancies = { Discrepancy() },
    };

    private static string[] PersonValues()
    {
        var person = Person();
        return
        [
            .. PersonView.Fields(person).SelectMany(f => new[] { f.Label, f.Value }),
            "birth_date", "relocation: 1970-02-02 (45110200100001 v1)", "civil-affairs: 1970-02-03 (CSDB00000001 v2)",
            "各部门的值 / each department's value", "采用 / shown from",
            "RS-EMP-00000001", EnumLabels.Bilingual(EmploymentChannel.AssistanceWorkshop), "贺州市八步区鑫达电子帮扶车间有限公司",
            "2021-03-01", "2023-12-31", "2,480.50", "月收入 / monthly income", "稳定就业 / stable",
            EnumLabels.Bilingual(WelfareProgramme.UrbanDibao), "2022-01-01", "480.50", "24", "11,532.00", "累计发放 / paid",
            .. DiscrepancyValues(Discrepancy()),
        ];
    }

    private static ReconciledHousehold Household()
    {
        var person = Person();
        var spouse = Person();
        spouse.CitizenId = "451102197203041628";
        spouse.Name = "李桂兰";
        spouse.RelationToHead = RelationToHead.Spouse;
        spouse.DeathDate = Records.Date(2023, 5, 6);
        return new ReconciledHousehold
        {
            HouseholdId = "45110200100001",
            SiteCode = "451102001",
            SiteName = "八步区城东安置区",
            CountyCode = "451102",
            Address = "贺州市八步区城东安置区 3 栋 2 单元 501",
            RelocationDate = Records.Date(2019, 6, 1),
            Members = { person, spouse },
            Provenance = { person.Provenance },
            OpenDiscrepancies = { Discrepancy() },
        };
    }

    private static string[] HouseholdValues() =>
    [
        "45110200100001", "451102001 八步区城东安置区", "贺州市八步区城东安置区 3 栋 2 单元 501", "2019-06-01",
        "45110219700202161X", "黄秀英", "451102197203041628", "李桂兰", "户主", "配偶", "女", "1970-02-02", "普通劳动力",
        "肢体残疾 3级", "2023-05-06", "劳动能力 / labour capacity", "死亡日期 / died", "身份证号码 / citizen ID",
        "relocation: 1970-02-02 (45110200100001 v1)", .. DiscrepancyValues(Discrepancy()),
    ];

    private static GetStatisticsResponse Statistics() => new()
    {
        Sites = 25,
        RelocatedPersons = 61620,
        EmploymentRate = new Rate { Numerator = 28469, Denominator = 30164, Percent = "94.38" },
        PerCapitaAnnualIncome = Records.Yuan(14052, 35),
        AsOfDate = Records.Date(2023, 12, 31),
        EmployedByChannel = { new ChannelCount { Channel = EmploymentChannel.GuangdongGuangxiCooperation, Persons = 12000 } },
        OpenDiscrepanciesByRule = { new RuleCount { Rule = DiscrepancyRule.ZeroEmploymentHousehold, Count = 7 } },
    };

    private static string[] StatisticsValues() =>
    [
        .. Indicators.All.SelectMany(i => new[] { $"{i.Chinese} / {i.English}", i.Value(Statistics()) }),
        EnumLabels.Bilingual(EmploymentChannel.GuangdongGuangxiCooperation), "12,000",
        EnumLabels.Bilingual(DiscrepancyRule.ZeroEmploymentHousehold), "2023-12-31",
    ];

    private static GetRecordHistoryResponse History() => new()
    {
        Versions =
        {
            new SourceVersion
            {
                Reference = new SourceVersionReference { Version = 1 },
                Principal = "relocation-office",
                BatchId = "5e59a1c2d3e4f5a6-000000000",
                ReceiveTime = Seen,
                ContentDigest = "5e59a1c2d3e4f5a6b7c8d9e0",
                Record = Records.Household(),
            },
        },
    };

    private static string[] HistoryValues() =>
    [
        "relocation-office", "5e59a1c2d3e4f5a6-000000000", "2024-03-01 14:05:12 +08:00", "5e59a1c2d3e4",
        new Google.Protobuf.JsonFormatter(Google.Protobuf.JsonFormatter.Settings.Default).Format(Records.Household()),
        "接收时间 / received", "内容 / content",
    ];

    private static PushReport Pushed()
    {
        var report = new PushReport("relocation.csv");
        var batch = new Batch
        {
            BatchId = "5e59a1c2d3e4f5a6-000000000",
            RecordCount = 3,
            AcceptedCount = 2,
            RejectedCount = 1,
            Results =
            {
                new RecordResult
                {
                    Index = 2,
                    SourceKey = "HH-0002",
                    Outcome = RecordOutcome.Rejected,
                    Violations =
                    {
                        new Google.Rpc.BadRequest.Types.FieldViolation
                        {
                            Field = "household.members[0].citizen_id",
                            Reason = "CITIZEN_ID_CHECK_CHARACTER",
                            Description = "the check character does not match the first 17 digits (GB 11643-1999)",
                        },
                    },
                },
            },
        };
        var site = new LocatedRecord(Records.Site(), 2);
        report.Add(batch, skipped: false, firstIndex: 0, [site, new LocatedRecord(Records.Household(), 3), new LocatedRecord(Records.Household("HH-0002"), 5)]);
        return report;
    }

    private static string[] PushValues() =>
    [
        "relocation.csv", "已发送批次 / batches sent", "已存在批次 / already stored", "已拒绝 / rejected",
        "HH-0002", "row 5", "household.members[0].citizen_id", "CITIZEN_ID_CHECK_CHARACTER",
        "the check character does not match the first 17 digits (GB 11643-1999)", "说明 / description",
    ];

    private static VerifyLedgerResponse Verification() => new()
    {
        VerifyTime = Seen,
        Chains =
        {
            new ChainVerification
            {
                Chain = LedgerChain.SourceVersions, Table = "SourceVersions", RowsChecked = 218424, Intact = true,
                HeadSequence = 218424, HeadHash = "5e59a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0",
            },
            new ChainVerification
            {
                Chain = LedgerChain.AccessLog, Table = "AccessLog", RowsChecked = 12, Intact = false, BreakCount = 1,
                HeadSequence = 12, HeadHash = "0a9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e3d2c1b",
                FirstBreak = new LedgerBreak
                {
                    Kind = LedgerBreakKind.ContentAltered, Table = "AccessLog", RowId = 7, Sequence = 7,
                    ExpectedHash = "1111111111111111111111111111111111111111111111111111111111111111",
                    StoredHash = "2222222222222222222222222222222222222222222222222222222222222222",
                    Description = "row 7's content does not hash to its stored hash",
                },
            },
        },
    };

    private static string[] VerificationValues() =>
    [
        "218,424", "5e59a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0",
        "0a9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e3d2c1b", "已破坏 / broken (1)",
        "1111111111111111111111111111111111111111111111111111111111111111",
        "2222222222222222222222222222222222222222222222222222222222222222",
        "row 7's content does not hash to its stored hash", "链头哈希 / head hash", "2024-03-01 14:05:12 +08:00",
    ];

    private static string WithoutSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    // Chinese characters and full-width punctuation take two cells; the box drawing and the rest, one.
    private static int CellWidth(string line) => line.Sum(c => c is >= '\u1100' and (<= '\u115f' or >= '\u2e80') and <= '\uffdc' and not (>= '\ud800' and <= '\udfff') ? 2 : 1);
}
