using Google.Type;
using Hezhou.Exchange.Domain.Identity;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Testing;

/// <summary>Valid records as each department would send them; tests change one field to break one rule.</summary>
public static class Records
{
    /// <summary>A valid citizen ID of a person born in 八步区 on the given day; odd sequence = male.</summary>
    public static string CitizenId(int year, int month, int day, int sequence, string region = "451102")
    {
        var first17 = $"{region}{year:D4}{month:D2}{day:D2}{sequence:D3}";
        return first17 + Domain.Identity.CitizenId.ComputeCheckCharacter(first17);
    }

    /// <summary>A valid unified social credit code for a company registered in Hezhou.</summary>
    public static string CreditCode(int serial)
    {
        var first17 = $"91451100{serial:D8}X";
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    public static Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Money Yuan(long units, int fen = 0) => new() { CurrencyCode = "CNY", Units = units, Nanos = fen * 10_000_000 };

    public static SubmissionRecord Site(string code = "HZ-S01") => new()
    {
        SourceKey = code,
        Site = new Site
        {
            Name = "八步区城东安置区",
            CountyCode = "451102",
            Kind = SiteKind.Urban,
            Dwellings = 400,
            OpenDate = Date(2019, 6, 1),
        },
    };

    public static Member Member(string citizenId, string name, Gender gender, Date birthDate, RelationToHead relation) => new()
    {
        CitizenId = citizenId,
        Name = name,
        Gender = gender,
        BirthDate = birthDate,
        Ethnicity = Ethnicity.Yao,
        RelationToHead = relation,
        LabourCapacity = LabourCapacity.Normal,
        WillingToWork = true,
        InSchool = false,
        DisabilityCategory = DisabilityCategory.None,
        DisabilityGrade = 0,
    };

    /// <summary>A household of two: a head born 1980-05-12 (sequence <paramref name="seed"/>×2+1) and a spouse.</summary>
    public static SubmissionRecord Household(string householdId = "HH-0001", int seed = 0)
    {
        var household = new V1.Household
        {
            SiteCode = "HZ-S01",
            Address = "3栋2单元501",
            RelocationDate = Date(2019, 9, 1),
        };
        household.Members.Add(Member(HeadId(seed), "盘金福", Gender.Male, Date(1980, 5, 12), RelationToHead.Self));
        household.Members.Add(Member(SpouseId(seed), "赵秀英", Gender.Female, Date(1982, 11, 3), RelationToHead.Spouse));
        return new SubmissionRecord { SourceKey = householdId, Household = household };
    }

    public static string HeadId(int seed = 0) => CitizenId(1980, 5, 12, (seed * 2 + 1) % 1000);

    public static string SpouseId(int seed = 0) => CitizenId(1982, 11, 3, (seed * 2 + 2) % 1000);

    public static SubmissionRecord Employment(string key = "EMP-0001", string? citizenId = null) => new()
    {
        SourceKey = key,
        Employment = new V1.Employment
        {
            Person = new PersonReference { CitizenId = citizenId ?? HeadId(), Name = "盘金福" },
            Channel = EmploymentChannel.AssistanceWorkshop,
            EmployerName = "贺州市八步区帮扶车间",
            EmployerCreditCode = CreditCode(1),
            Location = WorkLocation.InCounty,
            StartDate = Date(2022, 3, 1),
            MonthlyIncome = Yuan(2600),
        },
    };

    public static SubmissionRecord JobVacancy(string key = "VAC-0001") => new()
    {
        SourceKey = key,
        JobVacancy = new V1.JobVacancy
        {
            EmployerName = "广东佛山某电子厂",
            EmployerCreditCode = CreditCode(2),
            Title = "装配工",
            Positions = 30,
            Location = WorkLocation.OutOfProvince,
            MonthlyWage = Yuan(4500),
            PostedDate = Date(2023, 2, 1),
        },
    };

    public static SubmissionRecord WelfareEntitlement(string key = "ENT-0001", string? citizenId = null) => new()
    {
        SourceKey = key,
        WelfareEntitlement = new V1.WelfareEntitlement
        {
            Person = new PersonReference { CitizenId = citizenId ?? SpouseId(), Name = "赵秀英" },
            Programme = WelfareProgramme.UrbanDibao,
            StartDate = Date(2021, 1, 1),
            MonthlyAmount = Yuan(480, 50),
        },
    };

    public static SubmissionRecord WelfarePayment(string key = "PAY-0001", string? citizenId = null) => new()
    {
        SourceKey = key,
        WelfarePayment = new V1.WelfarePayment
        {
            EntitlementKey = "ENT-0001",
            Person = new PersonReference { CitizenId = citizenId ?? SpouseId(), Name = "赵秀英" },
            Programme = WelfareProgramme.UrbanDibao,
            Month = Date(2023, 12, 0),
            Amount = Yuan(480, 50),
        },
    };

    public static SubmissionRecord Withdrawal(string key, RecordKind kind) => new()
    {
        SourceKey = key,
        Withdrawal = new V1.Withdrawal { Kind = kind, Reason = "entered twice" },
    };

    public static SubmitBatchRequest Batch(string batchId, params SubmissionRecord[] records)
    {
        var request = new SubmitBatchRequest { BatchId = batchId };
        request.Records.Add(records);
        return request;
    }
}
