namespace Hezhou.Exchange.Storage.Entities;

/// <summary>
/// One reconciled household's indicator tally as of a day, written with the household by the reconciler and
/// refreshed when the day changes.
/// </summary>
public sealed class HouseholdIndicators
{
    public required string HouseholdId { get; set; }

    public required string SiteCode { get; set; }

    /// <summary>Null while the site's own record has not arrived.</summary>
    public string? CountyCode { get; set; }

    /// <summary>The day the tally counts for.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>The tally as JSON.</summary>
    public required string Tally { get; set; }
}

/// <summary>
/// The sum of the household tallies in one scope GetStatistics answers for (the city, a county or a site), kept by
/// adding what each reconciled household changes: the indicators of any scope are one row, never the persons.
/// </summary>
public sealed class IndicatorSums
{
    /// <summary>"city", "county:" and the county code, or "site:" and the site code.</summary>
    public required string Scope { get; set; }

    /// <summary>The day of the latest household tally written; the sum counts for it once every household is of it.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>The households summed.</summary>
    public int Households { get; set; }

    /// <summary>How many of them are tallied as of <see cref="AsOf"/>; fewer while a new day's refresh is under way.</summary>
    public int HouseholdsOfAsOf { get; set; }

    /// <summary>The summed tally as JSON.</summary>
    public required string Tally { get; set; }
}
