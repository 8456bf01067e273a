using Google.Rpc;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Audit;

/// <summary>
/// The 疑义校核 loop on one discrepancy: an auditor acknowledges or waives it, a department whose records it involves
/// answers it. Every step is added to the discrepancy's history. Discrepancies are named by their key, in full or as
/// a caller without the personal-data scope sees it.
/// </summary>
public sealed class DiscrepancyReview(ExchangeDbContext db, StoreWriteGate writeGate, TimeProvider clock)
{
    public const int MaximumNoteLength = 1000;

    public async Task<V1.UpdateDiscrepancyResponse> UpdateAsync(
        Caller caller, V1.UpdateDiscrepancyRequest request, CancellationToken cancellationToken)
    {
        var violations = new AuditArguments.Violations();
        violations.Required("key", request.Key);
        violations.RequiredEnum("action", request.Action);
        violations.MaximumLength("note", request.Note, MaximumNoteLength);
        violations.Text("note", request.Note);
        if (request.Action == V1.DiscrepancyAction.Waive && Domain.Submissions.FreeText.VisibleLength(request.Note) == 0)
        {
            violations.Add("note", "is required to waive: say why the discrepancy is waived");
        }
        violations.ThrowIfAny();

        await using var transaction = await writeGate.BeginAsync(db, cancellationToken, WriteSize.Small);
        var entry = await FindAsync(request.Key, cancellationToken);
        if (!DiscrepancyLifecycle.TryAct(entry.Status, request.Action.ToDomain(), request.Note, out var next, out var refusal))
        {
            throw NotAllowed(refusal);
        }

        await MoveAsync(entry, next, cancellationToken);
        db.DiscrepancyEvents.Add(new DiscrepancyEvent
        {
            DiscrepancyId = entry.Id,
            At = clock.GetUtcNow().UtcDateTime,
            Principal = caller.Name,
            Status = next,
            Note = request.Note,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new V1.UpdateDiscrepancyResponse { Discrepancy = await ReadAsync(entry.Id, caller, cancellationToken) };
    }

    public async Task<V1.AnswerDiscrepancyResponse> AnswerAsync(
        Caller caller, V1.AnswerDiscrepancyRequest request, CancellationToken cancellationToken)
    {
        var violations = new AuditArguments.Violations();
        violations.Required("key", request.Key);
        violations.RequiredEnum("answer", request.Answer);
        violations.Required("reason", request.Reason);
        violations.MaximumLength("reason", request.Reason, MaximumNoteLength);
        violations.Text("reason", request.Reason);
        violations.ThrowIfAny();

        await using var transaction = await writeGate.BeginAsync(db, cancellationToken, WriteSize.Small);
        var entry = await FindAsync(request.Key, cancellationToken);
        if (!entry.Involves(caller.Department))
        {
            throw ExchangeErrors.Create(
                Code.PermissionDenied, ErrorReasons.DepartmentNotPermitted,
                $"The discrepancy does not involve {caller.Department}'s records; only the departments it involves answer it.",
                new Dictionary<string, string> { ["department"] = caller.Department.ToString() });
        }
        if (!DiscrepancyLifecycle.CanAnswer(entry.Status))
        {
            throw NotAllowed($"a discrepancy with status {entry.Status} can no longer be answered");
        }

        // The answer leaves the status as it is; moving to it anyway fails if another call changed the status first.
        await MoveAsync(entry, entry.Status, cancellationToken);
        db.DiscrepancyEvents.Add(new DiscrepancyEvent
        {
            DiscrepancyId = entry.Id,
            At = clock.GetUtcNow().UtcDateTime,
            Principal = caller.Name,
            Status = entry.Status,
            Answer = request.Answer.ToDomain(),
            Department = caller.Department,
            Note = request.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new V1.AnswerDiscrepancyResponse { Discrepancy = await ReadAsync(entry.Id, caller, cancellationToken) };
    }

    /// <summary>
    /// The discrepancy a key names: a full key, or a key as a caller without the personal-data scope sees it, which
    /// names its discrepancy by number (<see cref="DiscrepancyKeys"/>) and must mask that discrepancy's key exactly.
    /// </summary>
    private async Task<DiscrepancyEntry> FindAsync(string key, CancellationToken cancellationToken)
    {
        var query = db.Discrepancies.AsNoTracking();
        var match = DiscrepancyKeys.NumberIn(key) is { } number
            ? (await query.Where(d => d.Id == number).ToListAsync(cancellationToken))
                .SingleOrDefault(d => DiscrepancyKeys.Masked(d.Key, d.Id) == key)
            : key.Contains('*', StringComparison.Ordinal)
                ? throw ExchangeErrors.Create(
                    Code.FailedPrecondition, ErrorReasons.DiscrepancyKeyAmbiguous,
                    "A masked key names a discrepancy only with the number after its '#', as ListDiscrepancies shows it; " +
                    "send the key as listed, or in full.")
                : await query.SingleOrDefaultAsync(d => d.Key == key, cancellationToken);
        return match ?? throw ExchangeErrors.Create(Code.NotFound, ErrorReasons.DiscrepancyNotFound, "No discrepancy has this key.");
    }

    /// <summary>
    /// Sets the status only if it is still the one read: two auditors acting at once cannot both move the
    /// discrepancy (on SQLite the transaction already serializes them; elsewhere this guard does).
    /// </summary>
    private async Task MoveAsync(DiscrepancyEntry entry, DiscrepancyStatus next, CancellationToken cancellationToken)
    {
        var read = entry.Status;
        var moved = await db.Discrepancies
            .Where(d => d.Id == entry.Id && d.Status == read)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, next), cancellationToken);
        if (moved == 0)
        {
            throw ExchangeErrors.Create(
                Code.Aborted, ErrorReasons.DiscrepancyChangedConcurrently,
                "Another call changed the discrepancy first; read it again and retry.");
        }
    }

    private async Task<V1.Discrepancy> ReadAsync(long id, Caller caller, CancellationToken cancellationToken) =>
        (await db.Discrepancies.AsNoTracking().Include(d => d.History)
            .SingleAsync(d => d.Id == id, cancellationToken))
        .ToProto(caller);

    private static Grpc.Core.RpcException NotAllowed(string refusal) =>
        ExchangeErrors.Create(Code.FailedPrecondition, ErrorReasons.DiscrepancyTransitionNotAllowed, refusal);
}
