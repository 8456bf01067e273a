using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hezhou.Exchange.Storage.Configurations;

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("access_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Principal).HasMaxLength(ColumnLengths.Principal);
        builder.Property(a => a.Method).HasMaxLength(ColumnLengths.Method);
        builder.Property(a => a.Subject).HasMaxLength(ColumnLengths.SourceKey);
        builder.Property(a => a.Purpose).HasMaxLength(ColumnLengths.Purpose);
        builder.HasIndex(a => new { a.Subject, a.AccessedAt });
        builder.ConfigureLedgerColumns();
    }
}
