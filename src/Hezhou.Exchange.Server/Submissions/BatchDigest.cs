using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Hezhou.Exchange.Server.Submissions;

/// <summary>
/// SHA-256 over a batch's records in order, each prefixed by its length, so that a replay can be told from a
/// different batch under the same id without keeping the records in memory.
/// </summary>
public sealed class BatchDigest : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Append(ReadOnlySpan<byte> record)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, record.Length);
        hash.AppendData(length);
        hash.AppendData(record);
    }

    public string Finish() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public static string OfRecord(ReadOnlySpan<byte> record) => Convert.ToHexStringLower(SHA256.HashData(record));

    public void Dispose() => hash.Dispose();
}
