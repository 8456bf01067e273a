using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Storage.Entities;

/// <summary>
/// A subject waiting for reconciliation, written in the same transaction as the source versions that touched it,
/// so a crash between acknowledgement and reconciliation loses nothing. A subject may be queued more than once;
/// the reconciler takes all its entries up to the highest id it has read.
/// </summary>
public sealed class DirtySubject
{
    public long Id { get; set; }
    public SubjectKind SubjectKind { get; set; }
    public required string SubjectKey { get; set; }
    public DateTime EnqueuedAt { get; set; }
}
