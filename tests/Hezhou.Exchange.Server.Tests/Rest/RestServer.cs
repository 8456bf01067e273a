using System.Net;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Rest;

/// <summary>
/// One real server for the REST tests, holding household HH-0001 (site HZ-S01) as the relocation office sent it.
/// </summary>
public sealed class RestServer : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync();
        var relocation = new SubmissionService.SubmissionServiceClient(Server.Channel(DevelopmentKeys.Relocation));
        await relocation.SubmitReconciledAsync("reloc-1", Records.Site(), Records.Household("HH-0001"));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>
    /// A plain HttpClient for the server's cleartext endpoint, which speaks HTTP/2 with prior knowledge (as
    /// <c>curl --http2-prior-knowledge</c> does), sending the key as the x-api-key header when given.
    /// </summary>
    public HttpClient Client(string? apiKey)
    {
        var client = new HttpClient
        {
            BaseAddress = Server.Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }
        return client;
    }
}
