using System.Data.Common;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hezhou.Exchange.Server.Tests.Audit;

/// <summary>
/// A person's or a household's view is put together from several statements, and a reconciler round may commit between
/// two of them. Each view reads one snapshot of the store: a commit made after its first statement ran is not in it,
/// not even in part. Here the commit is made from another connection, by an interceptor, the moment the view's first
/// statement has run: it takes the spouse's employment away.
/// </summary>
public sealed class ViewSnapshotTests
{
    [Fact]
    public Task GetPerson_CommitAfterItsFirstRead_IsNotSeenByItsLaterReads() =>
        CommitAfterFirstReadAsync("FROM \"persons\"", async audit =>
        {
            var response = await audit.GetPersonAsync(
                new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose }, Deadlines.Call);

            Assert.Equal("EMP-0001", Assert.Single(response.Person.Employments).Source.SourceKey);
        });

    [Fact]
    public Task GetHousehold_CommitAfterItsFirstRead_IsNotSeenByItsLaterReads() =>
        CommitAfterFirstReadAsync("FROM \"households\"", async audit =>
        {
            var response = await audit.GetHouseholdAsync(
                new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = AuditData.Purpose }, Deadlines.Call);

            var spouse = Assert.Single(response.Household.Members, m => m.CitizenId == AuditData.Spouse);
            Assert.Equal("EMP-0001", Assert.Single(spouse.Employments).Source.SourceKey);
        });

    /// <summary>
    /// Runs <paramref name="view"/> against a store holding the spouse with one employment, that employment deleted
    /// by another connection right after the first statement reading <paramref name="from"/>; then reads the person
    /// again, and finds the employment gone: the snapshot ended with the call.
    /// </summary>
    private static async Task CommitAfterFirstReadAsync(string from, Func<AuditService.AuditServiceClient, Task> view)
    {
        var commit = new CommitAfterFirstRead(from);
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024, storeInterceptors: commit);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        var audit = app.Audit(DevelopmentKeys.AuditorWithPersonalData);
        commit.Arm(app.DatabasePath, AuditData.Spouse);

        await view(audit);

        Assert.True(commit.Committed);
        var after = await audit.GetPersonAsync(
            new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose }, Deadlines.Call);
        Assert.Empty(after.Person.Employments);
    }

    /// <summary>
    /// Once armed, deletes the person's employments from another connection, and commits, right after the first
    /// statement that reads from the given table has run.
    /// </summary>
    private sealed class CommitAfterFirstRead(string from) : DbCommandInterceptor
    {
        private string? databasePath;
        private string? citizenId;
        private int fired;

        public bool Committed { get; private set; }

        public void Arm(string path, string person)
        {
            databasePath = path;
            citizenId = person;
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (citizenId is not null && command.CommandText.Contains(from, StringComparison.Ordinal)
                && Interlocked.Exchange(ref fired, 1) == 0)
            {
                await using var other = new SqliteConnection($"Data Source={databasePath};Pooling=False");
                await other.OpenAsync(cancellationToken);
                await using var delete = other.CreateCommand();
                delete.CommandText = "DELETE FROM employments WHERE CitizenId = $id;";
                delete.Parameters.AddWithValue("$id", citizenId);
                Assert.Equal(1, await delete.ExecuteNonQueryAsync(cancellationToken));
                Committed = true;
            }
            return result;
        }
    }
}
