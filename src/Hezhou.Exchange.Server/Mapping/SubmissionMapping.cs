using Hezhou.Exchange.Domain.Submissions;
using D = Hezhou.Exchange.Domain;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Mapping;

/// <summary>
/// Maps submitted records from the contract to the domain, losing nothing validation needs: unset messages become
/// null, dates and money keep their raw parts, and enum numbers pass through unchanged (undefined ones included).
/// </summary>
public static class SubmissionMapping
{
    public static SubmittedRecord ToDomain(this V1.SubmissionRecord record) =>
        new(record.SourceKey, record.ContentCase switch
        {
            V1.SubmissionRecord.ContentOneofCase.Site => ToDomain(record.Site),
            V1.SubmissionRecord.ContentOneofCase.Household => ToDomain(record.Household),
            V1.SubmissionRecord.ContentOneofCase.Employment => ToDomain(record.Employment),
            V1.SubmissionRecord.ContentOneofCase.JobVacancy => ToDomain(record.JobVacancy),
            V1.SubmissionRecord.ContentOneofCase.WelfareEntitlement => ToDomain(record.WelfareEntitlement),
            V1.SubmissionRecord.ContentOneofCase.WelfarePayment => ToDomain(record.WelfarePayment),
            V1.SubmissionRecord.ContentOneofCase.Withdrawal =>
                new Withdrawal((D.RecordKind)record.Withdrawal.Kind, record.Withdrawal.Reason),
            _ => null,
        });

    private static SiteRecord ToDomain(V1.Site site) =>
        new(site.Name, site.CountyCode, (D.SiteKind)site.Kind, site.Dwellings, ToDomain(site.OpenDate));

    private static HouseholdRecord ToDomain(V1.Household household) =>
        new(household.SiteCode, household.Address, ToDomain(household.RelocationDate),
            household.Members.Select(ToDomain).ToList());

    private static MemberRecord ToDomain(V1.Member member) =>
        new(member.CitizenId, member.Name, (D.Gender)member.Gender, ToDomain(member.BirthDate),
            (D.Ethnicity)member.Ethnicity, (D.RelationToHead)member.RelationToHead,
            (D.LabourCapacity)member.LabourCapacity, member.WillingToWork, member.InSchool,
            (D.DisabilityCategory)member.DisabilityCategory, member.DisabilityGrade, ToDomain(member.DeathDate));

    private static EmploymentRecord ToDomain(V1.Employment employment) =>
        new(ToDomain(employment.Person), (D.EmploymentChannel)employment.Channel, employment.EmployerName,
            employment.EmployerCreditCode, (D.WorkLocation)employment.Location, employment.LocationDetail,
            ToDomain(employment.StartDate), ToDomain(employment.EndDate), ToDomain(employment.MonthlyIncome));

    private static JobVacancyRecord ToDomain(V1.JobVacancy vacancy) =>
        new(vacancy.EmployerName, vacancy.EmployerCreditCode, vacancy.Title, vacancy.Positions,
            (D.WorkLocation)vacancy.Location, vacancy.LocationDetail, ToDomain(vacancy.MonthlyWage),
            ToDomain(vacancy.PostedDate), ToDomain(vacancy.ClosingDate), vacancy.SiteCode);

    private static WelfareEntitlementRecord ToDomain(V1.WelfareEntitlement entitlement) =>
        new(ToDomain(entitlement.Person), (D.WelfareProgramme)entitlement.Programme, ToDomain(entitlement.StartDate),
            ToDomain(entitlement.EndDate), ToDomain(entitlement.MonthlyAmount));

    private static WelfarePaymentRecord ToDomain(V1.WelfarePayment payment) =>
        new(payment.EntitlementKey, ToDomain(payment.Person), (D.WelfareProgramme)payment.Programme,
            ToDomain(payment.Month), ToDomain(payment.Amount), ToDomain(payment.PaidDate));

    private static PersonReference? ToDomain(V1.PersonReference? person) =>
        person is null ? null : new(person.CitizenId, person.Name, (D.Gender)person.Gender, ToDomain(person.BirthDate));

    private static CalendarDate? ToDomain(Google.Type.Date? date) =>
        date is null ? null : new CalendarDate(date.Year, date.Month, date.Day);

    private static MoneyAmount? ToDomain(Google.Type.Money? money) =>
        money is null ? null : new MoneyAmount(money.CurrencyCode, money.Units, money.Nanos);
}
