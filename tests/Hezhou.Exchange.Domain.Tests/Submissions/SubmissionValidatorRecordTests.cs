using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

public class SubmissionValidatorRecordTests
{
    public static TheoryData<string> Kinds =>
        ["site", "household", "employment", "job_vacancy", "welfare_entitlement", "welfare_payment", "withdrawal"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Validate_ValidSampleOfEachKind_ReportsNothing(string kind)
    {
        RecordContent content = kind switch
        {
            "site" => Samples.Site(),
            "household" => Samples.Household(),
            "employment" => Samples.Employment(),
            "job_vacancy" => Samples.JobVacancy(),
            "welfare_entitlement" => Samples.WelfareEntitlement(),
            "welfare_payment" => Samples.WelfarePayment(),
            _ => Samples.Withdrawal(),
        };

        Expect.Valid(content);
    }

    [Fact]
    public void Validate_NoContent_ReportsContentRequired()
    {
        Expect.Violations(content: null, ("content", "CONTENT_REQUIRED"));
    }

    [Fact]
    public void Validate_NoSourceKeyAndNoContent_ReportsBothInFieldOrder()
    {
        Expect.Violations(new SubmittedRecord("", null), ("source_key", "SOURCE_KEY_REQUIRED"), ("content", "CONTENT_REQUIRED"));
    }

    [Theory]
    [InlineData("H")]
    [InlineData("HZ-451102-000123")]
    [InlineData("贺州/八步/2019:0001")]
    [InlineData("𠮷-001")]
    public void Validate_PrintableSourceKey_IsAccepted(string key)
    {
        Expect.Violations(new SubmittedRecord(key, Samples.Site()));
    }

    [Fact]
    public void Validate_SourceKeyOf64Characters_IsAccepted()
    {
        Expect.Violations(new SubmittedRecord(new string('K', 64), Samples.Site()));
    }

    [Fact]
    public void Validate_SourceKeyOf65Characters_ReportsLength()
    {
        Expect.Violations(new SubmittedRecord(new string('K', 65), Samples.Site()), ("source_key", "SOURCE_KEY_LENGTH"));
    }

    [Theory]
    [InlineData("HZ 001")]
    [InlineData(" HZ001")]
    [InlineData("HZ001\n")]
    [InlineData("HZ\t001")]
    [InlineData("HZ\u3000001")]
    [InlineData("HZ\u200B001")]
    [InlineData("HZ\u202E001")]
    [InlineData("HZ\uE000001")]
    public void Validate_SourceKeyWithSpaceOrUnprintableCharacter_ReportsCharacters(string key)
    {
        Expect.Violations(new SubmittedRecord(key, Samples.Site()), ("source_key", "SOURCE_KEY_CHARACTERS"));
    }

    [Fact]
    public void Validate_SourceKeyWithUnpairedSurrogate_ReportsCharacters()
    {
        var key = "HZ" + (char)0xD842 + "001";

        Expect.Violations(new SubmittedRecord(key, Samples.Site()), ("source_key", "SOURCE_KEY_CHARACTERS"));
    }

    [Fact]
    public void Validate_WithdrawalWithoutKind_ReportsEnumRequired()
    {
        Expect.Violations(Samples.Withdrawal() with { WithdrawnKind = RecordKind.Unspecified }, ("withdrawal.kind", "ENUM_REQUIRED"));
    }

    [Fact]
    public void Validate_WithdrawalOfUndefinedKind_ReportsEnumUnknown()
    {
        Expect.Violations(Samples.Withdrawal() with { WithdrawnKind = (RecordKind)99 }, ("withdrawal.kind", "ENUM_UNKNOWN"));
    }

    [Fact]
    public void Validate_WithdrawalWithoutReason_IsAccepted()
    {
        Expect.Valid(Samples.Withdrawal() with { Reason = "" });
    }

    [Theory]
    [InlineData(500, false)]
    [InlineData(501, true)]
    public void Validate_WithdrawalReasonLength_IsBoundedAt500(int length, bool rejected)
    {
        var withdrawal = Samples.Withdrawal() with { Reason = new string('因', length) };

        if (rejected)
        {
            Expect.Violations(withdrawal, ("withdrawal.reason", "TEXT_LENGTH"));
        }
        else
        {
            Expect.Valid(withdrawal);
        }
    }

    [Fact]
    public void Validate_SeveralBrokenFields_ReportsEveryOneInFieldOrder()
    {
        var household = Samples.Household(
            Samples.Head() with { Name = "" },
            Samples.Spouse() with { CitizenId = "45112319870523102x", Ethnicity = Ethnicity.Unspecified }) with
        {
            SiteCode = "",
            RelocationDate = null,
        };

        Expect.Violations(
            new SubmittedRecord("HZ 001", household),
            ("source_key", "SOURCE_KEY_CHARACTERS"),
            ("household.site_code", "SOURCE_KEY_REQUIRED"),
            ("household.relocation_date", "DATE_REQUIRED"),
            ("household.members[0].name", "FIELD_REQUIRED"),
            ("household.members[1].citizen_id", "CITIZEN_ID_CHARACTERS"),
            ("household.members[1].ethnicity", "ENUM_REQUIRED"));
    }

    [Fact]
    public void Validate_Violation_DescriptionNamesTheField()
    {
        var household = Samples.Household(Samples.Head() with { CitizenId = "451102198503121235" });

        var violation = Assert.Single(SubmissionValidator.Validate(Samples.Record(household), Samples.ReferenceDate));

        Assert.StartsWith("citizen_id: ", violation.Description);
    }
}
