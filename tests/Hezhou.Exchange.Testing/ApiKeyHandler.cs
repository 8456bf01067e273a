namespace Hezhou.Exchange.Testing;

/// <summary>Adds the "x-api-key" header to every call, as a department's client would.</summary>
public sealed class ApiKeyHandler(string? apiKey, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
