using System.Globalization;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

// The generator's compact plan of the city: plain objects with no generated messages, from which the departments'
// records are written only when enumerated. Indices point into CityPlan's lists.

/// <summary>What a household is there for in the calibration.</summary>
internal enum HouseholdKind
{
    /// <summary>At least one member in stable employment; every willing worker of the city lives in one of these.</summary>
    Employed,

    /// <summary>Nobody employed and nobody in the labour force willing to work: the elderly, the sick, carers.</summary>
    NonWorking,

    /// <summary>A single extreme-hardship (tekun) recipient.</summary>
    Tekun,
}

/// <summary>The part a member plays in the figures.</summary>
internal enum PersonRole
{
    Employed,
    Unemployed,
    Child,
    Student,
    Elderly,
    IncapableAdult,
}

/// <summary>Which dibao a household receives, if any.</summary>
internal enum DibaoKind
{
    None,
    Urban,
    Rural,
}

/// <summary>Why an employment exists, so that calibration and injection know which ones they may touch.</summary>
internal enum EmploymentPurpose
{
    /// <summary>The stable job that makes a person employed.</summary>
    Primary,

    /// <summary>A second job alongside the primary one, started later.</summary>
    Secondary,

    /// <summary>A job that ended before the report's date.</summary>
    Past,

    /// <summary>A job started less than 90 days before the report's date: active, not yet stable.</summary>
    Recent,

    /// <summary>Added to plant a discrepancy.</summary>
    Injected,
}

internal sealed class SitePlan
{
    public required string Code { get; init; }
    public required SiteTemplate Template { get; init; }
    public required string Name { get; init; }
    public required DateOnly OpenDate { get; init; }
    public int Dwellings { get; set; }
    public int Residents { get; set; }
    public int NextHouseholdNumber { get; set; } = 1;
}

internal sealed class HouseholdPlan
{
    public required string Id { get; init; }
    public required int Site { get; init; }
    public required HouseholdKind Kind { get; init; }
    public required DateOnly RelocationDate { get; init; }
    public required string Address { get; init; }
    public List<int> Members { get; } = [];

    /// <summary>A member listed as this household's head whatever their relation in the household that holds them first.</summary>
    public int? HeadedBy { get; init; }

    public DibaoKind Dibao { get; set; }

    /// <summary>First day of the month the household's dibao starts.</summary>
    public DateOnly DibaoStart { get; set; }
}

internal sealed class PersonPlan
{
    public required int Household { get; init; }
    public required PersonRole Role { get; init; }
    public string CitizenId { get; set; } = "";
    public string Name { get; set; } = "";
    public V1.Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public V1.Ethnicity Ethnicity { get; set; }
    public V1.RelationToHead Relation { get; set; }
    public V1.LabourCapacity Capacity { get; set; }
    public bool WillingToWork { get; set; }
    public bool InSchool { get; set; }
    public V1.DisabilityCategory Disability { get; set; } = V1.DisabilityCategory.None;
    public int DisabilityGrade { get; set; }
    public DateOnly? DeathDate { get; set; }

    public bool IsDisabled => Disability != V1.DisabilityCategory.None;
}

internal sealed class EmploymentPlan
{
    public required string Key { get; init; }
    public required int Person { get; init; }
    public required EmploymentPurpose Purpose { get; init; }
    public required V1.EmploymentChannel Channel { get; init; }
    public required Employer Employer { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; set; }
    public long MonthlyIncomeFen { get; set; }

    /// <summary>The name human resources holds when it differs from the relocation office's.</summary>
    public string? ClaimedName { get; set; }

    public bool IsActiveOn(DateOnly day) => Start <= day && (End is null || End >= day);
}

internal sealed class EntitlementPlan
{
    public required string Key { get; init; }
    public required int Person { get; init; }
    public required V1.WelfareProgramme Programme { get; init; }
    public required DateOnly Start { get; set; }
    public DateOnly? End { get; init; }
    public long MonthlyAmountFen { get; set; }

    /// <summary>Monthly payments from the start month on; 0 for an entitlement never paid.</summary>
    public int PaidMonths { get; set; }
}

internal sealed class VacancyPlan
{
    public required string Key { get; init; }
    public required Employer Employer { get; init; }
    public required string Title { get; init; }
    public required int Positions { get; init; }
    public required long MonthlyWageFen { get; init; }
    public required DateOnly Posted { get; init; }
    public DateOnly? Closing { get; init; }
    public string SiteCode { get; init; } = "";
}

/// <summary>The whole data set as a plan: sites, households, persons, jobs, vacancies and welfare.</summary>
internal sealed class CityPlan
{
    public List<SitePlan> Sites { get; } = [];
    public List<HouseholdPlan> Households { get; } = [];
    public List<PersonPlan> Persons { get; } = [];
    public List<EmploymentPlan> Employments { get; } = [];
    public List<EntitlementPlan> Entitlements { get; } = [];
    public List<VacancyPlan> Vacancies { get; } = [];

    /// <summary>Source keys of the employments, entitlements and vacancies are numbered across the data set.</summary>
    public int NextEmploymentNumber { get; set; } = 1;

    public int NextVacancyNumber { get; set; } = 1;

    public Dictionary<V1.WelfareProgramme, int> NextEntitlementNumber { get; } = [];

    public string NewEmploymentKey() => string.Create(CultureInfo.InvariantCulture, $"JY{NextEmploymentNumber++:D8}");

    public string NewVacancyKey() => string.Create(CultureInfo.InvariantCulture, $"YG{NextVacancyNumber++:D6}");

    public string NewEntitlementKey(V1.WelfareProgramme programme)
    {
        var number = NextEntitlementNumber.GetValueOrDefault(programme, 1);
        NextEntitlementNumber[programme] = number + 1;
        var prefix = programme switch
        {
            V1.WelfareProgramme.UrbanDibao => "CSDB",
            V1.WelfareProgramme.RuralDibao => "NCDB",
            V1.WelfareProgramme.UrbanTekun => "CSTK",
            V1.WelfareProgramme.RuralTekun => "NCTK",
            V1.WelfareProgramme.CareAllowance => "ZLHL",
            V1.WelfareProgramme.DisabilityLivingSubsidy => "CJSH",
            V1.WelfareProgramme.DisabilityNursingSubsidy => "CJHL",
            _ => throw new ArgumentOutOfRangeException(nameof(programme), programme, "Not a programme."),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{number:D8}");
    }
}
