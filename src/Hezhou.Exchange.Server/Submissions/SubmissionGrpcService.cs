using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Server.Telemetry;
using Hezhou.Exchange.Storage;
using Microsoft.Extensions.Options;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Submissions;

/// <summary>
/// The departments' entry point: maps calls onto <see cref="BatchIngestion"/>. Every log line of a call carries its
/// BatchId and Principal (a logging scope), and each batch stored is counted in <see cref="ExchangeMetrics"/>. A batch
/// is stored as one unit of work through <see cref="StoreWriteGate.RunAsync"/>, run again if the store fails
/// transiently. A stream's records are first read into a <see cref="StreamSpool"/>, within <see cref="StreamTimeouts"/>,
/// and only then written: the store's write lock is never held while a call waits on its client.
/// </summary>
public sealed class SubmissionGrpcService(
    BatchIngestion ingestion,
    ExchangeDbContext db,
    StoreWriteGate writeGate,
    IOptions<SubmissionLimits> limits,
    ExchangeMetrics metrics,
    TimeProvider clock,
    ILogger<SubmissionGrpcService> logger)
    : V1.SubmissionService.SubmissionServiceBase
{
    public override async Task<V1.SubmitBatchResponse> SubmitBatch(V1.SubmitBatchRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        using var scope = BeginBatchScope(caller, request.BatchId);
        CheckChunkSize(request.Records.Count, "records");
        var started = clock.GetUtcNow();
        var batch = await writeGate.RunAsync(
            db,
            token => ingestion.IngestAsync(
                caller, request.BatchId, request.Records.ToAsyncEnumerable(), listEveryResult: true, token),
            context.CancellationToken);
        Count(caller, batch, started);
        return new V1.SubmitBatchResponse { Batch = batch };
    }

    public override async Task<V1.StreamRecordsResponse> StreamRecords(
        IAsyncStreamReader<V1.StreamRecordsRequest> requestStream, ServerCallContext context)
    {
        var started = clock.GetUtcNow();
        using var timeouts = new StreamTimeouts(limits.Value, clock, context.CancellationToken);
        if (!await NextMessageAsync(requestStream, context, timeouts))
        {
            throw ExchangeErrors.InvalidArgument(("batch_id", "the stream ended before its first message"));
        }

        var first = requestStream.Current;
        var caller = Caller.From(context.GetHttpContext().User);
        using var scope = BeginBatchScope(caller, first.BatchId);
        await using var records = await SpoolAsync(first, requestStream, context, timeouts);
        var batch = await writeGate.RunAsync(
            db,
            token => ingestion.IngestAsync(caller, first.BatchId, records, listEveryResult: false, token),
            context.CancellationToken);
        Count(caller, batch, started);
        return new V1.StreamRecordsResponse { Batch = batch };
    }

    public override async Task<V1.GetBatchResponse> GetBatch(V1.GetBatchRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        using var scope = BeginBatchScope(caller, request.BatchId);
        var batch = await ingestion.GetAsync(caller, request.BatchId, context.CancellationToken);
        return new V1.GetBatchResponse { Batch = batch };
    }

    /// <summary>Puts the batch and the principal on every log line and on the call's span.</summary>
    private IDisposable? BeginBatchScope(Caller caller, string batchId)
    {
        Activity.Current?.SetTag("exchange.batch_id", batchId);
        Activity.Current?.SetTag("exchange.principal", caller.Name);
        return logger.BeginScope(new Dictionary<string, object>
        {
            ["BatchId"] = batchId,
            ["Principal"] = caller.Name,
        });
    }

    /// <summary>
    /// Counts the batch's records per department, unless the acknowledgement is a replay of one stored before this
    /// call began (a batch_id sent again), whose records were counted when it was first stored.
    /// </summary>
    private void Count(Caller caller, V1.Batch batch, DateTimeOffset callStarted)
    {
        if (batch.ReceiveTime is null || batch.ReceiveTime.ToDateTimeOffset() >= callStarted)
        {
            metrics.BatchStored(caller.Department, batch);
        }
    }

    /// <summary>
    /// Reads every message of the stream into a spool, in order, one message in memory at a time, until the client
    /// half-closes. A message that breaks the contract fails the call here, before anything is written.
    /// </summary>
    private async Task<StreamSpool> SpoolAsync(
        V1.StreamRecordsRequest first,
        IAsyncStreamReader<V1.StreamRecordsRequest> requestStream,
        ServerCallContext context,
        StreamTimeouts timeouts)
    {
        var spool = new StreamSpool();
        try
        {
            var message = first;
            var messageIndex = 0;
            while (true)
            {
                if (message.BatchId != first.BatchId)
                {
                    throw ExchangeErrors.InvalidArgument(
                        ($"batch_id", $"message {messageIndex} of the stream carries batch_id \"{message.BatchId}\"; " +
                            $"every message must carry the first one's, \"{first.BatchId}\""));
                }
                CheckChunkSize(message.Records.Count, "records");
                if ((long)spool.RecordCount + message.Records.Count > limits.Value.MaxRecordsPerStream)
                {
                    // Refused as the records arrive, so that a stream too long for one batch is not spooled whole.
                    throw ExchangeErrors.StreamTooLong(limits.Value.MaxRecordsPerStream);
                }
                await spool.AppendAsync(message.Records, context.CancellationToken);

                if (!await NextMessageAsync(requestStream, context, timeouts))
                {
                    return spool;
                }
                message = requestStream.Current;
                messageIndex++;
            }
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Reads the stream's next message. A message whose bytes do not parse fails the call with MESSAGE_MALFORMED (and
    /// so the batch, which is stored all or nothing), as a unary request that does not parse does. A client that sends
    /// nothing for too long, or takes too long over the whole stream, fails it with the limit it passed.
    /// </summary>
    private static async Task<bool> NextMessageAsync<T>(
        IAsyncStreamReader<T> requestStream, ServerCallContext context, StreamTimeouts timeouts)
    {
        try
        {
            var more = await requestStream.MoveNext(timeouts.Token);
            timeouts.MessageReceived();
            return more;
        }
        catch (Exception) when (timeouts.Expired() is { } expired)
        {
            // Whatever the read failed with once its wait was cut short, the limit is why.
            throw expired;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidDataException)
        {
            throw ExchangeErrors.MessageMalformed(context.Method, e.Message);
        }
    }

    private void CheckChunkSize(int count, string field)
    {
        var limit = limits.Value.MaxRecordsPerBatch;
        if (count > limit)
        {
            throw ExchangeErrors.Create(
                Google.Rpc.Code.InvalidArgument, ErrorReasons.BatchTooLarge,
                $"{field}: {count:N0} records exceed the limit of {limit:N0} per message; " +
                "send larger batches with StreamRecords in several messages.",
                new Dictionary<string, string> { ["limit"] = limit.ToString(), ["count"] = count.ToString() },
                new Google.Rpc.BadRequest
                {
                    FieldViolations =
                    {
                        new Google.Rpc.BadRequest.Types.FieldViolation
                        {
                            Field = field,
                            Description = $"at most {limit:N0} records per message",
                            Reason = ErrorReasons.BatchTooLarge,
                        },
                    },
                });
        }
    }
}
