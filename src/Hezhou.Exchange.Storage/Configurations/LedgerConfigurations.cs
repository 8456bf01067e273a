using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hezhou.Exchange.Storage.Configurations;

internal sealed class LedgerHeadConfiguration : IEntityTypeConfiguration<LedgerHead>
{
    public void Configure(EntityTypeBuilder<LedgerHead> builder)
    {
        builder.ToTable("ledger_heads");
        builder.HasKey(h => h.Chain);
        builder.Property(h => h.Chain).HasMaxLength(ColumnLengths.EnumName).IsUnicode(false);
        builder.Property(h => h.Hash).HasMaxLength(ColumnLengths.Digest).IsUnicode(false);
        // Every chain has its head row from the start, so that appending only ever locks and moves an existing row.
        builder.HasData(LedgerChains.All.Select(chain => new LedgerHead { Chain = chain, Sequence = 0, Hash = LedgerChains.Genesis }));
    }
}

/// <summary>The ledger columns every chained table has.</summary>
internal static class LedgerColumns
{
    public static void ConfigureLedgerColumns<T>(this EntityTypeBuilder<T> builder) where T : class, IChainedRow
    {
        builder.Property(r => r.LedgerPreviousHash).HasMaxLength(ColumnLengths.Digest).IsUnicode(false);
        builder.Property(r => r.LedgerHash).HasMaxLength(ColumnLengths.Digest).IsUnicode(false);
        // Verification walks a chain in sequence order by this index; unique, so that a chain cannot fork in the store.
        builder.HasIndex(r => r.LedgerSequence).IsUnique();
    }
}
