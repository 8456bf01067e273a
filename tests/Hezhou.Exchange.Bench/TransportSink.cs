using Grpc.Core;
using Hezhou.Exchange.V1;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hezhou.Exchange.Bench;

/// <summary>
/// The transport ceiling: a separate process that hosts SubmissionService on Kestrel with the server's settings, but
/// whose StreamRecords only counts the records that arrive. Streaming the workload to it measures what loopback,
/// HTTP/2 and protobuf allow on this machine, with nothing stored.
/// </summary>
internal static class TransportSink
{
    public const string Mode = "sink";

    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = 4 * 1024 * 1024);
        var app = builder.Build();
        app.MapGrpcService<CountingSubmissions>();
        await app.RunAsync();
    }

    private sealed class CountingSubmissions : SubmissionService.SubmissionServiceBase
    {
        public override async Task<StreamRecordsResponse> StreamRecords(
            IAsyncStreamReader<StreamRecordsRequest> requestStream, ServerCallContext context)
        {
            var batchId = "";
            var records = 0;
            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                batchId = message.BatchId;
                records += message.Records.Count;
            }
            return new StreamRecordsResponse
            {
                Batch = new Batch { BatchId = batchId, RecordCount = records, AcceptedCount = records, State = BatchState.Received },
            };
        }
    }
}
