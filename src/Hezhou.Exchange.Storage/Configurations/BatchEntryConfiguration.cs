using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hezhou.Exchange.Storage.Configurations;

internal sealed class BatchEntryConfiguration : IEntityTypeConfiguration<BatchEntry>
{
    public void Configure(EntityTypeBuilder<BatchEntry> builder)
    {
        builder.ToTable("batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.BatchId).HasMaxLength(ColumnLengths.BatchId);
        builder.Property(b => b.Principal).HasMaxLength(ColumnLengths.Principal);
        builder.Property(b => b.ContentDigest).HasMaxLength(ColumnLengths.Digest).IsUnicode(false);
        // The idempotency key is unique per department: a racing replay fails here and is answered from the winner.
        builder.HasIndex(b => new { b.Department, b.BatchId }).IsUnique();
    }
}
