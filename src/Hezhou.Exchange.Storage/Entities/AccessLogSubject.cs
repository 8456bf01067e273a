namespace Hezhou.Exchange.Storage.Entities;

/// <summary>
/// The access log's index by subject: one row per entry, written behind the log in batches rather than with each entry
/// (<see cref="AccessLogIndex"/>). Derived data: every row repeats its entry's own key and subject.
/// </summary>
public sealed class AccessLogSubject
{
    /// <summary>The entry's <see cref="AccessLogEntry.Id"/>.</summary>
    public long EntryId { get; set; }

    /// <summary>The entry's <see cref="AccessLogEntry.Subject"/>.</summary>
    public required string Subject { get; set; }
}
