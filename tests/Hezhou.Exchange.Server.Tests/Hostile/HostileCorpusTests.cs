using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Hezhou.Exchange.Server.Submissions;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;
using Microsoft.EntityFrameworkCore;
using Department = Hezhou.Exchange.Domain.Department;

namespace Hezhou.Exchange.Server.Tests.Hostile;

/// <summary>
/// Every entry of hostile-corpus.json against one real server process. A bad record goes in a batch between two good
/// records of its department: the bad one must be rejected with exactly the violations the entry names and kept in
/// quarantine with its bytes, the good ones accepted. A bad call must fail with the entry's status, reason and
/// message and store nothing. After every entry the server still answers its health check and every table of the
/// store is still there.
/// </summary>
[Collection(RealServerCollection.Name)]
public sealed class HostileCorpusTests(RealServer server)
{
    private const string SubmitBatch = "/hezhou.exchange.v1.SubmissionService/SubmitBatch";
    private const string StreamRecords = "/hezhou.exchange.v1.SubmissionService/StreamRecords";

    private static readonly ServiceDescriptor[] Services = [SubmissionService.Descriptor, AuditService.Descriptor];

    private static HostileCorpus Corpus => HostileCorpus.Instance;

    public static TheoryData<string> EntryIds => [.. Corpus.Entries.Select(e => e.Id)];

    [Fact]
    public void Corpus_AtLeast200Entries_EachADistinctInputWithItsFamilysPolicy()
    {
        var entries = Corpus.Entries;

        Assert.True(entries.Count >= 200, $"the corpus holds {entries.Count} entries");
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
        Assert.Equal(
            Corpus.Policies.Keys.Order(StringComparer.Ordinal),
            entries.Select(e => e.Family).Distinct().Order(StringComparer.Ordinal));
        var inputs = entries.GroupBy(Fingerprint).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g));
        Assert.Empty(inputs);
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public async Task Entry_SentToTheRealServer_GetsWhatTheCorpusSays(string id)
    {
        var entry = Corpus[id];

        if (entry.Record is not null)
        {
            await RunRecordEntryAsync(entry);
        }
        else
        {
            await RunCallEntryAsync(entry);
        }

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await server.HealthAsync());
        await AssertEveryTableIsThereAsync();
    }

    private async Task RunRecordEntryAsync(HostileEntry entry)
    {
        var role = entry.As ?? DepartmentOf(entry.Record!);
        var department = Departments[role];
        var goodKeys = new[] { $"{entry.BatchId}-good-1", $"{entry.BatchId}-good-2" };
        var goods = GoodTemplates[role].Select((template, i) => GoodRecord(entry, template, goodKeys[i])).ToArray();
        var bad = BadRecordBytes(entry, $"{entry.BatchId}-bad", entry.BatchId);
        var request = HostileInputs.Batch(entry.BatchId, [goods[0], bad, goods[1]]);
        var viaStream = entry.Text("via") == "StreamRecords";
        var counts = await CountStoredAsync();

        var outcome = viaStream
            ? await RawGrpc.ClientStreamingAsync(server.Invoker(KeyOf(role)), StreamRecords, [request])
            : await RawGrpc.UnaryAsync(server.Invoker(KeyOf(role)), SubmitBatch, request);

        if (entry.Expect["status"] is not null)
        {
            AssertStatus(entry, outcome);
            Assert.Equal(counts, await CountStoredAsync());
            return;
        }
        Assert.True(outcome.Code == StatusCode.OK, $"{entry.Id}: the batch failed: {outcome}");
        var batch = viaStream
            ? StreamRecordsResponse.Parser.ParseFrom(outcome.Response).Batch
            : SubmitBatchResponse.Parser.ParseFrom(outcome.Response).Batch;
        var rejected = entry.Expect["outcome"]!.GetValue<string>() == "rejected";
        Assert.Equal(3, batch.RecordCount);
        Assert.Equal(rejected ? 2 : 3, batch.AcceptedCount);
        Assert.Equal(rejected ? 1 : 0, batch.RejectedCount);
        if (!viaStream)
        {
            Assert.Equal(
                [RecordOutcome.Accepted, rejected ? RecordOutcome.Rejected : RecordOutcome.Accepted, RecordOutcome.Accepted],
                batch.Results.Select(r => r.Outcome));
        }

        await using var store = server.OpenStore();
        var storedKeys = await store.SourceVersions.AsNoTracking()
            .Where(v => v.Department == department && v.BatchId == entry.BatchId)
            .OrderBy(v => v.RecordIndex).Select(v => v.SourceKey).ToListAsync();
        var quarantined = await store.Quarantine.AsNoTracking()
            .Where(q => q.Department == department && q.BatchId == entry.BatchId).ToListAsync();
        var canonical = SubmissionRecord.Parser.ParseFrom(bad);
        if (rejected)
        {
            var result = batch.Results.Single(r => r.Outcome == RecordOutcome.Rejected);
            Assert.Equal(1, result.Index);
            AssertViolations(entry, result.Violations);
            Assert.Equal(goodKeys, storedKeys);
            var kept = Assert.Single(quarantined);
            Assert.Equal(1, kept.RecordIndex);
            Assert.Equal(canonical.ToByteArray(), kept.RawBytes);
            Assert.All(result.Violations, v => Assert.Contains(v.Reason, kept.Violations));
        }
        else
        {
            Assert.Equal([goodKeys[0], canonical.SourceKey, goodKeys[1]], storedKeys);
            Assert.Empty(quarantined);
            var payload = await store.SourceVersions.AsNoTracking()
                .Where(v => v.Department == department && v.BatchId == entry.BatchId && v.RecordIndex == 1)
                .Select(v => v.Payload).SingleAsync();
            Assert.Equal(bad, payload);
        }
    }

    private async Task RunCallEntryAsync(HostileEntry entry)
    {
        var method = FullMethod(entry.Call!);
        var key = KeyOf(entry.As ?? "relocation");
        var counts = await CountStoredAsync();

        var outcome = entry.Json["body_hex"] is { } body
            ? await RawGrpc.HttpAsync(server.Process.Address, method, Hex(body), key, Headers(entry))
            : IsClientStreaming(method)
                ? await RawGrpc.ClientStreamingAsync(server.Invoker(key), method, StreamMessages(entry, method, entry.BatchId))
                : await RawGrpc.UnaryAsync(server.Invoker(key), method, RequestBytes(entry, method, entry.BatchId));

        AssertStatus(entry, outcome);
        if (outcome.Code != StatusCode.OK)
        {
            Assert.Equal(counts, await CountStoredAsync());
        }
    }

    private static void AssertStatus(HostileEntry entry, CallOutcome outcome)
    {
        var expect = entry.Expect;
        var code = Enum.Parse<StatusCode>(expect["status"]!.GetValue<string>().Replace("_", ""), ignoreCase: true);
        Assert.True(code == outcome.Code, $"{entry.Id}: expected {code}, got {outcome}");
        if (expect.ContainsKey("reason"))
        {
            Assert.True(
                expect["reason"]?.GetValue<string>() == outcome.Info?.Reason,
                $"{entry.Id}: expected reason {expect["reason"]?.GetValue<string>() ?? "(no ErrorInfo)"}, got {outcome}");
        }
        if (expect["message"]?.GetValue<string>() is { } message)
        {
            Assert.True(outcome.Message.Contains(message, StringComparison.Ordinal), $"{entry.Id}: expected \"{message}\" in {outcome}");
        }
        if (expect["fields"] is JsonArray fields)
        {
            Assert.Equal(
                fields.Select(f => f!.GetValue<string>()),
                outcome.Details?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? []);
        }
        Assert.Equal(expect["http"]?.GetValue<int>() ?? 200, outcome.HttpStatus);
    }

    private static void AssertViolations(HostileEntry entry, IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        var expected = entry.Expect["violations"]!.AsArray().Select(v => v!.AsObject()).ToList();
        var actual = violations.ToList();
        var shown = string.Join("; ", actual.Select(v => $"{v.Field} {v.Reason}: {v.Description}"));
        Assert.True(
            expected.Select(v => (v["field"]!.GetValue<string>(), v["reason"]!.GetValue<string>()))
                .SequenceEqual(actual.Select(v => (v.Field, v.Reason))),
            $"{entry.Id}: expected {string.Join(", ", expected.Select(v => $"{v["field"]} {v["reason"]}"))}, got {shown}");
        foreach (var (want, got) in expected.Zip(actual))
        {
            if (want["message"]?.GetValue<string>() is { } message)
            {
                Assert.True(got.Description.Contains(message, StringComparison.Ordinal), $"{entry.Id}: expected \"{message}\" in {shown}");
            }
        }
    }

    /// <summary>
    /// A valid record of the template for the entry's batch, about people of its own (and a household at its own site),
    /// so that what the reconciler rebuilds after each batch stays small however many entries ran before.
    /// </summary>
    private static byte[] GoodRecord(HostileEntry entry, string template, string sourceKey)
    {
        var members = Corpus.Templates["household"]["household"]!["members"]!.AsArray();
        var json = Corpus.Templates[template].ToJsonString()
            .Replace(members[0]!["citizen_id"]!.GetValue<string>(), Records.CitizenId(1980, 5, 12, (entry.Ordinal * 2 + 1) % 1000, "451121"))
            .Replace(members[1]!["citizen_id"]!.GetValue<string>(), Records.CitizenId(1982, 11, 3, (entry.Ordinal * 2 + 2) % 1000, "451121"))
            .Replace("\"HZ-S01\"", $"\"{entry.BatchId}-good-1\"");
        return HostileInputs.Record(JsonNode.Parse(json)!.AsObject(), null, null, sourceKey, entry.BatchId).ToByteArray();
    }

    /// <summary>The bad record's bytes: the template with the entry's changes, and any raw bytes it appends.</summary>
    private static byte[] BadRecordBytes(HostileEntry entry, string sourceKey, string batchId)
    {
        var record = HostileInputs.Record(
            Corpus.Templates[entry.Record!], entry.Json["set"]?.AsObject(), entry.Json["unset"]?.AsArray(), sourceKey, batchId);
        return entry.Json["wire"] is JsonObject wire
            ? HostileInputs.WithBytesAppended(
                record, wire["at"]!.GetValue<string>(),
                [.. Hex(wire["hex"]!), .. new byte[wire["zeros"]?.GetValue<int>() ?? 0]])
            : record.ToByteArray();
    }

    private static byte[] RequestBytes(HostileEntry entry, string method, string batchId) =>
        entry.Json["request_hex"] is { } hex
            ? Hex(hex)
            : entry.Json["size_above_limit"] is { } above
                // SubmitBatchRequest and StreamRecordsRequest number their fields alike.
                ? HostileInputs.StreamMessageOfSize(Corpus.Templates["site"], batchId, new SubmissionLimits().MaxMessageBytes + above.GetValue<int>())
                : HostileInputs.Request(InputType(method), entry.Json["request"]!, batchId, Corpus.Templates);

    private static IEnumerable<byte[]> StreamMessages(HostileEntry entry, string method, string batchId)
    {
        if (entry.Json["stream"] is not JsonArray items)
        {
            return [RequestBytes(entry, method, batchId)];
        }
        var limit = new SubmissionLimits().MaxMessageBytes;
        return items.Select(item => item switch
        {
            JsonObject { } o when o["hex"] is { } hex => Hex(hex),
            JsonObject { } o when o["size_above_limit"] is { } above =>
                HostileInputs.StreamMessageOfSize(Corpus.Templates["site"], batchId, limit + above.GetValue<int>()),
            JsonObject { } o => HostileInputs.Request(InputType(method), o["request"]!, batchId, Corpus.Templates),
            _ => throw new InvalidDataException($"{entry.Id}: a stream item is an object"),
        }).ToList();
    }

    /// <summary>What makes an entry's input what it is, under one batch id, to show no two entries send the same thing.</summary>
    private static string Fingerprint(HostileEntry entry)
    {
        const string batchId = "batch";
        using var input = new MemoryStream();
        void Add(byte[] bytes)
        {
            input.Write(BitConverter.GetBytes(bytes.Length));
            input.Write(bytes);
        }
        if (entry.Record is not null)
        {
            Add(BadRecordBytes(entry, "key", batchId));
            Add(System.Text.Encoding.UTF8.GetBytes($"{entry.As}"));
        }
        else
        {
            var method = FullMethod(entry.Call!);
            Add(System.Text.Encoding.UTF8.GetBytes($"{method}|{entry.As}|{entry.Json["headers"]?.ToJsonString()}"));
            if (entry.Json["body_hex"] is { } body)
            {
                Add(Hex(body));
            }
            else if (IsClientStreaming(method))
            {
                foreach (var message in StreamMessages(entry, method, batchId))
                {
                    Add(message);
                }
            }
            else
            {
                Add(RequestBytes(entry, method, batchId));
            }
        }
        return Convert.ToHexString(SHA256.HashData(input.ToArray()));
    }

    private async Task<(int Versions, int Quarantined, int Batches)> CountStoredAsync()
    {
        await using var store = server.OpenStore();
        return (await store.SourceVersions.CountAsync(), await store.Quarantine.CountAsync(), await store.Batches.CountAsync());
    }

    private async Task AssertEveryTableIsThereAsync()
    {
        await using var store = server.OpenStore();
        var tables = await store.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        var expected = store.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct();
        Assert.Empty(expected.Except(tables));
    }

    private static IReadOnlyDictionary<string, string> Headers(HostileEntry entry) =>
        entry.Json["headers"]?.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>())
            ?? new Dictionary<string, string>();

    private static byte[] Hex(JsonNode hex) =>
        Convert.FromHexString(string.Concat(hex.GetValue<string>().Where(c => !char.IsWhiteSpace(c))));

    private static string FullMethod(string call) =>
        call.StartsWith("grpc.", StringComparison.Ordinal) ? $"/{call}" : $"/hezhou.exchange.v1.{call}";

    private static MethodDescriptor Descriptor(string method)
    {
        var parts = method.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Services.Single(s => s.FullName == parts[0]).FindMethodByName(parts[1]);
    }

    private static MessageDescriptor InputType(string method) => Descriptor(method).InputType;

    private static bool IsClientStreaming(string method) =>
        method.StartsWith("/hezhou.", StringComparison.Ordinal) && Descriptor(method).IsClientStreaming;

    private static string DepartmentOf(string template) => template switch
    {
        "site" or "household" or "withdrawal" => "relocation",
        "employment" or "job_vacancy" => "human-resources",
        _ => "civil-affairs",
    };

    private static readonly IReadOnlyDictionary<string, string[]> GoodTemplates = new Dictionary<string, string[]>
    {
        ["relocation"] = ["site", "household"],
        ["human-resources"] = ["employment", "job_vacancy"],
        ["civil-affairs"] = ["welfare_entitlement", "welfare_payment"],
    };

    private static readonly IReadOnlyDictionary<string, Department> Departments = new Dictionary<string, Department>
    {
        ["relocation"] = Department.Relocation,
        ["human-resources"] = Department.HumanResources,
        ["civil-affairs"] = Department.CivilAffairs,
    };

    private static string? KeyOf(string role) => role switch
    {
        "relocation" => DevelopmentKeys.Relocation,
        "human-resources" => DevelopmentKeys.HumanResources,
        "civil-affairs" => DevelopmentKeys.CivilAffairs,
        "auditor" => DevelopmentKeys.Auditor,
        "auditor-personal-data" => DevelopmentKeys.AuditorWithPersonalData,
        "administrator" => DevelopmentKeys.Administrator,
        "anonymous" => null,
        "unknown-key" => "not-a-key-this-server-knows",
        _ => throw new InvalidDataException($"unknown caller {role}"),
    };
}
