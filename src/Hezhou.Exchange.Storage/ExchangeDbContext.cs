using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Storage;

/// <summary>The exchange's store: source versions, batches, quarantine, dirty queue and access log.</summary>
public sealed class ExchangeDbContext(DbContextOptions<ExchangeDbContext> options) : DbContext(options)
{
    public DbSet<SourceVersion> SourceVersions => Set<SourceVersion>();
    public DbSet<SourceRecord> SourceRecords => Set<SourceRecord>();
    public DbSet<BatchEntry> Batches => Set<BatchEntry>();
    public DbSet<QuarantinedRecord> Quarantine => Set<QuarantinedRecord>();
    public DbSet<DirtySubject> DirtyQueue => Set<DirtySubject>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ExchangeDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are always UTC; SQLite has no time zone and SQL Server's datetime2 keeps none either.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
