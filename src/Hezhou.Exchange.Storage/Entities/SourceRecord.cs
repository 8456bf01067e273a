using Hezhou.Exchange.Domain;

namespace Hezhou.Exchange.Storage.Entities;

/// <summary>
/// The current version of one source record: an index over <see cref="SourceVersion"/> so that ingestion decides
/// accepted or unchanged with one key lookup. Updated whenever a new version is appended.
/// </summary>
public sealed class SourceRecord
{
    public Department Department { get; set; }
    public RecordKind Kind { get; set; }
    public required string SourceKey { get; set; }
    public long CurrentVersion { get; set; }
    public required string CurrentDigest { get; set; }
    public bool Withdrawn { get; set; }
}
