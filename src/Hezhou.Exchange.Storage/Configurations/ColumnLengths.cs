namespace Hezhou.Exchange.Storage.Configurations;

/// <summary>Column lengths shared by the entity configurations; the validators enforce the same bounds on input.</summary>
internal static class ColumnLengths
{
    public const int EnumName = 32;
    // Keys are bounded at 64 code points by validation; a code point may take two UTF-16 units.
    public const int SourceKey = 128;
    public const int BatchId = 128;
    public const int Principal = 100;
    public const int Digest = 64;
    public const int Method = 200;
    public const int Purpose = 200;
    public const int CitizenId = 18;
    public const int Name = 200;
    public const int Text = 400;
    /// <summary>A discrepancy key: rule slug, subject (up to a source key) and period.</summary>
    public const int DiscrepancyKey = 256;
    public const int Period = 32;
}
