using Hezhou.Exchange.Storage.Configurations;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Storage;

/// <summary>The exchange's store: source versions, batches, quarantine, dirty queue, access log and ledger heads.</summary>
public sealed class ExchangeDbContext(DbContextOptions<ExchangeDbContext> options) : DbContext(options)
{
    public DbSet<SourceVersion> SourceVersions => Set<SourceVersion>();
    public DbSet<SourceRecord> SourceRecords => Set<SourceRecord>();
    public DbSet<BatchEntry> Batches => Set<BatchEntry>();
    public DbSet<QuarantinedRecord> Quarantine => Set<QuarantinedRecord>();
    public DbSet<DirtySubject> DirtyQueue => Set<DirtySubject>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<AccessLogSubject> AccessLogSubjects => Set<AccessLogSubject>();
    public DbSet<SourceRecordSubject> SourceRecordSubjects => Set<SourceRecordSubject>();
    public DbSet<ReconciledSite> Sites => Set<ReconciledSite>();
    public DbSet<ReconciledHousehold> Households => Set<ReconciledHousehold>();
    public DbSet<ReconciledPerson> Persons => Set<ReconciledPerson>();
    public DbSet<ReconciledEmployment> Employments => Set<ReconciledEmployment>();
    public DbSet<ReconciledEntitlement> Entitlements => Set<ReconciledEntitlement>();
    public DbSet<ReconciledPayment> Payments => Set<ReconciledPayment>();
    public DbSet<DiscrepancyEntry> Discrepancies => Set<DiscrepancyEntry>();
    public DbSet<DiscrepancyEvent> DiscrepancyEvents => Set<DiscrepancyEvent>();
    public DbSet<HouseholdIndicators> HouseholdIndicators => Set<HouseholdIndicators>();
    public DbSet<IndicatorSums> IndicatorSums => Set<IndicatorSums>();
    public DbSet<LedgerHead> LedgerHeads => Set<LedgerHead>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ExchangeDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are always UTC; SQLite has no time zone and SQL Server's datetime2 keeps none either.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Enums are stored by name: readable in the database and safe against renumbering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(ColumnLengths.EnumName);
    }
}
