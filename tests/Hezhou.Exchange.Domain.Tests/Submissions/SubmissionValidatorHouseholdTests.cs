using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

public class SubmissionValidatorHouseholdTests
{
    [Fact]
    public void Validate_HouseholdOfOneHead_IsAccepted()
    {
        Expect.Valid(Samples.Household(Samples.Head()));
    }

    [Fact]
    public void Validate_HouseholdOf50Members_IsAccepted()
    {
        var members = Enumerable.Range(1, 49).Select(Samples.Child).Prepend(Samples.Head()).ToArray();

        Expect.Valid(Samples.Household(members));
    }

    [Fact]
    public void Validate_HouseholdWithoutMembers_ReportsMembersCount()
    {
        Expect.Violations(Samples.Household([]), ("household.members", "MEMBERS_COUNT"));
    }

    [Fact]
    public void Validate_HouseholdOf51Members_ReportsMembersCountOnly()
    {
        var members = Enumerable.Range(1, 50).Select(Samples.Child).Prepend(Samples.Head()).ToArray();

        Expect.Violations(Samples.Household(members), ("household.members", "MEMBERS_COUNT"));
    }

    [Fact]
    public void Validate_HouseholdOf100000BrokenMembers_ReportsMembersCountWithoutCheckingMembers()
    {
        var broken = Samples.Head() with { CitizenId = "bad", Name = "" };
        var members = Enumerable.Repeat(broken, 100_000).ToArray();

        Expect.Violations(Samples.Household(members), ("household.members", "MEMBERS_COUNT"));
    }

    [Fact]
    public void Validate_HouseholdWithTwoHeads_ReportsHeadCount()
    {
        var household = Samples.Household(Samples.Head(), Samples.Spouse() with { RelationToHead = RelationToHead.Self });

        Expect.Violations(household, ("household.members", "HEAD_COUNT"));
    }

    [Fact]
    public void Validate_HouseholdWithoutHead_ReportsHeadCount()
    {
        var household = Samples.Household(Samples.Spouse(), Samples.Child(1));

        Expect.Violations(household, ("household.members", "HEAD_COUNT"));
    }

    [Fact]
    public void Validate_SameCitizenIdTwice_ReportsDuplicateOnTheSecondOccurrence()
    {
        var household = Samples.Household(Samples.Head(), Samples.Child(1), Samples.Child(1) with { Name = "黄二" });

        Expect.Violations(household, ("household.members[2].citizen_id", "DUPLICATE_MEMBER"));
    }

    [Fact]
    public void Validate_HouseholdWithoutSiteCode_ReportsSourceKeyRequired()
    {
        Expect.Violations(Samples.Household() with { SiteCode = "" }, ("household.site_code", "SOURCE_KEY_REQUIRED"));
    }

    [Fact]
    public void Validate_SiteCodeWithSpace_ReportsSourceKeyCharacters()
    {
        Expect.Violations(Samples.Household() with { SiteCode = "HZ SITE" }, ("household.site_code", "SOURCE_KEY_CHARACTERS"));
    }

    [Fact]
    public void Validate_HouseholdWithoutRelocationDate_ReportsDateRequired()
    {
        Expect.Violations(Samples.Household() with { RelocationDate = null }, ("household.relocation_date", "DATE_REQUIRED"));
    }

    [Fact]
    public void Validate_RelocationAfterReferenceDate_ReportsDateInFuture()
    {
        var household = Samples.Household() with { RelocationDate = new CalendarDate(2025, 7, 1) };

        Expect.Violations(household, ("household.relocation_date", "DATE_IN_FUTURE"));
    }

    [Theory]
    [InlineData(200, false)]
    [InlineData(201, true)]
    public void Validate_AddressLength_IsBoundedAt200(int length, bool rejected)
    {
        var household = Samples.Household() with { Address = new string('栋', length) };

        if (rejected)
        {
            Expect.Violations(household, ("household.address", "TEXT_LENGTH"));
        }
        else
        {
            Expect.Valid(household);
        }
    }

    [Fact]
    public void Validate_MemberWithWrongCheckCharacter_ReportsItOnTheMembersPath()
    {
        var household = Samples.Household(Samples.Head(), Samples.Spouse(), Samples.Child(1) with { CitizenId = "451102201001010011" });

        Expect.Violations(household, ("household.members[2].citizen_id", "CITIZEN_ID_CHECK_CHARACTER"));
    }

    [Fact]
    public void Validate_MemberWithoutCitizenId_ReportsCitizenIdRequired()
    {
        var household = Samples.Household(Samples.Head() with { CitizenId = "" });

        Expect.Violations(household, ("household.members[0].citizen_id", "CITIZEN_ID_REQUIRED"));
    }

    [Fact]
    public void Validate_MemberGenderAgainstSequenceDigit_ReportsGenderMismatch()
    {
        var household = Samples.Household(Samples.Head() with { Gender = Gender.Female });

        Expect.Violations(household, ("household.members[0].gender", "GENDER_MISMATCH_CITIZEN_ID"));
    }

    [Theory]
    [InlineData(Gender.Unspecified, "ENUM_REQUIRED")]
    [InlineData((Gender)3, "ENUM_UNKNOWN")]
    public void Validate_MemberGenderMissingOrUndefined_ReportsEnumRule(Gender gender, string rule)
    {
        var household = Samples.Household(Samples.Head() with { Gender = gender });

        Expect.Violations(household, ("household.members[0].gender", rule));
    }

    [Fact]
    public void Validate_MemberBirthDateOtherThanCitizenIds_ReportsBirthDateMismatch()
    {
        var household = Samples.Household(Samples.Head() with { BirthDate = new CalendarDate(1985, 3, 13) });

        Expect.Violations(household, ("household.members[0].birth_date", "BIRTH_DATE_MISMATCH_CITIZEN_ID"));
    }

    [Fact]
    public void Validate_MemberWithoutBirthDate_ReportsDateRequired()
    {
        var household = Samples.Household(Samples.Head() with { BirthDate = null });

        Expect.Violations(household, ("household.members[0].birth_date", "DATE_REQUIRED"));
    }

    [Fact]
    public void Validate_MemberBornOn29FebruaryOfANonLeapYear_ReportsDateInvalid()
    {
        var household = Samples.Household(Samples.Head() with { BirthDate = new CalendarDate(1985, 2, 29) });

        Expect.Violations(household, ("household.members[0].birth_date", "DATE_INVALID"));
    }

    [Fact]
    public void Validate_MemberBornOn29February2000_IsAccepted()
    {
        var member = Samples.Head() with
        {
            CitizenId = Samples.CitizenIdFor("45110220000229011"),
            BirthDate = new CalendarDate(2000, 2, 29),
        };

        Expect.Valid(Samples.Household(member));
    }

    [Theory]
    [InlineData("ethnicity")]
    [InlineData("relation_to_head")]
    [InlineData("labour_capacity")]
    [InlineData("disability_category")]
    public void Validate_MemberEnumUnspecified_ReportsEnumRequired(string field)
    {
        var household = Samples.Household(Samples.Head(), SpouseWithEnum(field, 0));

        Expect.Violations(household, ($"household.members[1].{field}", "ENUM_REQUIRED"));
    }

    [Theory]
    [InlineData("ethnicity")]
    [InlineData("relation_to_head")]
    [InlineData("labour_capacity")]
    [InlineData("disability_category")]
    public void Validate_MemberEnumOutsideTheContract_ReportsEnumUnknown(string field)
    {
        var household = Samples.Household(Samples.Head(), SpouseWithEnum(field, 99));

        Expect.Violations(household, ($"household.members[1].{field}", "ENUM_UNKNOWN"));
    }

    [Theory]
    [InlineData(DisabilityCategory.None, 0)]
    [InlineData(DisabilityCategory.Physical, 1)]
    [InlineData(DisabilityCategory.Visual, 4)]
    [InlineData(DisabilityCategory.Multiple, 2)]
    public void Validate_DisabilityGradeFittingCategory_IsAccepted(DisabilityCategory category, int grade)
    {
        var household = Samples.Household(Samples.Head() with { DisabilityCategory = category, DisabilityGrade = grade });

        Expect.Valid(household);
    }

    [Theory]
    [InlineData(DisabilityCategory.None, 1)]
    [InlineData(DisabilityCategory.None, -1)]
    [InlineData(DisabilityCategory.Physical, 0)]
    [InlineData(DisabilityCategory.Physical, 5)]
    [InlineData(DisabilityCategory.Mental, -2)]
    public void Validate_DisabilityGradeNotFittingCategory_ReportsDisabilityGrade(DisabilityCategory category, int grade)
    {
        var household = Samples.Household(Samples.Head() with { DisabilityCategory = category, DisabilityGrade = grade });

        Expect.Violations(household, ("household.members[0].disability_grade", "DISABILITY_GRADE"));
    }

    [Theory]
    [InlineData(1987, 5, 23)]
    [InlineData(2024, 11, 3)]
    [InlineData(2025, 6, 30)]
    public void Validate_DeathBetweenBirthAndReferenceDate_IsAccepted(int year, int month, int day)
    {
        var household = Samples.Household(Samples.Head(), Samples.Spouse() with { DeathDate = new CalendarDate(year, month, day) });

        Expect.Valid(household);
    }

    [Fact]
    public void Validate_DeathBeforeBirth_ReportsDeathBeforeBirth()
    {
        var household = Samples.Household(Samples.Head() with { DeathDate = new CalendarDate(1985, 3, 11) });

        Expect.Violations(household, ("household.members[0].death_date", "DEATH_BEFORE_BIRTH"));
    }

    [Fact]
    public void Validate_DeathAfterReferenceDate_ReportsDateInFuture()
    {
        var household = Samples.Household(Samples.Head() with { DeathDate = new CalendarDate(2025, 7, 1) });

        Expect.Violations(household, ("household.members[0].death_date", "DATE_IN_FUTURE"));
    }

    private static MemberRecord SpouseWithEnum(string field, int value) => field switch
    {
        "ethnicity" => Samples.Spouse() with { Ethnicity = (Ethnicity)value },
        "relation_to_head" => Samples.Spouse() with { RelationToHead = (RelationToHead)value },
        "labour_capacity" => Samples.Spouse() with { LabourCapacity = (LabourCapacity)value },
        "disability_category" => Samples.Spouse() with { DisabilityCategory = (DisabilityCategory)value },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
