namespace Hezhou.Exchange.Domain;

/// <summary>The stable codes of the validation rules, as clients see them in field violations.</summary>
/// <remarks>
/// A code is a contract: departments' systems branch on it, so a code is never renamed or given a new meaning.
/// A new rule gets a new code.
/// </remarks>
public static class RuleCodes
{
    // A record as a whole.
    public const string SourceKeyRequired = "SOURCE_KEY_REQUIRED";
    public const string SourceKeyLength = "SOURCE_KEY_LENGTH";
    public const string SourceKeyCharacters = "SOURCE_KEY_CHARACTERS";
    public const string ContentRequired = "CONTENT_REQUIRED";

    // A record's bytes, checked by the server against the contract before the record is read.
    public const string FieldUnknown = "FIELD_UNKNOWN";
    public const string FieldWrongType = "FIELD_WRONG_TYPE";

    // Any field.
    public const string FieldRequired = "FIELD_REQUIRED";
    public const string TextLength = "TEXT_LENGTH";
    public const string TextControlCharacter = "TEXT_CONTROL_CHARACTER";
    public const string TextBidiOverride = "TEXT_BIDI_OVERRIDE";
    public const string TextInvalidUnicode = "TEXT_INVALID_UNICODE";
    public const string TextInvisibleCharacter = "TEXT_INVISIBLE_CHARACTER";
    public const string EnumRequired = "ENUM_REQUIRED";
    public const string EnumUnknown = "ENUM_UNKNOWN";
    public const string DateRequired = "DATE_REQUIRED";
    public const string DateInvalid = "DATE_INVALID";
    public const string MonthInvalid = "MONTH_INVALID";
    public const string DateTooEarly = "DATE_TOO_EARLY";
    public const string DateInFuture = "DATE_IN_FUTURE";
    public const string PeriodReversed = "PERIOD_REVERSED";
    public const string MoneyCurrency = "MONEY_CURRENCY";
    public const string MoneyInvalid = "MONEY_INVALID";
    public const string MoneyPrecision = "MONEY_PRECISION";
    public const string MoneyNegative = "MONEY_NEGATIVE";
    public const string MoneyTooLarge = "MONEY_TOO_LARGE";

    // Citizen ID, GB 11643-1999.
    public const string CitizenIdRequired = "CITIZEN_ID_REQUIRED";
    public const string CitizenIdLength = "CITIZEN_ID_LENGTH";
    public const string CitizenIdCharacters = "CITIZEN_ID_CHARACTERS";
    public const string CitizenIdRegion = "CITIZEN_ID_REGION";
    public const string CitizenIdRegionUnknown = "CITIZEN_ID_REGION_UNKNOWN";
    public const string CitizenIdBirthDate = "CITIZEN_ID_BIRTH_DATE";
    public const string CitizenIdCheckCharacter = "CITIZEN_ID_CHECK_CHARACTER";

    // Unified social credit code, GB 32100-2015.
    public const string CreditCodeRequired = "CREDIT_CODE_REQUIRED";
    public const string CreditCodeLength = "CREDIT_CODE_LENGTH";
    public const string CreditCodeCharacters = "CREDIT_CODE_CHARACTERS";
    public const string CreditCodeRegistrationAuthority = "CREDIT_CODE_REGISTRATION_AUTHORITY";
    public const string CreditCodeRegion = "CREDIT_CODE_REGION";
    public const string CreditCodeCheckCharacter = "CREDIT_CODE_CHECK_CHARACTER";

    // A person: a household member or a person reference.
    public const string GenderMismatchCitizenId = "GENDER_MISMATCH_CITIZEN_ID";
    public const string BirthDateMismatchCitizenId = "BIRTH_DATE_MISMATCH_CITIZEN_ID";
    public const string DeathBeforeBirth = "DEATH_BEFORE_BIRTH";
    public const string DisabilityGrade = "DISABILITY_GRADE";

    // A household.
    public const string MembersCount = "MEMBERS_COUNT";
    public const string HeadCount = "HEAD_COUNT";
    public const string DuplicateMember = "DUPLICATE_MEMBER";

    // Sites and vacancies.
    public const string CountyCode = "COUNTY_CODE";
    public const string DwellingsRange = "DWELLINGS_RANGE";
    public const string PositionsRange = "POSITIONS_RANGE";
}
