using Hezhou.Exchange.Domain.Identity;
using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

/// <summary>Household members for reconciliation tests, each with a valid citizen ID.</summary>
internal static class People
{
    // Check characters verified by hand (see CitizenIdTests).
    public const string HeadId = "451102198503121234";
    public const string SpouseId = "45112319870523102X";

    /// <summary>A boy born 2009-06-01: he turns 16 on 2025-06-01.</summary>
    public static readonly string ChildId = IdFor("45110220090601001");

    /// <summary>A woman born 1950-02-14, the head's mother.</summary>
    public static readonly string ElderId = IdFor("45112119500214002");

    public static string IdFor(string first17) => first17 + CitizenId.ComputeCheckCharacter(first17);

    public static MemberFact Head() => new(
        HeadId,
        "黄志强",
        Gender.Male,
        new DateOnly(1985, 3, 12),
        Ethnicity.Yao,
        RelationToHead.Self,
        LabourCapacity.Normal,
        WillingToWork: true,
        InSchool: false,
        DisabilityCategory.None,
        DisabilityGrade: 0,
        DeathDate: null);

    public static MemberFact Spouse() => Head() with
    {
        CitizenId = SpouseId,
        Name = "李秀英",
        Gender = Gender.Female,
        BirthDate = new DateOnly(1987, 5, 23),
        RelationToHead = RelationToHead.Spouse,
        WillingToWork = false,
    };

    public static MemberFact Child() => Head() with
    {
        CitizenId = ChildId,
        Name = "黄小明",
        BirthDate = new DateOnly(2009, 6, 1),
        RelationToHead = RelationToHead.Child,
        LabourCapacity = LabourCapacity.None,
        WillingToWork = false,
        InSchool = true,
    };

    public static MemberFact Elder() => Head() with
    {
        CitizenId = ElderId,
        Name = "赵桂兰",
        Gender = Gender.Female,
        BirthDate = new DateOnly(1950, 2, 14),
        RelationToHead = RelationToHead.Parent,
        LabourCapacity = LabourCapacity.Lost,
        WillingToWork = false,
    };
}
