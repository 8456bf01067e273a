using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Storage.Entities;

namespace Hezhou.Exchange.Server.Audit;

/// <summary>The discrepancy filters the auditors' methods share.</summary>
public static class DiscrepancyQueries
{
    private static readonly System.Linq.Expressions.Expression<Func<DiscrepancyEntry, bool>> Open =
        d => d.Status == DiscrepancyStatus.Open || d.Status == DiscrepancyStatus.Acknowledged;

    private static readonly Func<DiscrepancyEntry, bool> IsOpen = Open.Compile();

    /// <summary>Discrepancies still to be dealt with: found and not yet waived or resolved.</summary>
    public static IQueryable<DiscrepancyEntry> StillOpen(this IQueryable<DiscrepancyEntry> query) => query.Where(Open);

    /// <summary>
    /// <see cref="StillOpen(IQueryable{DiscrepancyEntry})"/> applied to rows already read. A look-up by subject reads
    /// every status and keeps the open ones here: given the status in SQL as well, SQLite walks the status index
    /// through every open discrepancy of the store instead of seeking the subject's.
    /// </summary>
    public static IEnumerable<DiscrepancyEntry> StillOpen(this IEnumerable<DiscrepancyEntry> entries) => entries.Where(IsOpen);

    /// <summary>Discrepancies that involve the department's records.</summary>
    public static IQueryable<DiscrepancyEntry> Involving(this IQueryable<DiscrepancyEntry> query, Department department) =>
        department switch
        {
            Department.Relocation => query.Where(d => d.InvolvesRelocation),
            Department.HumanResources => query.Where(d => d.InvolvesHumanResources),
            Department.CivilAffairs => query.Where(d => d.InvolvesCivilAffairs),
            _ => query.Where(d => false),
        };

    public static bool Involves(this DiscrepancyEntry entry, Department department) => department switch
    {
        Department.Relocation => entry.InvolvesRelocation,
        Department.HumanResources => entry.InvolvesHumanResources,
        Department.CivilAffairs => entry.InvolvesCivilAffairs,
        _ => false,
    };
}
