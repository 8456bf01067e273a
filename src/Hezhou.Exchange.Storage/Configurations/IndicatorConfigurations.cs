using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hezhou.Exchange.Storage.Configurations;

internal sealed class HouseholdIndicatorsConfiguration : IEntityTypeConfiguration<HouseholdIndicators>
{
    public void Configure(EntityTypeBuilder<HouseholdIndicators> builder)
    {
        builder.ToTable("household_indicators");
        builder.HasKey(h => h.HouseholdId);
        builder.Property(h => h.HouseholdId).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(h => h.SiteCode).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(h => h.CountyCode).HasMaxLength(6).IsUnicode(false);
        builder.HasIndex(h => h.SiteCode);
        builder.HasIndex(h => h.AsOf);
    }
}

internal sealed class IndicatorSumsConfiguration : IEntityTypeConfiguration<IndicatorSums>
{
    public void Configure(EntityTypeBuilder<IndicatorSums> builder)
    {
        builder.ToTable("indicator_sums");
        builder.HasKey(s => s.Scope);
        // "site:" and a site code at most.
        builder.Property(s => s.Scope).HasMaxLength(ColumnLengths.SourceKey + 8);
    }
}
