using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hezhou.Exchange.Storage.Configurations;

internal sealed class SourceVersionConfiguration : IEntityTypeConfiguration<SourceVersion>
{
    public void Configure(EntityTypeBuilder<SourceVersion> builder)
    {
        builder.ToTable("source_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.SourceKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(v => v.ContentDigest).HasMaxLength(ColumnLengths.Digest).IsUnicode(false);
        builder.Property(v => v.BatchId).HasMaxLength(ColumnLengths.BatchId);
        builder.Property(v => v.Principal).HasMaxLength(ColumnLengths.Principal);
        builder.HasIndex(v => new { v.Department, v.Kind, v.SourceKey, v.Version }).IsUnique();
        builder.HasIndex(v => new { v.Department, v.BatchId });
        builder.ConfigureLedgerColumns();
    }
}
