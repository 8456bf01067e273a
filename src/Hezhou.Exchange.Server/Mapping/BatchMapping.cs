using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Submissions;
using Hezhou.Exchange.Server.Security;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Mapping;

/// <summary>A batch's acknowledgement and its per-record results, as the departments are answered.</summary>
public static class BatchMapping
{
    /// <summary>The acknowledgement of a batch just written: received, not yet reconciled.</summary>
    public static V1.Batch ToAcknowledgement(
        string batchId, Caller caller, DateTimeOffset receivedAt, string contentDigest, int recordCount, int accepted,
        int unchanged, int rejected, bool resultsTruncated, IEnumerable<V1.RecordResult> results)
    {
        var batch = new V1.Batch
        {
            BatchId = batchId,
            Department = (V1.Department)caller.Department,
            Principal = caller.Name,
            ReceiveTime = Timestamp.FromDateTimeOffset(receivedAt),
            ContentDigest = contentDigest,
            RecordCount = recordCount,
            AcceptedCount = accepted,
            UnchangedCount = unchanged,
            RejectedCount = rejected,
            State = V1.BatchState.Received,
            ResultsTruncated = resultsTruncated,
        };
        batch.Results.Add(results);
        return batch;
    }

    /// <summary>The stored acknowledgement, with the state the batch is in now.</summary>
    public static V1.Batch FromStored(byte[] acknowledgement, bool reconciled)
    {
        var batch = V1.Batch.Parser.ParseFrom(acknowledgement);
        batch.State = reconciled ? V1.BatchState.Reconciled : V1.BatchState.Received;
        return batch;
    }

    /// <summary>One record's outcome; an undefined kind is reported as unspecified.</summary>
    public static V1.RecordResult ToRecordResult(
        int index, string sourceKey, RecordKind kind, V1.RecordOutcome outcome, long version,
        IReadOnlyList<FieldViolation>? violations)
    {
        var result = new V1.RecordResult
        {
            Index = index,
            SourceKey = sourceKey,
            Kind = System.Enum.IsDefined(kind) ? (V1.RecordKind)kind : V1.RecordKind.Unspecified,
            Outcome = outcome,
            Version = version,
        };
        if (violations is not null)
        {
            result.Violations.Add(violations.Select(v => new BadRequest.Types.FieldViolation
            {
                Field = v.Field,
                Description = v.Description,
                Reason = v.Rule,
            }));
        }
        return result;
    }
}
