using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hezhou.Exchange.Storage.Configurations;

internal sealed class SourceRecordConfiguration : IEntityTypeConfiguration<SourceRecord>
{
    public void Configure(EntityTypeBuilder<SourceRecord> builder)
    {
        builder.ToTable("source_records");
        builder.HasKey(r => new { r.Department, r.Kind, r.SourceKey });
        builder.Property(r => r.SourceKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(r => r.CurrentDigest).HasMaxLength(ColumnLengths.Digest).IsUnicode(false);
    }
}
