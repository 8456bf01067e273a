using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hezhou.Exchange.Storage.Configurations;

internal sealed class QuarantinedRecordConfiguration : IEntityTypeConfiguration<QuarantinedRecord>
{
    public void Configure(EntityTypeBuilder<QuarantinedRecord> builder)
    {
        builder.ToTable("quarantine");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.BatchId).HasMaxLength(ColumnLengths.BatchId);
        builder.Property(q => q.Principal).HasMaxLength(ColumnLengths.Principal);
        builder.Property(q => q.SourceKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.HasIndex(q => new { q.Department, q.BatchId });
    }
}
