using Hezhou.Exchange.Domain.Identity;
using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

/// <summary>Valid records of every kind, for tests to break one field at a time with <c>with</c>.</summary>
internal static class Samples
{
    public static readonly DateOnly ReferenceDate = new(2025, 6, 30);

    // Check characters verified by hand (see CitizenIdTests).
    public const string HeadCitizenId = "451102198503121234";
    public const string SpouseCitizenId = "45112319870523102X";

    // Tencent's code, verified by hand (see UnifiedSocialCreditCodeTests).
    public const string CreditCode = "9144030071526726XG";

    public static string CitizenIdFor(string first17) => first17 + CitizenId.ComputeCheckCharacter(first17);

    public static MoneyAmount Yuan(long units, int nanos = 0) => new("CNY", units, nanos);

    public static SubmittedRecord Record(RecordContent? content) => new("HZ-451102-000123", content);

    public static MemberRecord Head() => new(
        HeadCitizenId,
        "黄志强",
        Gender.Male,
        new CalendarDate(1985, 3, 12),
        Ethnicity.Yao,
        RelationToHead.Self,
        LabourCapacity.Normal,
        WillingToWork: true,
        InSchool: false,
        DisabilityCategory.None,
        DisabilityGrade: 0,
        DeathDate: null);

    public static MemberRecord Spouse() => Head() with
    {
        CitizenId = SpouseCitizenId,
        Name = "李秀英",
        Gender = Gender.Female,
        BirthDate = new CalendarDate(1987, 5, 23),
        RelationToHead = RelationToHead.Spouse,
    };

    /// <summary>A child born 2010-01-01 with sequence number <paramref name="sequence"/> (0-999).</summary>
    public static MemberRecord Child(int sequence) => Head() with
    {
        CitizenId = CitizenIdFor($"45110220100101{sequence:D3}"),
        Name = $"黄{sequence}",
        Gender = sequence % 2 == 1 ? Gender.Male : Gender.Female,
        BirthDate = new CalendarDate(2010, 1, 1),
        RelationToHead = RelationToHead.Child,
        LabourCapacity = LabourCapacity.None,
        WillingToWork = false,
        InSchool = true,
    };

    public static HouseholdRecord Household(params MemberRecord[] members) =>
        new("HZ-SITE-01", "3栋2单元501", new CalendarDate(2019, 12, 20), members);

    public static HouseholdRecord Household() => Household(Head(), Spouse(), Child(1));

    public static PersonReference Person() => new(HeadCitizenId, "黄志强", Gender.Male, new CalendarDate(1985, 3, 12));

    public static EmploymentRecord Employment() => new(
        Person(),
        EmploymentChannel.AssistanceWorkshop,
        "贺州市八步区帮扶车间有限公司",
        CreditCode,
        WorkLocation.InCounty,
        "广西贺州市八步区",
        StartDate: new CalendarDate(2023, 3, 1),
        EndDate: null,
        MonthlyIncome: Yuan(3200));

    public static JobVacancyRecord JobVacancy() => new(
        "佛山市顺德区某电器有限公司",
        CreditCode,
        "装配工",
        Positions: 40,
        WorkLocation.OutOfProvince,
        "广东省佛山市顺德区",
        MonthlyWage: Yuan(4500),
        PostedDate: new CalendarDate(2025, 6, 1),
        ClosingDate: new CalendarDate(2025, 7, 31),
        SiteCode: "HZ-SITE-01");

    public static WelfareEntitlementRecord WelfareEntitlement() => new(
        Person(),
        WelfareProgramme.UrbanDibao,
        StartDate: new CalendarDate(2021, 1, 1),
        EndDate: null,
        MonthlyAmount: Yuan(520, 500_000_000));

    public static WelfarePaymentRecord WelfarePayment() => new(
        "MZ-DB-2021-0001",
        Person(),
        WelfareProgramme.UrbanDibao,
        Month: new CalendarDate(2025, 5, 0),
        Amount: Yuan(520, 500_000_000),
        PaidDate: new CalendarDate(2025, 5, 10));

    public static SiteRecord Site() => new("八步区江北安置区", "451102", SiteKind.Urban, 1200, new CalendarDate(2019, 10, 1));

    public static Withdrawal Withdrawal() => new(RecordKind.Household, "entered twice");
}
