using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hezhou.Exchange.Storage.Configurations;

internal sealed class DirtySubjectConfiguration : IEntityTypeConfiguration<DirtySubject>
{
    public void Configure(EntityTypeBuilder<DirtySubject> builder)
    {
        builder.ToTable("dirty_queue");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.SubjectKey).HasMaxLength(ColumnLengths.SourceKey);
        builder.HasIndex(d => new { d.SubjectKind, d.SubjectKey });
    }
}
