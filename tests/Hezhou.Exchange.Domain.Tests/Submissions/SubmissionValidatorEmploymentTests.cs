using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

// Employments, job vacancies and the person reference they share with welfare records.
public class SubmissionValidatorEmploymentTests
{
    [Fact]
    public void Validate_EmploymentWithoutPerson_ReportsFieldRequired()
    {
        Expect.Violations(Samples.Employment() with { Person = null }, ("employment.person", "FIELD_REQUIRED"));
    }

    [Fact]
    public void Validate_PersonWithOnlyCitizenIdAndName_IsAccepted()
    {
        var person = new PersonReference(Samples.SpouseCitizenId, "李秀英", Gender.Unspecified, BirthDate: null);

        Expect.Valid(Samples.Employment() with { Person = person });
    }

    [Theory]
    [InlineData("", "CITIZEN_ID_REQUIRED")]
    [InlineData("45112319870523102x", "CITIZEN_ID_CHARACTERS")]
    [InlineData("451102198503121235", "CITIZEN_ID_CHECK_CHARACTER")]
    public void Validate_PersonWithBadCitizenId_ReportsCitizenIdRule(string citizenId, string rule)
    {
        var person = Samples.Person() with { CitizenId = citizenId, Gender = Gender.Unspecified, BirthDate = null };

        Expect.Violations(Samples.Employment() with { Person = person }, ("employment.person.citizen_id", rule));
    }

    [Fact]
    public void Validate_PersonWithoutName_ReportsFieldRequired()
    {
        var employment = Samples.Employment() with { Person = Samples.Person() with { Name = "" } };

        Expect.Violations(employment, ("employment.person.name", "FIELD_REQUIRED"));
    }

    [Fact]
    public void Validate_PersonGenderAgainstCitizenId_ReportsGenderMismatch()
    {
        var employment = Samples.Employment() with { Person = Samples.Person() with { Gender = Gender.Female } };

        Expect.Violations(employment, ("employment.person.gender", "GENDER_MISMATCH_CITIZEN_ID"));
    }

    [Fact]
    public void Validate_PersonGenderOutsideTheContract_ReportsEnumUnknown()
    {
        var employment = Samples.Employment() with { Person = Samples.Person() with { Gender = (Gender)7 } };

        Expect.Violations(employment, ("employment.person.gender", "ENUM_UNKNOWN"));
    }

    [Fact]
    public void Validate_PersonBirthDateAgainstCitizenId_ReportsBirthDateMismatch()
    {
        var employment = Samples.Employment() with
        {
            Person = Samples.Person() with { BirthDate = new CalendarDate(1958, 3, 12) },
        };

        Expect.Violations(employment, ("employment.person.birth_date", "BIRTH_DATE_MISMATCH_CITIZEN_ID"));
    }

    [Fact]
    public void Validate_PersonBirthDateNotReal_ReportsDateInvalid()
    {
        var employment = Samples.Employment() with
        {
            Person = Samples.Person() with { BirthDate = new CalendarDate(1985, 13, 12) },
        };

        Expect.Violations(employment, ("employment.person.birth_date", "DATE_INVALID"));
    }

    [Fact]
    public void Validate_EmploymentWithoutChannel_ReportsEnumRequired()
    {
        Expect.Violations(Samples.Employment() with { Channel = EmploymentChannel.Unspecified }, ("employment.channel", "ENUM_REQUIRED"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(200, false)]
    [InlineData(201, true)]
    public void Validate_EmployerNameLength_IsOneTo200(int length, bool rejected)
    {
        var employment = Samples.Employment() with { EmployerName = new string('厂', length) };

        if (rejected)
        {
            Expect.Violations(employment, ("employment.employer_name", length == 0 ? "FIELD_REQUIRED" : "TEXT_LENGTH"));
        }
        else
        {
            Expect.Valid(employment);
        }
    }

    [Theory]
    [InlineData(EmploymentChannel.LabourExport)]
    [InlineData(EmploymentChannel.AssistanceWorkshop)]
    [InlineData(EmploymentChannel.PublicWelfarePost)]
    public void Validate_EmployeeWithoutCreditCode_ReportsCreditCodeRequired(EmploymentChannel channel)
    {
        var employment = Samples.Employment() with { Channel = channel, EmployerCreditCode = "" };

        Expect.Violations(employment, ("employment.employer_credit_code", "CREDIT_CODE_REQUIRED"));
    }

    [Theory]
    [InlineData(EmploymentChannel.Flexible)]
    [InlineData(EmploymentChannel.SelfEmployment)]
    public void Validate_FlexibleOrSelfEmployedWithoutCreditCode_IsAccepted(EmploymentChannel channel)
    {
        Expect.Valid(Samples.Employment() with { Channel = channel, EmployerCreditCode = "" });
    }

    [Fact]
    public void Validate_SelfEmployedWithBadCreditCode_ReportsCheckCharacter()
    {
        var employment = Samples.Employment() with
        {
            Channel = EmploymentChannel.SelfEmployment,
            EmployerCreditCode = "9144030071526726XH",
        };

        Expect.Violations(employment, ("employment.employer_credit_code", "CREDIT_CODE_CHECK_CHARACTER"));
    }

    [Theory]
    [InlineData("9144030071526726xg", "CREDIT_CODE_CHARACTERS")]
    [InlineData("9144030071526726", "CREDIT_CODE_LENGTH")]
    public void Validate_EmployerCreditCodeMalformed_ReportsCreditCodeRule(string code, string rule)
    {
        Expect.Violations(Samples.Employment() with { EmployerCreditCode = code }, ("employment.employer_credit_code", rule));
    }

    [Fact]
    public void Validate_EmploymentWithoutLocation_ReportsEnumRequired()
    {
        Expect.Violations(Samples.Employment() with { Location = WorkLocation.Unspecified }, ("employment.location", "ENUM_REQUIRED"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(200, false)]
    [InlineData(201, true)]
    public void Validate_LocationDetailLength_IsAtMost200(int length, bool rejected)
    {
        var employment = Samples.Employment() with { LocationDetail = new string('区', length) };

        if (rejected)
        {
            Expect.Violations(employment, ("employment.location_detail", "TEXT_LENGTH"));
        }
        else
        {
            Expect.Valid(employment);
        }
    }

    [Fact]
    public void Validate_EmploymentWithoutStartDate_ReportsDateRequired()
    {
        Expect.Violations(Samples.Employment() with { StartDate = null }, ("employment.start_date", "DATE_REQUIRED"));
    }

    [Fact]
    public void Validate_EmploymentWithoutMonthlyIncome_ReportsFieldRequired()
    {
        Expect.Violations(Samples.Employment() with { MonthlyIncome = null }, ("employment.monthly_income", "FIELD_REQUIRED"));
    }

    [Fact]
    public void Validate_VacancyWithoutCreditCode_ReportsCreditCodeRequired()
    {
        Expect.Violations(Samples.JobVacancy() with { EmployerCreditCode = "" }, ("job_vacancy.employer_credit_code", "CREDIT_CODE_REQUIRED"));
    }

    [Fact]
    public void Validate_VacancyWithoutEmployerName_ReportsFieldRequired()
    {
        Expect.Violations(Samples.JobVacancy() with { EmployerName = "" }, ("job_vacancy.employer_name", "FIELD_REQUIRED"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(100, false)]
    [InlineData(101, true)]
    public void Validate_VacancyTitleLength_IsOneTo100(int length, bool rejected)
    {
        var vacancy = Samples.JobVacancy() with { Title = new string('工', length) };

        if (rejected)
        {
            Expect.Violations(vacancy, ("job_vacancy.title", length == 0 ? "FIELD_REQUIRED" : "TEXT_LENGTH"));
        }
        else
        {
            Expect.Valid(vacancy);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public void Validate_PositionsInRange_IsAccepted(int positions)
    {
        Expect.Valid(Samples.JobVacancy() with { Positions = positions });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100_001)]
    public void Validate_PositionsOutOfRange_ReportsPositionsRange(int positions)
    {
        Expect.Violations(Samples.JobVacancy() with { Positions = positions }, ("job_vacancy.positions", "POSITIONS_RANGE"));
    }

    [Fact]
    public void Validate_VacancyWithoutLocation_ReportsEnumRequired()
    {
        Expect.Violations(Samples.JobVacancy() with { Location = WorkLocation.Unspecified }, ("job_vacancy.location", "ENUM_REQUIRED"));
    }

    [Fact]
    public void Validate_VacancyWithoutWage_ReportsFieldRequired()
    {
        Expect.Violations(Samples.JobVacancy() with { MonthlyWage = null }, ("job_vacancy.monthly_wage", "FIELD_REQUIRED"));
    }

    [Fact]
    public void Validate_VacancyWithoutPostedDate_ReportsDateRequired()
    {
        Expect.Violations(Samples.JobVacancy() with { PostedDate = null }, ("job_vacancy.posted_date", "DATE_REQUIRED"));
    }

    [Fact]
    public void Validate_VacancyPostedAfterReferenceDate_ReportsDateInFuture()
    {
        var vacancy = Samples.JobVacancy() with { PostedDate = new CalendarDate(2025, 7, 1) };

        Expect.Violations(vacancy, ("job_vacancy.posted_date", "DATE_IN_FUTURE"));
    }

    [Fact]
    public void Validate_VacancyClosingBeforePosted_ReportsPeriodReversed()
    {
        var vacancy = Samples.JobVacancy() with { ClosingDate = new CalendarDate(2025, 5, 31) };

        Expect.Violations(vacancy, ("job_vacancy.closing_date", "PERIOD_REVERSED"));
    }

    [Fact]
    public void Validate_VacancyWithoutSiteCode_IsAccepted()
    {
        Expect.Valid(Samples.JobVacancy() with { SiteCode = "" });
    }

    [Fact]
    public void Validate_VacancySiteCodeWithSpace_ReportsSourceKeyCharacters()
    {
        Expect.Violations(Samples.JobVacancy() with { SiteCode = "HZ SITE" }, ("job_vacancy.site_code", "SOURCE_KEY_CHARACTERS"));
    }
}
