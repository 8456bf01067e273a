using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>Reads a validated submitted record as the fact reconciliation works on.</summary>
/// <remarks>
/// Only records that passed <see cref="SubmissionValidator"/> may come here: a required part that is missing or
/// malformed means the caller skipped validation, and is reported with an <see cref="ArgumentException"/> rather
/// than guessed at. The record's source key is the site code or household ID of site and household records.
/// </remarks>
public static class SourceFacts
{
    /// <summary>
    /// The fact a record states: a <see cref="SiteFact"/>, <see cref="HouseholdFact"/>, <see cref="EmploymentFact"/>,
    /// <see cref="EntitlementFact"/> or <see cref="PaymentFact"/>. Null for a withdrawal, which states no fact, and
    /// for a job vacancy, which concerns no person or household.
    /// </summary>
    /// <exception cref="ArgumentException">The record is not valid, or its kind is not <paramref name="source"/>'s.</exception>
    public static ISourceFact? From(SourceReference source, SubmittedRecord record)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(record);
        var content = record.Content ?? throw Invalid(source, "has no content");
        if (content is not Withdrawal && content.Kind != source.Kind)
        {
            throw Invalid(source, $"is a {content.Kind} record, not a {source.Kind} record");
        }

        return content switch
        {
            SiteRecord site => Site(source, record.SourceKey, site),
            HouseholdRecord household => Household(source, record.SourceKey, household),
            EmploymentRecord employment => Employment(source, employment),
            WelfareEntitlementRecord entitlement => Entitlement(source, entitlement),
            WelfarePaymentRecord payment => Payment(source, payment),
            Withdrawal or JobVacancyRecord => null,
            _ => throw Invalid(source, $"has unknown content {content.GetType().Name}"),
        };
    }

    public static SiteFact Site(SourceReference source, string siteCode, SiteRecord site) =>
        new(source, siteCode, site.Name, site.CountyCode, site.SiteKind);

    public static HouseholdFact Household(SourceReference source, string householdId, HouseholdRecord household) =>
        new(
            source,
            householdId,
            household.SiteCode,
            household.Address,
            Day(source, household.RelocationDate, "relocation_date"),
            [.. household.Members.Select(m => Member(source, m))]);

    public static EmploymentFact Employment(SourceReference source, EmploymentRecord employment) =>
        new(
            source,
            Claim(source, employment.Person),
            employment.Channel,
            employment.EmployerName,
            employment.EmployerCreditCode,
            employment.Location,
            employment.LocationDetail,
            Period(source, employment.StartDate, employment.EndDate),
            Fen(source, employment.MonthlyIncome, "monthly_income"));

    public static EntitlementFact Entitlement(SourceReference source, WelfareEntitlementRecord entitlement) =>
        new(
            source,
            Claim(source, entitlement.Person),
            entitlement.Programme,
            Period(source, entitlement.StartDate, entitlement.EndDate),
            Fen(source, entitlement.MonthlyAmount, "monthly_amount"));

    public static PaymentFact Payment(SourceReference source, WelfarePaymentRecord payment) =>
        new(
            source,
            payment.EntitlementKey,
            Claim(source, payment.Person),
            payment.Programme,
            FirstDayOfMonth(source, payment.Month),
            Fen(source, payment.Amount, "amount"),
            OptionalDay(source, payment.PaidDate, "paid_date"));

    private static MemberFact Member(SourceReference source, MemberRecord member) =>
        new(
            member.CitizenId,
            member.Name,
            member.Gender,
            Day(source, member.BirthDate, "birth_date"),
            member.Ethnicity,
            member.RelationToHead,
            member.LabourCapacity,
            member.WillingToWork,
            member.InSchool,
            member.DisabilityCategory,
            member.DisabilityGrade,
            OptionalDay(source, member.DeathDate, "death_date"));

    // A department that is not authoritative for identity may leave gender and birth date unset.
    private static PersonClaim Claim(SourceReference source, PersonReference? person) =>
        person is null
            ? throw Invalid(source, "names no person")
            : new(
                person.CitizenId,
                person.Name,
                person.Gender == Gender.Unspecified ? null : person.Gender,
                OptionalDay(source, person.BirthDate, "birth_date"));

    private static DatePeriod Period(SourceReference source, CalendarDate? start, CalendarDate? end) =>
        new(Day(source, start, "start_date"), OptionalDay(source, end, "end_date"));

    private static DateOnly Day(SourceReference source, CalendarDate? date, string field) =>
        OptionalDay(source, date, field) ?? throw Invalid(source, $"has no {field}");

    private static DateOnly? OptionalDay(SourceReference source, CalendarDate? date, string field)
    {
        if (date is not { } d)
        {
            return null;
        }

        return IsRealDay(d.Year, d.Month, d.Day)
            ? new DateOnly(d.Year, d.Month, d.Day)
            : throw Invalid(source, $"has {field} {d}, which is not a real day");
    }

    private static DateOnly FirstDayOfMonth(SourceReference source, CalendarDate? month) =>
        month is { Day: 0 } m && IsRealDay(m.Year, m.Month, 1)
            ? new DateOnly(m.Year, m.Month, 1)
            : throw Invalid(source, $"has month {month?.ToString() ?? "unset"}, which is not a whole month");

    private static long Fen(SourceReference source, MoneyAmount? amount, string field) =>
        amount is { } a && Money.ToFen(a) is { } fen
            ? fen
            : throw Invalid(source, $"has no {field} in whole fen of CNY");

    private static bool IsRealDay(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static ArgumentException Invalid(SourceReference source, string problem) =>
        new($"{source.Department} {source.Kind} record '{source.SourceKey}' version {source.Version} {problem}; " +
            "only validated records can be reconciled.", "record");
}
