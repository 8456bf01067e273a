using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hezhou.Exchange.Storage.Configurations;

internal sealed class AccessLogSubjectConfiguration : IEntityTypeConfiguration<AccessLogSubject>
{
    public void Configure(EntityTypeBuilder<AccessLogSubject> builder)
    {
        builder.ToTable("access_log_subjects");
        // Keyed by the entry, so that the last entry indexed is the key's last row.
        builder.HasKey(s => s.EntryId);
        builder.Property(s => s.EntryId).ValueGeneratedNever();
        builder.Property(s => s.Subject).HasMaxLength(ColumnLengths.SourceKey);
        builder.HasIndex(s => new { s.Subject, s.EntryId });
    }
}
