using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Security;

namespace Hezhou.Exchange.Server.Requests;

/// <summary>
/// The opaque next_page_token of a keyset-paged list (AIP-158): the last key of the page, as base64url JSON behind
/// an HMAC-SHA256 under this server's key of that JSON and a fingerprint of the list, the caller and the filters it
/// was made for. The next page starts after that key, so rows inserted before it do not shift the pages still to
/// come; a token presented by another principal, with other filters, altered, or not made with this key, is refused.
/// </summary>
public sealed class PageToken
{
    /// <summary>The signing key. Replicas behind a load balancer must share it, or a token fails on the next replica.</summary>
    public const string KeySetting = "PageTokens:Key";

    /// <summary>Shortest key accepted, in characters: HMAC-SHA256 is as strong as its key, up to 32 bytes.</summary>
    public const int MinimumKeyLength = 32;

    private const int FormatVersion = 2;
    private const int MacLength = HMACSHA256.HashSizeInBytes;

    private readonly byte[] key;

    /// <param name="key">The HMAC key; null for a random key of this process only.</param>
    public PageToken(byte[]? key = null)
    {
        this.key = key ?? RandomNumberGenerator.GetBytes(32);
        IsProcessKey = key is null;
    }

    /// <summary>Whether the key is this process's own random one: tokens then fail on other replicas and after a restart.</summary>
    public bool IsProcessKey { get; }

    /// <summary>The key of <see cref="KeySetting"/> (UTF-8 bytes of the text), or a random one when unset.</summary>
    public static PageToken FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[KeySetting];
        if (string.IsNullOrEmpty(text))
        {
            return new PageToken();
        }
        if (text.Length < MinimumKeyLength)
        {
            throw new ServerConfigurationException(
                $"{KeySetting}: at least {MinimumKeyLength} characters are needed (it has {text.Length}); " +
                "e.g. the output of `openssl rand -base64 48`, the same on every replica.");
        }
        return new PageToken(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A token for the page after <paramref name="lastKey"/> under the fingerprint of <see cref="Fingerprint"/>.</summary>
    public string Create(string lastKey, string fingerprint)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(new Content(FormatVersion, lastKey));
        return Base64Url.EncodeToString([.. Mac(content, fingerprint), .. content]);
    }

    /// <summary>The last key of the previous page; null for the first page (an empty token).</summary>
    /// <exception cref="Grpc.Core.RpcException">
    /// INVALID_ARGUMENT, INVALID_PAGE_TOKEN: the token does not parse, or was not made by this key for this fingerprint.
    /// </exception>
    public string? LastKey(string token, string fingerprint, string field)
    {
        if (token.Length == 0)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            throw AuditArguments.InvalidPageToken(field);
        }
        if (bytes.Length <= MacLength
            || !CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, MacLength), Mac(bytes.AsSpan(MacLength), fingerprint)))
        {
            throw AuditArguments.InvalidPageToken(field);
        }

        Content? content;
        try
        {
            content = JsonSerializer.Deserialize<Content>(bytes.AsSpan(MacLength));
        }
        catch (JsonException)
        {
            throw AuditArguments.InvalidPageToken(field);
        }
        return content is { V: FormatVersion, K: { } lastKey } ? lastKey : throw AuditArguments.InvalidPageToken(field);
    }

    /// <summary>
    /// A digest of a list's name, the caller's principal and the filters; equal for equal inputs. The principal is in
    /// it so that a token one principal was shown pages nothing for another, whatever the two may see.
    /// </summary>
    public static string Fingerprint(Caller caller, string list, params object?[] filters)
    {
        // Each part with its length, so that no two lists of parts (a filter holding the separator) read alike.
        var parts = filters.Select(f => f?.ToString() ?? "").Prepend(caller.Name).Prepend(list);
        var text = string.Concat(parts.Select(part => $"{part.Length}:{part};"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private byte[] Mac(ReadOnlySpan<byte> content, string fingerprint)
    {
        // The fingerprint is 64 hex digits, so where it ends and the content begins is never ambiguous.
        var signed = new byte[fingerprint.Length + content.Length];
        Encoding.ASCII.GetBytes(fingerprint, signed);
        content.CopyTo(signed.AsSpan(fingerprint.Length));
        return HMACSHA256.HashData(key, signed);
    }

    // Short property names keep the token small; it is opaque to clients.
    private sealed record Content(int V, string? K);
}
