using Hezhou.Exchange.Domain;

namespace Hezhou.Exchange.Storage.Entities;

/// <summary>A rejected record, kept with its raw bytes and the rules it broke. Bad input is never lost.</summary>
public sealed class QuarantinedRecord
{
    public long Id { get; set; }
    public Department Department { get; set; }
    public required string BatchId { get; set; }
    public int RecordIndex { get; set; }
    public required string Principal { get; set; }
    /// <summary>The record's source_key as sent, cut to the column's length; empty when none was sent.</summary>
    public required string SourceKey { get; set; }
    public RecordKind Kind { get; set; }
    public required byte[] RawBytes { get; set; }
    /// <summary>The violations as a JSON array of {field, rule, description}.</summary>
    public required string Violations { get; set; }
    public DateTime ReceivedAt { get; set; }
}
