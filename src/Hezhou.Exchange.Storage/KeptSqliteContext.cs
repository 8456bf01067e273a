using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// Options for a context that works on a SQLite connection of its own, kept open from one unit of work to the next,
/// rather than on one taken from the pool for each: what the connection has prepared and the pages it has read stay
/// with it. The options are the server's own (provider, migrations, interceptors) with that connection in place of the
/// connection string; the context owns the connection and closes it when disposed.
/// </summary>
public static class KeptSqliteContext
{
    /// <param name="shared">The server's options.</param>
    /// <param name="connection">A connection of the context's own, from <see cref="NewConnection"/>.</param>
    /// <param name="retrying">
    /// Whether units of work are run again when the store is busy, as the server's are. A context that only reads does
    /// without: then EF Core streams a result rather than buffering it in case it must be read again.
    /// </param>
    public static DbContextOptionsBuilder<ExchangeDbContext> Options(
        DbContextOptions<ExchangeDbContext> shared, SqliteConnection connection, bool retrying) =>
        StorageRegistration.WithConnection(shared, relational =>
        {
            var own = relational.WithConnectionString(null).WithConnection(connection, owned: true);
            return retrying ? own : own.WithExecutionStrategyFactory(dependencies => new NonRetryingExecutionStrategy(dependencies));
        });

    /// <summary>A new, closed connection to the store the server's options name.</summary>
    public static SqliteConnection NewConnection(DbContextOptions<ExchangeDbContext> shared) =>
        new(RelationalOptionsExtension.Extract(shared).ConnectionString);
}
