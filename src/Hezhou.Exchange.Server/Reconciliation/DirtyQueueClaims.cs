using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>
/// How a reconciler takes its work, so that every server process on one store may reconcile without coordinating with
/// the others. Each method runs inside the reconciler's write transaction, and what it claims is held until that
/// transaction ends.
/// </summary>
/// <remarks>
/// <para>
/// SQLite: a write transaction holds the file's only write lock from its first statement, so no two reconcilers ever
/// run at once, in one process or in several. Entries are read oldest first, and the unit and site claims do nothing.
/// </para>
/// <para>
/// SQL Server: entries are claimed with UPDLOCK, READPAST and ROWLOCK: two reconcilers take disjoint entries, and
/// neither waits for the other's entries nor for those of a batch still being written. Entries claimed by two
/// reconcilers may still touch one household (a household's entry in one, a member's employment in the other), so a
/// reconciler then takes an exclusive application lock (sp_getapplock, owned by the transaction) on every unit before
/// it reads the unit, and on every site whose indicator sums it changes before it reads the sums: the second reconciler
/// of a unit reads it after the first has committed. Units are claimed before sites, and each in one order, so two
/// reconcilers never wait for each other in a circle.
/// </para>
/// </remarks>
public sealed class DirtyQueueClaims(ExchangeDbContext db)
{
    private readonly TransactionLocks locks = new(db);

    /// <summary>The oldest entries no other transaction holds, locked until the claiming transaction ends.</summary>
    public const string SqlServerClaimSql =
        "SELECT TOP (@count) [Id], [EnqueuedAt], [SubjectKey], [SubjectKind] " +
        "FROM [dirty_queue] WITH (UPDLOCK, READPAST, ROWLOCK) ORDER BY [Id]";

    /// <summary>The query that claims up to <paramref name="count"/> entries, oldest first.</summary>
    public IQueryable<DirtySubject> EntriesQuery(int count) => db.Database.IsSqlServer()
        ? db.DirtyQueue.FromSqlRaw(SqlServerClaimSql, new SqlParameter("@count", count)).AsNoTracking()
        : db.DirtyQueue.AsNoTracking().OrderBy(d => d.Id).Take(count);

    /// <summary>Claims up to <paramref name="count"/> entries of the queue, oldest first.</summary>
    public Task<List<DirtySubject>> ClaimEntriesAsync(int count, CancellationToken cancellationToken) =>
        EntriesQuery(count).ToListAsync(cancellationToken);

    /// <summary>Claims the reconciliation units (household IDs, or unheld persons' keys) before they are read.</summary>
    public Task ClaimUnitsAsync(IEnumerable<string> unitKeys, CancellationToken cancellationToken) =>
        locks.ClaimAsync(TransactionLocks.Units, unitKeys, cancellationToken);

    /// <summary>Removes the entries whose units have been rebuilt.</summary>
    public async Task SettleAsync(IReadOnlyCollection<DirtySubject> entries, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlServer())
        {
            // Exactly the entries claimed: a later entry of the same subject may have been committed after its units
            // were read, and must stay queued for the next round.
            var ids = entries.Select(e => e.Id).ToList();
            await db.DirtyQueue.Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        // Every entry of these subjects is settled, not only those read: the transaction took the write lock before
        // reading, so whatever queued them was committed before, and the units were rebuilt from it.
        foreach (var kind in entries.Select(e => e.SubjectKind).Distinct())
        {
            var keys = entries.Where(e => e.SubjectKind == kind).Select(e => e.SubjectKey).Distinct().ToList();
            await db.DirtyQueue.Where(d => d.SubjectKind == kind && keys.Contains(d.SubjectKey)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
