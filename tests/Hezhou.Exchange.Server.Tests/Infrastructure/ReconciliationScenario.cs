using Google.Type;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>
/// Three departments' records about three households and one stranger, crafted so that every rule of DESIGN section 6
/// fires exactly once (as of <see cref="FixedClock.MidYear2024"/>), with the correction that resolves each.
/// </summary>
public static class ReconciliationScenario
{
    // 城东 (urban, 八步区): household HH-A. 石门 (rural, 富川): households HH-B and HH-C.
    public static readonly string A1 = Records.CitizenId(1980, 5, 12, 11);          // head, employed at 5,000/month
    public static readonly string A2 = Records.CitizenId(1982, 11, 3, 22);          // spouse: dibao; also listed by HH-C
    public static readonly string A3 = Records.CitizenId(2010, 2, 14, 33);          // child at school, employed at 13
    public static readonly string B1 = Records.CitizenId(1950, 1, 20, 41, "451123"); // head, died 2023-03-01
    public static readonly string B2 = Records.CitizenId(1955, 7, 7, 42, "451123");  // spouse, willing, no job
    public static readonly string C1 = Records.CitizenId(1990, 10, 10, 51, "451123");
    public static readonly string X = Records.CitizenId(1992, 3, 3, 61, "451121");  // in no household

    public static IReadOnlyList<SubmissionRecord> Relocation =>
    [
        Site("S-U", "城东安置区", "451102", SiteKind.Urban),
        Site("S-R", "石门安置区", "451123", SiteKind.Rural),
        Household("HH-A", "S-U",
            Member(A1, "盘金福", Gender.Male, 1980, 5, 12, RelationToHead.Self, LabourCapacity.Normal, willing: true),
            Member(A2, "赵秀英", Gender.Female, 1982, 11, 3, RelationToHead.Spouse, LabourCapacity.Normal, willing: false),
            Member(A3, "盘小龙", Gender.Male, 2010, 2, 14, RelationToHead.Child, LabourCapacity.None, willing: false, inSchool: true)),
        Household("HH-B", "S-R",
            Member(B1, "李老四", Gender.Male, 1950, 1, 20, RelationToHead.Self, LabourCapacity.Lost, willing: false, death: Records.Date(2023, 3, 1)),
            Member(B2, "邓桂兰", Gender.Female, 1955, 7, 7, RelationToHead.Spouse, LabourCapacity.Weak, willing: true)),
        Household("HH-C", "S-R",
            Member(C1, "黄志强", Gender.Male, 1990, 10, 10, RelationToHead.Self, LabourCapacity.Normal, willing: true),
            Member(A2, "赵秀英", Gender.Female, 1982, 11, 3, RelationToHead.Spouse, LabourCapacity.Normal, willing: false)),
    ];

    public static IReadOnlyList<SubmissionRecord> HumanResources =>
    [
        Employment("E-A1", A1, "盘 金福", EmploymentChannel.AssistanceWorkshop, Records.Date(2022, 3, 1), 5000),
        Employment("E-A3", A3, "盘小龙", EmploymentChannel.Flexible, Records.Date(2024, 1, 1), 300),
        Employment("E-C1", C1, "黄志强", EmploymentChannel.LabourExport, Records.Date(2021, 1, 1), 700),
        Employment("E-X", X, "陌生人", EmploymentChannel.IndustryDriven, Records.Date(2023, 5, 1), 3000),
    ];

    public static IReadOnlyList<SubmissionRecord> CivilAffairs =>
    [
        Entitlement("D-A2-U", A2, "赵秀英", WelfareProgramme.UrbanDibao, Records.Date(2021, 1, 1), null, 480),
        Entitlement("D-A2-R", A2, "赵秀瑛", WelfareProgramme.RuralDibao, Records.Date(2023, 1, 1), Records.Date(2023, 12, 31), 300),
        Entitlement("D-B1", B1, "李老四", WelfareProgramme.RuralDibao, Records.Date(2020, 1, 1), null, 300),
        Payment("P-B1-2303", "D-B1", B1, "李老四", WelfareProgramme.RuralDibao, 2023, 3, 300),
        Payment("P-B1-2304", "D-B1", B1, "李老四", WelfareProgramme.RuralDibao, 2023, 4, 300),
        Entitlement("T-B2", B2, "邓桂兰", WelfareProgramme.RuralTekun, Records.Date(2022, 1, 1), null, 500),
        Entitlement("D-B2", B2, "邓桂兰", WelfareProgramme.RuralDibao, Records.Date(2021, 6, 1), Records.Date(2022, 6, 30), 300),
    ];

    /// <summary>The key each rule's discrepancy has in this scenario (citizen IDs unmasked).</summary>
    public static IReadOnlyDictionary<DiscrepancyRule, string> ExpectedKeys => new Dictionary<DiscrepancyRule, string>
    {
        [DiscrepancyRule.IdentityMismatch] = $"identity-mismatch/{A2}/",
        [DiscrepancyRule.DuplicateMembership] = $"duplicate-membership/{A2}/",
        [DiscrepancyRule.BenefitAfterDeath] = $"benefit-after-death/{B1}/2023-03-01..",
        [DiscrepancyRule.UrbanAndRuralDibao] = $"urban-and-rural-dibao/{A2}/2023-01-01..2023-12-31",
        [DiscrepancyRule.DibaoWithTekun] = $"dibao-with-tekun/{B2}/2022-01-01..2022-06-30",
        [DiscrepancyRule.RuralBenefitAtUrbanSite] = $"rural-benefit-at-urban-site/{A2}/2023-01-01..2023-12-31",
        [DiscrepancyRule.IncomeAboveDibaoLine] = "income-above-dibao-line/HH-A/2022-03-01..",
        [DiscrepancyRule.ZeroEmploymentHousehold] = "zero-employment-household/HH-B/",
        [DiscrepancyRule.EmploymentWithoutCapacity] = $"employment-without-capacity/{A3}/2024-01-01..",
        [DiscrepancyRule.UnknownPerson] = $"unknown-person/{X}/",
    };

    /// <summary>For each rule, the department and the records that correct its case (and nothing else's).</summary>
    public static (string ApiKey, SubmissionRecord[] Records) Correction(DiscrepancyRule rule) => rule switch
    {
        DiscrepancyRule.IdentityMismatch => (DevelopmentKeys.CivilAffairs,
            [Entitlement("D-A2-R", A2, "赵秀英", WelfareProgramme.RuralDibao, Records.Date(2023, 1, 1), Records.Date(2023, 12, 31), 300)]),
        DiscrepancyRule.DuplicateMembership => (DevelopmentKeys.Relocation,
            [Household("HH-C", "S-R", Member(C1, "黄志强", Gender.Male, 1990, 10, 10, RelationToHead.Self, LabourCapacity.Normal, willing: true))]),
        DiscrepancyRule.BenefitAfterDeath => (DevelopmentKeys.CivilAffairs, [Records.Withdrawal("P-B1-2304", RecordKind.WelfarePayment)]),
        DiscrepancyRule.UrbanAndRuralDibao => (DevelopmentKeys.CivilAffairs, [Records.Withdrawal("D-A2-R", RecordKind.WelfareEntitlement)]),
        DiscrepancyRule.DibaoWithTekun => (DevelopmentKeys.CivilAffairs,
            [Entitlement("D-B2", B2, "邓桂兰", WelfareProgramme.RuralDibao, Records.Date(2021, 6, 1), Records.Date(2021, 12, 31), 300)]),
        DiscrepancyRule.RuralBenefitAtUrbanSite => (DevelopmentKeys.Relocation, [Site("S-U", "城东安置区", "451102", SiteKind.Rural)]),
        DiscrepancyRule.IncomeAboveDibaoLine => (DevelopmentKeys.HumanResources,
            [Employment("E-A1", A1, "盘 金福", EmploymentChannel.AssistanceWorkshop, Records.Date(2022, 3, 1), 1000)]),
        DiscrepancyRule.ZeroEmploymentHousehold => (DevelopmentKeys.HumanResources,
            [Employment("E-B2", B2, "邓桂兰", EmploymentChannel.PublicWelfarePost, Records.Date(2023, 1, 1), 300)]),
        DiscrepancyRule.EmploymentWithoutCapacity => (DevelopmentKeys.HumanResources, [Records.Withdrawal("E-A3", RecordKind.Employment)]),
        DiscrepancyRule.UnknownPerson => (DevelopmentKeys.Relocation,
            [Household("HH-D", "S-R", Member(X, "陌生人", Gender.Male, 1992, 3, 3, RelationToHead.Self, LabourCapacity.Normal, willing: true))]),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private static SubmissionRecord Site(string code, string name, string county, SiteKind kind) => new()
    {
        SourceKey = code,
        Site = new Site { Name = name, CountyCode = county, Kind = kind, OpenDate = Records.Date(2019, 6, 1) },
    };

    private static SubmissionRecord Household(string id, string site, params Member[] members)
    {
        var household = new V1.Household { SiteCode = site, Address = "1栋101", RelocationDate = Records.Date(2019, 9, 1) };
        household.Members.Add(members);
        return new SubmissionRecord { SourceKey = id, Household = household };
    }

    private static Member Member(
        string citizenId, string name, Gender gender, int year, int month, int day, RelationToHead relation,
        LabourCapacity capacity, bool willing, bool inSchool = false, Date? death = null)
    {
        var member = Records.Member(citizenId, name, gender, Records.Date(year, month, day), relation);
        member.LabourCapacity = capacity;
        member.WillingToWork = willing;
        member.InSchool = inSchool;
        if (death is not null)
        {
            member.DeathDate = death;
        }
        return member;
    }

    private static SubmissionRecord Employment(
        string key, string citizenId, string name, EmploymentChannel channel, Date start, long monthlyYuan)
    {
        var employment = new V1.Employment
        {
            Person = new PersonReference { CitizenId = citizenId, Name = name },
            Channel = channel,
            EmployerName = "贺州市某用人单位",
            Location = WorkLocation.InCounty,
            StartDate = start,
            MonthlyIncome = Records.Yuan(monthlyYuan),
        };
        if (channel is not (EmploymentChannel.Flexible or EmploymentChannel.SelfEmployment))
        {
            employment.EmployerCreditCode = Records.CreditCode(7);
        }
        return new SubmissionRecord { SourceKey = key, Employment = employment };
    }

    private static SubmissionRecord Entitlement(
        string key, string citizenId, string name, WelfareProgramme programme, Date start, Date? end, long monthlyYuan)
    {
        var entitlement = new WelfareEntitlement
        {
            Person = new PersonReference { CitizenId = citizenId, Name = name },
            Programme = programme,
            StartDate = start,
            MonthlyAmount = Records.Yuan(monthlyYuan),
        };
        if (end is not null)
        {
            entitlement.EndDate = end;
        }
        return new SubmissionRecord { SourceKey = key, WelfareEntitlement = entitlement };
    }

    private static SubmissionRecord Payment(
        string key, string entitlement, string citizenId, string name, WelfareProgramme programme, int year, int month, long yuan) => new()
        {
            SourceKey = key,
            WelfarePayment = new WelfarePayment
            {
                EntitlementKey = entitlement,
                Person = new PersonReference { CitizenId = citizenId, Name = name },
                Programme = programme,
                Month = Records.Date(year, month, 0),
                Amount = Records.Yuan(yuan),
            },
        };
}
