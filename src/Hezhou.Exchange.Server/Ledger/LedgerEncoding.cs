using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;

namespace Hezhou.Exchange.Server.Ledger;

/// <summary>
/// The canonical encoding of a chained row, and its hash. docs/LEDGER.md states the same encoding for auditors who
/// recompute a chain with their own tools; a change here is a new format tag, never an edit of this one.
/// </summary>
/// <remarks>
/// The hash is SHA-256 over a sequence of fields, each written as its length in bytes (4 bytes, big-endian) and then
/// its bytes, so that no two different rows encode alike: the format tag, the chain, the sequence, the previous hash,
/// then the row's columns in a fixed order. Text is UTF-8; integers are decimal digits; booleans "1" or "0"; times UTC
/// as yyyy-MM-ddTHH:mm:ss.fffffffZ; enums by the name the store holds; a payload as its raw bytes.
/// </remarks>
public static class LedgerEncoding
{
    public const string FormatTag = "hezhou-ledger-v1";

    /// <summary>The hash of <paramref name="row"/> at <paramref name="sequence"/> after a row of hash <paramref name="previousHash"/>.</summary>
    public static string HashOf(IChainedRow row, long sequence, string previousHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var fields = new Fields(hash);
        fields.Text(FormatTag);
        fields.Text(LedgerChains.Of(row));
        fields.Integer(sequence);
        fields.Text(previousHash);
        switch (row)
        {
            case SourceVersion version:
                fields.Text(version.Department.ToString());
                fields.Text(version.Kind.ToString());
                fields.Text(version.SourceKey);
                fields.Integer(version.Version);
                fields.Text(version.ContentDigest);
                fields.Bytes(version.Payload);
                fields.Boolean(version.Withdrawn);
                fields.Text(version.BatchId);
                fields.Integer(version.RecordIndex);
                fields.Text(version.Principal);
                fields.Time(version.ReceivedAt);
                break;
            case AccessLogEntry entry:
                fields.Text(entry.Principal);
                fields.Text(entry.Method);
                fields.Text(entry.Subject);
                fields.Text(entry.Purpose);
                fields.Integer(entry.RecordCount);
                fields.Time(entry.AccessedAt);
                break;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private readonly struct Fields(IncrementalHash hash)
    {
        public void Bytes(ReadOnlySpan<byte> value)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, checked((uint)value.Length));
            hash.AppendData(length);
            hash.AppendData(value);
        }

        public void Text(string value) => Bytes(Encoding.UTF8.GetBytes(value));

        public void Integer(long value) => Text(value.ToString(CultureInfo.InvariantCulture));

        public void Boolean(bool value) => Text(value ? "1" : "0");

        // As the store keeps it: a local time is stored converted to UTC (UtcDateTimeConverter), any other as it is.
        public void Time(DateTime value) => Text(
            (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value)
                .ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture));
    }
}
