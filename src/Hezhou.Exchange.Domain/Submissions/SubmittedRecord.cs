namespace Hezhou.Exchange.Domain.Submissions;

// These types carry a record exactly as a department sent it, before validation: dates and money keep their raw
// parts and enums may hold numbers the contract does not define, so that validation can name what is wrong.

/// <summary>A calendar date as sent: year, month and day, not yet checked to be a real day. Day 0 means a whole month.</summary>
public readonly record struct CalendarDate(int Year, int Month, int Day)
{
    public override string ToString() => $"{Year:D4}-{Month:D2}-{Day:D2}";
}

/// <summary>An amount of money as sent: ISO 4217 currency, whole units and nano units (google.type.Money).</summary>
public readonly record struct MoneyAmount(string CurrencyCode, long Units, int Nanos);

/// <summary>One record of a batch: the department's key and its content (null when none was set).</summary>
public sealed record SubmittedRecord(string SourceKey, RecordContent? Content);

/// <summary>The content of a submitted record: one of the record kinds, or a withdrawal.</summary>
public abstract record RecordContent
{
    /// <summary>The kind of the source record this content belongs to.</summary>
    public abstract RecordKind Kind { get; }

    /// <summary>The snake_case name of the content field in the contract, used as the root of violation paths.</summary>
    public abstract string FieldName { get; }
}

public sealed record SiteRecord(
    string Name,
    string CountyCode,
    SiteKind SiteKind,
    int Dwellings,
    CalendarDate? OpenDate) : RecordContent
{
    public override RecordKind Kind => RecordKind.Site;
    public override string FieldName => "site";
}

public sealed record HouseholdRecord(
    string SiteCode,
    string Address,
    CalendarDate? RelocationDate,
    IReadOnlyList<MemberRecord> Members) : RecordContent
{
    public override RecordKind Kind => RecordKind.Household;
    public override string FieldName => "household";
}

public sealed record MemberRecord(
    string CitizenId,
    string Name,
    Gender Gender,
    CalendarDate? BirthDate,
    Ethnicity Ethnicity,
    RelationToHead RelationToHead,
    LabourCapacity LabourCapacity,
    bool WillingToWork,
    bool InSchool,
    DisabilityCategory DisabilityCategory,
    int DisabilityGrade,
    CalendarDate? DeathDate);

/// <summary>How a department that is not authoritative for identity names a person.</summary>
public sealed record PersonReference(string CitizenId, string Name, Gender Gender, CalendarDate? BirthDate);

public sealed record EmploymentRecord(
    PersonReference? Person,
    EmploymentChannel Channel,
    string EmployerName,
    string EmployerCreditCode,
    WorkLocation Location,
    string LocationDetail,
    CalendarDate? StartDate,
    CalendarDate? EndDate,
    MoneyAmount? MonthlyIncome) : RecordContent
{
    public override RecordKind Kind => RecordKind.Employment;
    public override string FieldName => "employment";
}

public sealed record JobVacancyRecord(
    string EmployerName,
    string EmployerCreditCode,
    string Title,
    int Positions,
    WorkLocation Location,
    string LocationDetail,
    MoneyAmount? MonthlyWage,
    CalendarDate? PostedDate,
    CalendarDate? ClosingDate,
    string SiteCode) : RecordContent
{
    public override RecordKind Kind => RecordKind.JobVacancy;
    public override string FieldName => "job_vacancy";
}

public sealed record WelfareEntitlementRecord(
    PersonReference? Person,
    WelfareProgramme Programme,
    CalendarDate? StartDate,
    CalendarDate? EndDate,
    MoneyAmount? MonthlyAmount) : RecordContent
{
    public override RecordKind Kind => RecordKind.WelfareEntitlement;
    public override string FieldName => "welfare_entitlement";
}

public sealed record WelfarePaymentRecord(
    string EntitlementKey,
    PersonReference? Person,
    WelfareProgramme Programme,
    CalendarDate? Month,
    MoneyAmount? Amount,
    CalendarDate? PaidDate) : RecordContent
{
    public override RecordKind Kind => RecordKind.WelfarePayment;
    public override string FieldName => "welfare_payment";
}

/// <summary>A tombstone: the department no longer holds the record.</summary>
public sealed record Withdrawal(RecordKind WithdrawnKind, string Reason) : RecordContent
{
    public override RecordKind Kind => WithdrawnKind;
    public override string FieldName => "withdrawal";
}
