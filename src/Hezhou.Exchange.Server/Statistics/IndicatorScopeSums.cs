using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Server.Reconciliation;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;

namespace Hezhou.Exchange.Server.Statistics;

/// <summary>
/// The sums of some scopes being changed: households taken out and put in, each with the day its tally is of. A
/// sum moves to a later day with the first household tallied for it, and counts for that day once all are. The
/// tallies put in and taken out are summed in one pass per scope (<see cref="IndicatorTally.Sum"/>), a thousand at
/// a time: added to the city's sum one by one, each would copy its counts for every site.
/// </summary>
internal sealed class IndicatorScopeSums(IReadOnlyList<IndicatorSums> rows)
{
    internal const int FoldEvery = 1_000;

    private readonly Dictionary<string, IndicatorSums> rows = rows.ToDictionary(r => r.Scope, StringComparer.Ordinal);
    private readonly Dictionary<string, IndicatorTally> tallies = rows.ToDictionary(
        r => r.Scope, r => StoredJson.Read<IndicatorTally>(r.Tally), StringComparer.Ordinal);
    private readonly Dictionary<string, List<IndicatorTally>> putIn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IndicatorTally>> takenOut = new(StringComparer.Ordinal);
    private readonly HashSet<string> added = new(StringComparer.Ordinal);

    public void Subtract(IEnumerable<string> scopes, IndicatorTally tally, DateOnly asOf)
    {
        foreach (var scope in scopes)
        {
            var row = rows[scope];
            Stage(takenOut, scope, tally);
            row.Households--;
            row.HouseholdsOfAsOf -= asOf == row.AsOf ? 1 : 0;
        }
    }

    public void Add(IEnumerable<string> scopes, IndicatorTally tally, DateOnly asOf)
    {
        foreach (var scope in scopes)
        {
            if (!rows.TryGetValue(scope, out var row))
            {
                row = rows[scope] = new IndicatorSums { Scope = scope, AsOf = asOf, Tally = "" };
                tallies[scope] = IndicatorTally.Zero;
                added.Add(scope);
            }
            if (row.AsOf < asOf)
            {
                // The first tally of a new day: the sum counts for it once every household has been refreshed.
                row.AsOf = asOf;
                row.HouseholdsOfAsOf = 0;
            }
            Stage(putIn, scope, tally);
            row.Households++;
            row.HouseholdsOfAsOf += asOf == row.AsOf ? 1 : 0;
        }
    }

    /// <summary>The scope's sum as it stands, with what was put in and taken out so far.</summary>
    public IndicatorTally TallyOf(string scope)
    {
        Fold(scope);
        return tallies[scope];
    }

    /// <summary>The scope's row, its household counts up to date.</summary>
    public IndicatorSums RowOf(string scope) => rows[scope];

    /// <summary>Stages the changed rows in the context (tracked rows are updated in place); returns how many.</summary>
    public int WriteTo(ExchangeDbContext db)
    {
        foreach (var (scope, row) in rows)
        {
            row.Tally = StoredJson.Write(TallyOf(scope));
            if (added.Contains(scope))
            {
                if (row.Households > 0)
                {
                    db.IndicatorSums.Add(row);
                }
            }
            else if (row.Households == 0)
            {
                db.IndicatorSums.Remove(row);
            }
        }
        return rows.Count;
    }

    private void Stage(Dictionary<string, List<IndicatorTally>> staged, string scope, IndicatorTally tally)
    {
        if (!staged.TryGetValue(scope, out var list))
        {
            list = staged[scope] = [];
        }
        list.Add(tally);
        if (list.Count >= FoldEvery)
        {
            Fold(scope);
        }
    }

    /// <summary>Adds what was put in to the scope's sum and takes out what was taken out, and clears both.</summary>
    private void Fold(string scope)
    {
        var plus = putIn.GetValueOrDefault(scope) ?? [];
        var minus = takenOut.GetValueOrDefault(scope) ?? [];
        if (plus.Count + minus.Count == 0)
        {
            return;
        }
        tallies[scope] = IndicatorTally.Sum([tallies[scope], .. plus]).Subtract(IndicatorTally.Sum(minus));
        plus.Clear();
        minus.Clear();
    }
}
