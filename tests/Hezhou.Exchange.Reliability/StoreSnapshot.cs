using System.Text.Json.Nodes;
using Hezhou.Exchange.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Reliability;

/// <summary>
/// What a store holds once the departments' systems are done and the reconciler has taken everything: the digest of
/// the reconciled store and its discrepancies, and line by line every source version, every source record's current
/// version, every batch's counts, every quarantined record with its raw bytes, and the indicator sums per site. Nothing
/// that depends on when a record arrived (times, ids, the order of keys in a sum's JSON) is in it, so two runs of the
/// same records compare equal.
/// </summary>
public sealed record StoreSnapshot(
    string ReconciledDigest,
    IReadOnlyList<string> Versions,
    IReadOnlyList<string> Heads,
    IReadOnlyList<string> Batches,
    IReadOnlyList<string> Quarantine,
    IReadOnlyList<string> IndicatorSums,
    int QueueLength,
    int OpenDiscrepancies)
{
    public static async Task<StoreSnapshot> ReadAsync(string databasePath)
    {
        await using var store = Open(databasePath);
        var versions = await store.SourceVersions.AsNoTracking()
            .OrderBy(v => v.Department).ThenBy(v => v.Kind).ThenBy(v => v.SourceKey).ThenBy(v => v.Version)
            .Select(v => new { v.Department, v.Kind, v.SourceKey, v.Version, v.ContentDigest, v.Withdrawn, v.BatchId, v.RecordIndex })
            .ToListAsync();
        var heads = await store.SourceRecords.AsNoTracking()
            .OrderBy(r => r.Department).ThenBy(r => r.Kind).ThenBy(r => r.SourceKey)
            .ToListAsync();
        var batches = await store.Batches.AsNoTracking().OrderBy(b => b.Department).ThenBy(b => b.BatchId).ToListAsync();
        var quarantine = await store.Quarantine.AsNoTracking()
            .OrderBy(q => q.Department).ThenBy(q => q.BatchId).ThenBy(q => q.RecordIndex)
            .ToListAsync();
        var sums = await store.IndicatorSums.AsNoTracking().OrderBy(s => s.Scope).ToListAsync();
        return new StoreSnapshot(
            await StoreDigest.ComputeAsync(store),
            [.. versions.Select(v => $"{v.Department}|{v.Kind}|{v.SourceKey}|{v.Version}|{v.ContentDigest}|{v.Withdrawn}|{v.BatchId}|{v.RecordIndex}")],
            [.. heads.Select(h => $"{h.Department}|{h.Kind}|{h.SourceKey}|{h.CurrentVersion}|{h.CurrentDigest}|{h.Withdrawn}")],
            [.. batches.Select(b => $"{b.Department}|{b.BatchId}|{b.ContentDigest}|{b.RecordCount}|{b.AcceptedCount}|{b.UnchangedCount}|{b.RejectedCount}")],
            [.. quarantine.Select(q => $"{q.Department}|{q.BatchId}|{q.RecordIndex}|{q.Kind}|{q.SourceKey}|{Convert.ToHexString(q.RawBytes)}|{q.Violations}")],
            [.. sums.Select(s => $"{s.Scope}|{s.AsOf}|{s.Households}|{s.HouseholdsOfAsOf}|{Canonical(s.Tally)}")],
            await store.DirtyQueue.CountAsync(),
            await store.Discrepancies.CountAsync(d => d.Status == Domain.Reconciliation.DiscrepancyStatus.Open));
    }

    /// <summary>What differs from <paramref name="expected"/>, one line per table; empty when the stores agree.</summary>
    public IReadOnlyList<string> DifferencesFrom(StoreSnapshot expected)
    {
        var differences = new List<string>();
        if (ReconciledDigest != expected.ReconciledDigest)
        {
            differences.Add($"reconciled store and discrepancies: digest {ReconciledDigest}, expected {expected.ReconciledDigest}");
        }
        Compare(differences, "source versions", Versions, expected.Versions);
        Compare(differences, "current versions", Heads, expected.Heads);
        Compare(differences, "batches", Batches, expected.Batches);
        Compare(differences, "quarantine", Quarantine, expected.Quarantine);
        Compare(differences, "indicator sums per scope", IndicatorSums, expected.IndicatorSums);
        if (QueueLength != 0)
        {
            differences.Add($"dirty queue: {QueueLength} entries left");
        }
        if (Versions.Select(Key).Distinct().Count() != Versions.Count)
        {
            differences.Add("source versions: a (department, kind, key, version) stored twice");
        }
        return differences;
    }

    /// <summary>A quick look at a killed server's store: a copy is read, so the server restarts on the file as it was left.</summary>
    public static async Task<(int Batches, int Versions, int Queued)> ReadKilledAsync(string databasePath)
    {
        var copy = TestPaths.NewDatabasePath();
        try
        {
            File.Copy(databasePath, copy);
            if (File.Exists(databasePath + "-wal"))
            {
                File.Copy(databasePath + "-wal", copy + "-wal");
            }
            await using var store = Open(copy);
            return (await store.Batches.CountAsync(), await store.SourceVersions.CountAsync(), await store.DirtyQueue.CountAsync());
        }
        finally
        {
            TestPaths.DeleteDatabase(copy);
        }
    }

    private static ExchangeDbContext Open(string databasePath) =>
        new(new DbContextOptionsBuilder<ExchangeDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString())
            .Options);

    /// <summary>
    /// The JSON with every object's keys in order: a sum's keys are in the order its parts were first added, which
    /// differs between two runs whose records arrived in another order, though the sums are the same.
    /// </summary>
    private static string Canonical(string json) => Canonical(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject value => new JsonObject(value
            .OrderBy(property => property.Key, StringComparer.Ordinal)
            .Select(property => KeyValuePair.Create(property.Key, Canonical(property.Value)))),
        JsonArray items => new JsonArray([.. items.Select(Canonical)]),
        _ => node?.DeepClone(),
    };

    private static string Key(string versionLine) => string.Join('|', versionLine.Split('|').Take(4));

    private static void Compare(List<string> differences, string table, IReadOnlyList<string> actual, IReadOnlyList<string> expected)
    {
        if (actual.SequenceEqual(expected))
        {
            return;
        }
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        differences.Add(
            $"{table}: {actual.Count:N0} rows, expected {expected.Count:N0}; {missing.Count:N0} missing " +
            $"(first: {missing.FirstOrDefault() ?? "none"}), {extra.Count:N0} not expected (first: {extra.FirstOrDefault() ?? "none"})");
    }
}
