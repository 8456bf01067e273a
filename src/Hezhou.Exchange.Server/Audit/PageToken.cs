using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hezhou.Exchange.Server.Audit;

/// <summary>
/// The opaque next_page_token of a keyset-paged list (AIP-158): the last key of the page and a fingerprint of the
/// filters it was made for, as base64url JSON. The next page starts after that key, so rows inserted before it do
/// not shift the pages still to come; a token presented with other filters, or not made here, is refused.
/// </summary>
public static class PageToken
{
    private const int FormatVersion = 1;

    /// <summary>A token for the page after <paramref name="lastKey"/> under the filters fingerprinted.</summary>
    public static string Create(string lastKey, string fingerprint) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Content(FormatVersion, lastKey, fingerprint)));

    /// <summary>The last key of the previous page; null for the first page (an empty token).</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT: the token does not parse or was made for other filters.</exception>
    public static string? LastKey(string token, string fingerprint, string field)
    {
        if (token.Length == 0)
        {
            return null;
        }

        Content? content;
        try
        {
            content = JsonSerializer.Deserialize<Content>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw AuditArguments.InvalidPageToken(field);
        }

        if (content is not { V: FormatVersion, K: { } key, F: { } madeFor } || !string.Equals(madeFor, fingerprint, StringComparison.Ordinal))
        {
            throw AuditArguments.InvalidPageToken(field);
        }
        return key;
    }

    /// <summary>A short digest of a list's name and filters; equal filters give equal fingerprints.</summary>
    public static string Fingerprint(string list, params object?[] filters)
    {
        var text = string.Join('\u001f', filters.Select(f => f?.ToString() ?? "").Prepend(list));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    // Short property names keep the token small; it is opaque to clients.
    private sealed record Content(int V, string? K, string? F);
}
