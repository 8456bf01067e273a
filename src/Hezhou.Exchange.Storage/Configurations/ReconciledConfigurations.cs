using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hezhou.Exchange.Storage.Configurations;

internal sealed class SourceRecordSubjectConfiguration : IEntityTypeConfiguration<SourceRecordSubject>
{
    public void Configure(EntityTypeBuilder<SourceRecordSubject> builder)
    {
        builder.ToTable("source_record_subjects");
        builder.HasKey(s => new { s.Department, s.Kind, s.SourceKey, s.CitizenId });
        builder.Property(s => s.SourceKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(s => s.CitizenId).HasMaxLength(ColumnLengths.CitizenId).IsUnicode(false);
        builder.HasIndex(s => new { s.CitizenId, s.Kind });
    }
}

internal sealed class ReconciledSiteConfiguration : IEntityTypeConfiguration<ReconciledSite>
{
    public void Configure(EntityTypeBuilder<ReconciledSite> builder)
    {
        builder.ToTable("sites");
        builder.HasKey(s => s.SiteCode);
        builder.Property(s => s.SiteCode).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(s => s.Name).HasMaxLength(ColumnLengths.Name);
        builder.Property(s => s.CountyCode).HasMaxLength(6).IsUnicode(false);
    }
}

internal sealed class ReconciledHouseholdConfiguration : IEntityTypeConfiguration<ReconciledHousehold>
{
    public void Configure(EntityTypeBuilder<ReconciledHousehold> builder)
    {
        builder.ToTable("households");
        builder.HasKey(h => h.HouseholdId);
        builder.Property(h => h.HouseholdId).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(h => h.SiteCode).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(h => h.CountyCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(h => h.Address).HasMaxLength(ColumnLengths.Text);
        builder.HasIndex(h => h.SiteCode);
        builder.HasIndex(h => h.CountyCode);
    }
}

internal sealed class ReconciledPersonConfiguration : IEntityTypeConfiguration<ReconciledPerson>
{
    public void Configure(EntityTypeBuilder<ReconciledPerson> builder)
    {
        builder.ToTable("persons");
        builder.HasKey(p => p.CitizenId);
        builder.Property(p => p.CitizenId).HasMaxLength(ColumnLengths.CitizenId).IsUnicode(false);
        builder.Property(p => p.UnitKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(p => p.HouseholdId).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(p => p.SiteCode).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(p => p.CountyCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(p => p.Name).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(p => p.UnitKey);
        builder.HasIndex(p => p.HouseholdId);
    }
}

internal sealed class ReconciledEmploymentConfiguration : IEntityTypeConfiguration<ReconciledEmployment>
{
    public void Configure(EntityTypeBuilder<ReconciledEmployment> builder)
    {
        builder.ToTable("employments");
        builder.HasKey(e => e.SourceKey);
        builder.Property(e => e.SourceKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(e => e.UnitKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(e => e.CitizenId).HasMaxLength(ColumnLengths.CitizenId).IsUnicode(false);
        builder.Property(e => e.HouseholdId).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(e => e.EmployerName).HasMaxLength(ColumnLengths.Text);
        builder.Property(e => e.EmployerCreditCode).HasMaxLength(18).IsUnicode(false);
        builder.Property(e => e.LocationDetail).HasMaxLength(ColumnLengths.Text);
        builder.HasIndex(e => e.UnitKey);
        builder.HasIndex(e => e.CitizenId);
    }
}

internal sealed class ReconciledEntitlementConfiguration : IEntityTypeConfiguration<ReconciledEntitlement>
{
    public void Configure(EntityTypeBuilder<ReconciledEntitlement> builder)
    {
        builder.ToTable("entitlements");
        builder.HasKey(e => e.SourceKey);
        builder.Property(e => e.SourceKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(e => e.UnitKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(e => e.CitizenId).HasMaxLength(ColumnLengths.CitizenId).IsUnicode(false);
        builder.Property(e => e.HouseholdId).HasMaxLength(ColumnLengths.SourceKey);
        builder.HasIndex(e => e.UnitKey);
        builder.HasIndex(e => e.CitizenId);
    }
}

internal sealed class ReconciledPaymentConfiguration : IEntityTypeConfiguration<ReconciledPayment>
{
    public void Configure(EntityTypeBuilder<ReconciledPayment> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(p => p.SourceKey);
        builder.Property(p => p.SourceKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(p => p.UnitKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(p => p.EntitlementKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(p => p.CitizenId).HasMaxLength(ColumnLengths.CitizenId).IsUnicode(false);
        builder.Property(p => p.HouseholdId).HasMaxLength(ColumnLengths.SourceKey);
        builder.HasIndex(p => p.UnitKey);
        builder.HasIndex(p => p.EntitlementKey);
        builder.HasIndex(p => p.CitizenId);
    }
}

internal sealed class DiscrepancyEntryConfiguration : IEntityTypeConfiguration<DiscrepancyEntry>
{
    public void Configure(EntityTypeBuilder<DiscrepancyEntry> builder)
    {
        builder.ToTable("discrepancies");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Key).HasMaxLength(ColumnLengths.DiscrepancyKey);
        builder.Property(d => d.Subject).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(d => d.Period).HasMaxLength(ColumnLengths.Period).IsUnicode(false);
        builder.Property(d => d.UnitKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(d => d.HouseholdId).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(d => d.SiteCode).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(d => d.CountyCode).HasMaxLength(6).IsUnicode(false);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.HasIndex(d => d.UnitKey);
        builder.HasIndex(d => d.Subject);
        builder.HasIndex(d => d.HouseholdId);
        builder.HasIndex(d => new { d.Status, d.Rule });
        builder.HasMany(d => d.History).WithOne().HasForeignKey(e => e.DiscrepancyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiscrepancyEventConfiguration : IEntityTypeConfiguration<DiscrepancyEvent>
{
    public void Configure(EntityTypeBuilder<DiscrepancyEvent> builder)
    {
        builder.ToTable("discrepancy_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Principal).HasMaxLength(ColumnLengths.Principal);
        builder.Property(e => e.Note).HasMaxLength(1000);
    }
}
