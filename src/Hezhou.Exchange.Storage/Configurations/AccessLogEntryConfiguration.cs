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
        // No index by subject here: each entry would land at random in it, one more page written per read before the
        // read may return. access_log_subjects indexes the log behind it, in batches (AccessLogIndex).
        builder.ConfigureLedgerColumns();
    }
}
