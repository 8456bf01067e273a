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

/// <summary>The sum of one site's household tallies: the city's indicators read these, never the persons.</summary>
public sealed class SiteIndicators
{
    public required string SiteCode { get; set; }

    /// <summary>Null while the site's own record has not arrived.</summary>
    public string? CountyCode { get; set; }

    /// <summary>The day every household tally of the site counts for; null while they differ (a day's refresh is under way).</summary>
    public DateOnly? AsOf { get; set; }

    public int Households { get; set; }

    /// <summary>The summed tally as JSON.</summary>
    public required string Tally { get; set; }
}
