using System.Globalization;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Ledger;

/// <summary>A row kept beside a chain whose reference into it does not resolve: its table, its Id (0 if it has none) and what was found.</summary>
public sealed record ReferenceBreak(V1.LedgerBreakKind Kind, string Table, long RowId, long Count, string Description);

/// <summary>
/// The rows kept beside the chains that point into them, checked against the chained rows. They are not chained
/// themselves, so a consistent rewrite of a chain's tail and its head, with no anchor to show it, would pass the walk
/// of the chain alone: the rows that still name the removed versions show it. And the access log's index by subject,
/// which look-ups by subject read, would hide a read if it were rewritten: it is rebuilt from the entries and compared.
/// Each check is one query that counts the rows it finds and, if any, one that reads the first to name it.
/// </summary>
public static class LedgerReferences
{
    private const string SourceRecords = "source_records";
    private const string Batches = "batches";

    /// <summary>What points into <c>source_versions</c>: source records, their subjects, batches and the reconciled tables, and back.</summary>
    public static async Task<List<ReferenceBreak>> SourceVersionsAsync(ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var found = new List<ReferenceBreak>();
        var versions = db.SourceVersions.AsNoTracking();
        var records = db.SourceRecords.AsNoTracking();

        // Every version is appended with its record's head moved to it, in one transaction: the head names a version
        // the chain holds, with its digest and withdrawal.
        await CheckAsync(found, SourceRecords,
            records.Where(r => !versions.Any(v => v.Department == r.Department && v.Kind == r.Kind && v.SourceKey == r.SourceKey
                && v.Version == r.CurrentVersion && v.ContentDigest == r.CurrentDigest && v.Withdrawn == r.Withdrawn)),
            q => q.OrderBy(r => r.Department).ThenBy(r => r.Kind).ThenBy(r => r.SourceKey),
            async r =>
            {
                var stored = await versions.AnyAsync(v => v.Department == r.Department && v.Kind == r.Kind
                    && v.SourceKey == r.SourceKey && v.Version == r.CurrentVersion, cancellationToken);
                return (0, $"{Key(r.Department, r.Kind, r.SourceKey)}: its current version {r.CurrentVersion} " + (stored
                    ? "differs from that version in source_versions (digest or withdrawal)"
                    : "is not in source_versions: the version was removed"));
            },
            cancellationToken);

        // And no version lies beyond its record's head, or without a record: a record removed or moved back.
        await CheckAsync(found, SourceRecords,
            versions.Where(v => !records.Any(r => r.Department == v.Department && r.Kind == v.Kind && r.SourceKey == v.SourceKey
                && r.CurrentVersion >= v.Version)),
            q => q.OrderBy(v => v.Id),
            async v =>
            {
                var current = await records
                    .Where(r => r.Department == v.Department && r.Kind == v.Kind && r.SourceKey == v.SourceKey)
                    .Select(r => (long?)r.CurrentVersion).FirstOrDefaultAsync(cancellationToken);
                return (0, $"{Key(v.Department, v.Kind, v.SourceKey)}: " + (current is { } version
                    ? $"its current version is {version}, but source_versions Id {Id(v.Id)} is its version {v.Version}"
                    : $"no such record, but source_versions Id {Id(v.Id)} is its version {v.Version}: the record was removed"));
            },
            cancellationToken);

        // A record's subjects are rewritten with each version, and none is kept for a withdrawn record.
        await CheckAsync(found, "source_record_subjects",
            db.SourceRecordSubjects.AsNoTracking().Where(s => !records.Any(r => r.Department == s.Department && r.Kind == s.Kind
                && r.SourceKey == s.SourceKey && !r.Withdrawn)),
            q => q.OrderBy(s => s.Department).ThenBy(s => s.Kind).ThenBy(s => s.SourceKey).ThenBy(s => s.CitizenId),
            // The citizen ID is personal data, and an administrator may verify without seeing any.
            s => Task.FromResult((0L, $"{Key(s.Department, s.Kind, s.SourceKey)}: a subject of a record that source_records "
                + "does not hold, or holds withdrawn")),
            cancellationToken);

        // A batch is stored with its versions in one transaction: as many versions as it accepted, and its counts add up.
        await CheckAsync(found, Batches,
            db.Batches.AsNoTracking().Where(b => b.AcceptedCount != versions.Count(v => v.Department == b.Department && v.BatchId == b.BatchId)
                || b.RecordCount != b.AcceptedCount + b.UnchangedCount + b.RejectedCount),
            q => q.OrderBy(b => b.Id),
            async b =>
            {
                var stored = await versions.CountAsync(v => v.Department == b.Department && v.BatchId == b.BatchId, cancellationToken);
                return (b.Id, $"batch {b.Department} \"{b.BatchId}\" " + (stored != b.AcceptedCount
                    ? $"accepted {Count(b.AcceptedCount, "record")}, but source_versions holds {Count(stored, "version")} of it"
                    : $"received {Count(b.RecordCount, "record")}, but accepted, unchanged and rejected add up to "
                        + (b.AcceptedCount + b.UnchangedCount + b.RejectedCount).ToString(CultureInfo.InvariantCulture)));
            },
            cancellationToken);
        await CheckAsync(found, Batches,
            versions.Where(v => !db.Batches.Any(b => b.Department == v.Department && b.BatchId == v.BatchId)),
            q => q.OrderBy(v => v.Id),
            v => Task.FromResult((0L, $"no batch {v.Department} \"{v.BatchId}\", but source_versions Id {Id(v.Id)} was received in it")),
            cancellationToken);

        // Each reconciled row names the version it was built from, which stays in the chain once appended.
        await ReconciledAsync(found, "sites", db.Sites.AsNoTracking()
            .Select(s => new VersionReference { Key = s.SiteCode, Version = s.SourceVersion }), RecordKind.Site, versions, cancellationToken);
        await ReconciledAsync(found, "households", db.Households.AsNoTracking()
            .Select(h => new VersionReference { Key = h.HouseholdId, Version = h.SourceVersion }), RecordKind.Household, versions, cancellationToken);
        await ReconciledAsync(found, "employments", db.Employments.AsNoTracking()
            .Select(e => new VersionReference { Key = e.SourceKey, Version = e.Version }), RecordKind.Employment, versions, cancellationToken);
        await ReconciledAsync(found, "entitlements", db.Entitlements.AsNoTracking()
            .Select(e => new VersionReference { Key = e.SourceKey, Version = e.Version }), RecordKind.WelfareEntitlement, versions, cancellationToken);
        await ReconciledAsync(found, "payments", db.Payments.AsNoTracking()
            .Select(p => new VersionReference { Key = p.SourceKey, Version = p.Version }), RecordKind.WelfarePayment, versions, cancellationToken);
        return found;
    }

    /// <summary>
    /// The access log's index by subject against the entries it indexes. Batches are indexed in the log's order and
    /// committed whole, so every entry up to the last one indexed has its row, with its subject; entries after it are
    /// the tail that look-ups read from the log itself.
    /// </summary>
    public static async Task<List<ReferenceBreak>> AccessLogAsync(ExchangeDbContext log, CancellationToken cancellationToken)
    {
        const string Index = "access_log_subjects";
        var found = new List<ReferenceBreak>();
        var entries = log.AccessLog.AsNoTracking();
        var index = log.AccessLogSubjects.AsNoTracking();
        // The last entry indexed, read first: whatever is indexed meanwhile, every entry up to it is indexed already.
        var through = await index.MaxAsync(s => (long?)s.EntryId, cancellationToken) ?? 0;

        // The subject is personal data, and an administrator may verify without seeing any: the descriptions name keys.
        await CheckAsync(found, Index,
            index.Where(s => !entries.Any(a => a.Id == s.EntryId && a.Subject == s.Subject)),
            q => q.OrderBy(s => s.EntryId),
            async s => (s.EntryId, await entries.AnyAsync(a => a.Id == s.EntryId, cancellationToken)
                ? $"EntryId {Id(s.EntryId)} indexes access_log Id {Id(s.EntryId)} under another subject than the entry's: "
                    + "ListAccessLog would show the read as another person's and hide it from its subject's"
                : $"EntryId {Id(s.EntryId)} indexes no entry of access_log"
                    + (s.EntryId == through ? ", and as the last row indexed it hides the log's unindexed tail from ListAccessLog" : "")),
            cancellationToken);
        await CheckAsync(found, Index,
            entries.Where(a => a.Id <= through && !index.Any(s => s.EntryId == a.Id)),
            q => q.OrderBy(a => a.Id),
            a => Task.FromResult((a.Id, $"access_log Id {Id(a.Id)} is not indexed, though entries after it are: "
                + "ListAccessLog would hide the read from its subject")),
            cancellationToken);
        return found;
    }

    private static Task ReconciledAsync(
        List<ReferenceBreak> found, string table, IQueryable<VersionReference> rows, RecordKind kind,
        IQueryable<SourceVersion> versions, CancellationToken cancellationToken)
    {
        var department = RecordAuthority.DepartmentFor(kind);
        return CheckAsync(found, table,
            rows.Where(r => !versions.Any(v => v.Department == department && v.Kind == kind && v.SourceKey == r.Key && v.Version == r.Version)),
            q => q.OrderBy(r => r.Key),
            r => Task.FromResult((0L, $"\"{r.Key}\": built from version {r.Version} of {Key(department, kind, r.Key)}, "
                + "which is not in source_versions: the version was removed")),
            cancellationToken);
    }

    /// <summary>A reconciled row by its key, and the version of its source record it was built from.</summary>
    private sealed class VersionReference
    {
        public required string Key { get; init; }
        public long Version { get; init; }
    }

    private static async Task CheckAsync<T>(
        List<ReferenceBreak> found, string table, IQueryable<T> broken, Func<IQueryable<T>, IQueryable<T>> order,
        Func<T, Task<(long RowId, string Description)>> describe, CancellationToken cancellationToken)
    {
        var count = await broken.LongCountAsync(cancellationToken);
        if (count == 0)
        {
            return;
        }
        var (rowId, description) = await describe(await order(broken).FirstAsync(cancellationToken));
        var kind = table == "access_log_subjects" ? V1.LedgerBreakKind.IndexMismatch : V1.LedgerBreakKind.ReferenceBroken;
        var more = count == 1 ? "" : $" ({Count(count, "row")} of {table} in all; this one first)";
        found.Add(new ReferenceBreak(kind, table, rowId, count, $"{table} {description}{more}"));
    }

    private static string Key(Department department, RecordKind kind, string sourceKey) => $"{department} {kind} \"{sourceKey}\"";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Count(long count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}s";
}
