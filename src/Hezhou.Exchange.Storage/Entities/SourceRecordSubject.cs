using Hezhou.Exchange.Domain;

namespace Hezhou.Exchange.Storage.Entities;

/// <summary>
/// A citizen ID that the current version of a source record names: each member of a household, the person of an
/// employment or welfare record. Rewritten with every new version (none for a withdrawn record), so the reconciler
/// finds a person's households and records with one indexed look-up.
/// </summary>
public sealed class SourceRecordSubject
{
    public Department Department { get; set; }
    public RecordKind Kind { get; set; }
    public required string SourceKey { get; set; }
    public required string CitizenId { get; set; }
}
