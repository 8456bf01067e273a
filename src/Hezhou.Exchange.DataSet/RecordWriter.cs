using System.Globalization;
using Google.Protobuf.Collections;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>Writes the plan as each department would send it, one record at a time, in a fixed order.</summary>
/// <remarks>
/// Relocation office: sites, then households by household ID. Human resources: employments by number, then job
/// vacancies. Civil affairs: entitlements by programme and number, then each entitlement's monthly payments. Records
/// are made as they are enumerated, so that a large data set never sits in memory as messages.
/// </remarks>
internal static class RecordWriter
{
    /// <summary>Payments are made on the 20th of the month paid for.</summary>
    private const int PayDay = 20;

    public static IEnumerable<V1.SubmissionRecord> Relocation(CityPlan plan)
    {
        foreach (var site in plan.Sites)
        {
            yield return new V1.SubmissionRecord
            {
                SourceKey = site.Code,
                Site = new V1.Site
                {
                    Name = site.Name,
                    CountyCode = site.Template.County.Code,
                    Kind = site.Template.Kind,
                    Dwellings = site.Dwellings,
                    OpenDate = Date(site.OpenDate),
                },
            };
        }

        foreach (var household in plan.Households)
        {
            var record = new V1.Household
            {
                SiteCode = plan.Sites[household.Site].Code,
                Address = household.Address,
                RelocationDate = Date(household.RelocationDate),
            };
            AddMembers(record.Members, plan, household);
            yield return new V1.SubmissionRecord { SourceKey = household.Id, Household = record };
        }
    }

    public static IEnumerable<V1.SubmissionRecord> HumanResources(CityPlan plan)
    {
        foreach (var employment in plan.Employments)
        {
            var person = plan.Persons[employment.Person];

            // A person no household holds is placed by the region of their citizen ID.
            var county = person.Household >= 0
                ? plan.Sites[plan.Households[person.Household].Site].Template.County.Code
                : person.CitizenId[..6];
            yield return new V1.SubmissionRecord
            {
                SourceKey = employment.Key,
                Employment = new V1.Employment
                {
                    Person = Reference(person, employment.ClaimedName, withIdentity: true),
                    Channel = employment.Channel,
                    EmployerName = employment.Employer.Name,
                    EmployerCreditCode = employment.Employer.CreditCode,
                    Location = employment.Employer.LocationFrom(county),
                    LocationDetail = employment.Employer.Place,
                    StartDate = Date(employment.Start),
                    EndDate = employment.End is { } end ? Date(end) : null,
                    MonthlyIncome = Money(employment.MonthlyIncomeFen),
                },
            };
        }

        foreach (var vacancy in plan.Vacancies)
        {
            yield return new V1.SubmissionRecord
            {
                SourceKey = vacancy.Key,
                JobVacancy = new V1.JobVacancy
                {
                    EmployerName = vacancy.Employer.Name,
                    EmployerCreditCode = vacancy.Employer.CreditCode,
                    Title = vacancy.Title,
                    Positions = vacancy.Positions,
                    Location = vacancy.Employer.LocationFrom(vacancy.SiteCode.Length >= 6 ? vacancy.SiteCode[..6] : HezhouGeography.Babu.Code),
                    LocationDetail = vacancy.Employer.Place,
                    MonthlyWage = Money(vacancy.MonthlyWageFen),
                    PostedDate = Date(vacancy.Posted),
                    ClosingDate = vacancy.Closing is { } closing ? Date(closing) : null,
                    SiteCode = vacancy.SiteCode,
                },
            };
        }
    }

    public static IEnumerable<V1.SubmissionRecord> CivilAffairs(CityPlan plan)
    {
        foreach (var entitlement in plan.Entitlements)
        {
            yield return new V1.SubmissionRecord
            {
                SourceKey = entitlement.Key,
                WelfareEntitlement = new V1.WelfareEntitlement
                {
                    Person = Reference(plan.Persons[entitlement.Person], null, withIdentity: true),
                    Programme = entitlement.Programme,
                    StartDate = Date(entitlement.Start),
                    EndDate = entitlement.End is { } end ? Date(end) : null,
                    MonthlyAmount = Money(entitlement.MonthlyAmountFen),
                },
            };
        }

        foreach (var entitlement in plan.Entitlements)
        {
            var person = plan.Persons[entitlement.Person];
            var first = new DateOnly(entitlement.Start.Year, entitlement.Start.Month, 1);
            for (var i = 0; i < entitlement.PaidMonths; i++)
            {
                var month = first.AddMonths(i);
                yield return new V1.SubmissionRecord
                {
                    SourceKey = string.Create(CultureInfo.InvariantCulture, $"{entitlement.Key}-{month:yyyyMM}"),
                    WelfarePayment = new V1.WelfarePayment
                    {
                        EntitlementKey = entitlement.Key,
                        Person = Reference(person, null, withIdentity: false),
                        Programme = entitlement.Programme,
                        Month = new Google.Type.Date { Year = month.Year, Month = month.Month, Day = 0 },
                        Amount = Money(entitlement.MonthlyAmountFen),
                        PaidDate = Date(new DateOnly(month.Year, month.Month, PayDay)),
                    },
                };
            }
        }
    }

    private static void AddMembers(RepeatedField<V1.Member> members, CityPlan plan, HouseholdPlan household)
    {
        foreach (var p in household.Members)
        {
            var person = plan.Persons[p];
            members.Add(new V1.Member
            {
                CitizenId = person.CitizenId,
                Name = person.Name,
                Gender = person.Gender,
                BirthDate = Date(person.BirthDate),
                Ethnicity = person.Ethnicity,
                RelationToHead = household.HeadedBy == p ? V1.RelationToHead.Self : person.Relation,
                LabourCapacity = person.Capacity,
                WillingToWork = person.WillingToWork,
                InSchool = person.InSchool,
                DisabilityCategory = person.Disability,
                DisabilityGrade = person.DisabilityGrade,
                DeathDate = person.DeathDate is { } died ? Date(died) : null,
            });
        }
    }

    // Human resources and civil affairs' entitlement records carry gender and birth date; payment records only name
    // the person.
    private static V1.PersonReference Reference(PersonPlan person, string? claimedName, bool withIdentity) => new()
    {
        CitizenId = person.CitizenId,
        Name = claimedName ?? person.Name,
        Gender = withIdentity ? person.Gender : V1.Gender.Unspecified,
        BirthDate = withIdentity ? Date(person.BirthDate) : null,
    };

    private static Google.Type.Date Date(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static Google.Type.Money Money(long fen) => new()
    {
        CurrencyCode = "CNY",
        Units = fen / 100,
        Nanos = (int)(fen % 100) * 10_000_000,
    };
}
