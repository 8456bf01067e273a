using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Server.Ledger;
using Hezhou.Exchange.Storage.Entities;

namespace Hezhou.Exchange.Storage.Tests;

/// <summary>
/// The worked examples of docs/LEDGER.md. Their hashes were computed outside .NET from the encoding as documented, so a
/// change to the encoding fails here before it strands the auditors' own tools.
/// </summary>
public sealed class LedgerEncodingTests
{
    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static SourceVersion Site(long version, string payloadHex, string digest, bool withdrawn, string batchId, int index, DateTime receivedAt) => new()
    {
        Department = Department.Relocation,
        Kind = RecordKind.Site,
        SourceKey = "HZ-S01",
        Version = version,
        ContentDigest = digest,
        Payload = Convert.FromHexString(payloadHex),
        Withdrawn = withdrawn,
        BatchId = batchId,
        RecordIndex = index,
        Principal = "relocation-dev",
        ReceivedAt = receivedAt,
    };

    [Fact]
    public void HashOf_DocumentedSourceVersions_GiveTheDocumentedHashes()
    {
        var first = Site(1, "0a06485a2d533031", "097f6bba6a9940833215a7ed7f735274559d0eed4276f025df5d7c82cd1fccd7",
            withdrawn: false, "reloc-1", 0, new DateTime(2024, 6, 15, 4, 0, 0, DateTimeKind.Utc));
        var second = Site(2, "0a06485a2d5330313a0c08011208656e7465726564", "10094c0f40825c3eaaecd4d1445a644ae15e6080223aece63e7367a9875af587",
            withdrawn: true, "reloc-2", 3, new DateTime(2024, 6, 16, 9, 30, 15, DateTimeKind.Utc).AddTicks(1_234_567));

        var firstHash = LedgerEncoding.HashOf(first, 1, Genesis);
        var secondHash = LedgerEncoding.HashOf(second, 2, firstHash);

        Assert.Equal("5e597a114d38f06a2765c94fa9d6deb241ae777f97ec0032b514b955ba0c67c1", firstHash);
        Assert.Equal("fe98fcbe4e839d70113b513fbfa58fe424c590095daab6cd3c1e949533f0cb31", secondHash);
    }

    [Fact]
    public void HashOf_DocumentedAccessLogEntry_GivesTheDocumentedHash()
    {
        var entry = new AccessLogEntry
        {
            Principal = "auditor-dev",
            Method = "/hezhou.exchange.v1.AuditService/GetPerson",
            Subject = "45110219800512001X",
            Purpose = "低保复核 case 2024-017",
            RecordCount = 3,
            AccessedAt = new DateTime(2024, 6, 15, 4, 0, 0, DateTimeKind.Utc),
        };

        Assert.Equal("5afbdf94e0c671424aaf440cb84c7b07529e6ad152be049183c6456cd2989d7b", LedgerEncoding.HashOf(entry, 1, Genesis));
    }

    [Fact]
    public void HashOf_AnyFieldChanged_ChangesTheHash()
    {
        var row = Site(1, "0a06485a2d533031", "097f6bba6a9940833215a7ed7f735274559d0eed4276f025df5d7c82cd1fccd7",
            withdrawn: false, "reloc-1", 0, new DateTime(2024, 6, 15, 4, 0, 0, DateTimeKind.Utc));
        var original = LedgerEncoding.HashOf(row, 1, Genesis);
        var changes = new Action<SourceVersion>[]
        {
            v => v.Department = Department.CivilAffairs,
            v => v.Kind = RecordKind.Household,
            v => v.SourceKey = "HZ-S02",
            v => v.Version = 2,
            v => v.ContentDigest = new string('0', 64),
            v => v.Payload = [0x0a, 0x06],
            v => v.Withdrawn = true,
            v => v.BatchId = "reloc-9",
            v => v.RecordIndex = 1,
            v => v.Principal = "someone-else",
            v => v.ReceivedAt = v.ReceivedAt.AddTicks(1),
        };

        foreach (var change in changes)
        {
            var changed = Site(1, "0a06485a2d533031", "097f6bba6a9940833215a7ed7f735274559d0eed4276f025df5d7c82cd1fccd7",
                withdrawn: false, "reloc-1", 0, new DateTime(2024, 6, 15, 4, 0, 0, DateTimeKind.Utc));
            change(changed);
            Assert.NotEqual(original, LedgerEncoding.HashOf(changed, 1, Genesis));
        }
        Assert.NotEqual(original, LedgerEncoding.HashOf(row, 2, Genesis));
        Assert.NotEqual(original, LedgerEncoding.HashOf(row, 1, new string('1', 64)));
    }

    [Fact]
    public void HashOf_FieldBoundaryMoved_ChangesTheHash()
    {
        // Without length prefixes "ab" + "c" and "a" + "bc" would encode alike.
        var one = new AccessLogEntry { Principal = "auditor", Method = "-dev/x", Subject = "s", Purpose = "p", RecordCount = 1, AccessedAt = DateTime.UnixEpoch };
        var other = new AccessLogEntry { Principal = "auditor-dev", Method = "/x", Subject = "s", Purpose = "p", RecordCount = 1, AccessedAt = DateTime.UnixEpoch };

        Assert.NotEqual(LedgerEncoding.HashOf(one, 1, Genesis), LedgerEncoding.HashOf(other, 1, Genesis));
    }
}
