using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Statistics;

/// <summary>A member of a reconciled household, with what the indicators need to know of them.</summary>
public sealed record MemberStatus(
    string CitizenId,
    string HouseholdId,
    string SiteCode,
    DateOnly RelocationDate,
    DateOnly BirthDate,
    LabourCapacity LabourCapacity,
    bool WillingToWork,
    bool InSchool,
    DisabilityCategory DisabilityCategory,
    DateOnly? DeathDate);

/// <summary>An employment of a household member.</summary>
public sealed record EmploymentSpan(string CitizenId, string SourceKey, EmploymentChannel Channel, DatePeriod Period, long MonthlyIncomeFen);

/// <summary>A welfare entitlement of a household member.</summary>
public sealed record EntitlementSpan(string CitizenId, WelfareProgramme Programme, DatePeriod Period);

/// <summary>An exact fraction, shown as a percentage rounded half away from zero to 2 decimals.</summary>
public readonly record struct Rate(long Numerator, long Denominator)
{
    /// <summary>"94.38" for 28,469 of 30,164; empty when there is nothing to count.</summary>
    public string Percent => Denominator == 0
        ? ""
        : Math.Round(Numerator * 100m / Denominator, 2, MidpointRounding.AwayFromZero)
            .ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
