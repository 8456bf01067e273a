using Grpc.Net.Client;
using Hezhou.Exchange.Testing;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Bench;

/// <summary>A client channel as a department or auditor would open it: HTTP/2 over loopback, the key on every call.</summary>
internal sealed class BenchChannel : IDisposable
{
    private readonly GrpcChannel channel;

    public BenchChannel(Uri address, string apiKey)
    {
        channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new ApiKeyHandler(apiKey, new SocketsHttpHandler { EnableMultipleHttp2Connections = true }),
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        Submissions = new SubmissionService.SubmissionServiceClient(channel);
        Audit = new AuditService.AuditServiceClient(channel);
        Health = new Grpc.Health.V1.Health.HealthClient(channel);
    }

    public SubmissionService.SubmissionServiceClient Submissions { get; }

    public AuditService.AuditServiceClient Audit { get; }

    public Grpc.Health.V1.Health.HealthClient Health { get; }

    public void Dispose() => channel.Dispose();
}
