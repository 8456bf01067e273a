using Grpc.Net.Client;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Connection;

/// <summary>A channel to the exchange server that sends the caller's API key as "x-api-key" on every call.</summary>
internal sealed class ExchangeConnection : IDisposable
{
    private readonly GrpcChannel channel;

    public ExchangeConnection(Uri address, string apiKey)
    {
        Address = address;
        channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new ApiKeyHandler(apiKey, new SocketsHttpHandler
            {
                // A server that is down should be reported in seconds, not after the operating system gives up.
                ConnectTimeout = TimeSpan.FromSeconds(10),
                EnableMultipleHttp2Connections = true,
            }),
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        Submissions = new SubmissionService.SubmissionServiceClient(channel);
        Audit = new AuditService.AuditServiceClient(channel);
        Ledger = new LedgerService.LedgerServiceClient(channel);
    }

    public Uri Address { get; }

    public SubmissionService.SubmissionServiceClient Submissions { get; }

    public AuditService.AuditServiceClient Audit { get; }

    public LedgerService.LedgerServiceClient Ledger { get; }

    public void Dispose() => channel.Dispose();

    private sealed class ApiKeyHandler(string apiKey, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
