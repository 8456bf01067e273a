using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hezhou.Exchange.Server.Tests.Hostile;

/// <summary>
/// The hostile-input corpus, hostile-corpus.json: the policy of each family of bad input, the valid records that
/// entries break one field of, and the entries with what each must get.
/// </summary>
public sealed class HostileCorpus
{
    public const string FileName = "hostile-corpus.json";

    private static readonly Lazy<HostileCorpus> Loaded = new(() => Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "Hostile", FileName))));

    private HostileCorpus(
        IReadOnlyDictionary<string, string> policies,
        IReadOnlyDictionary<string, JsonObject> templates,
        IReadOnlyList<HostileEntry> entries)
    {
        Policies = policies;
        Templates = templates;
        Entries = entries;
    }

    public static HostileCorpus Instance => Loaded.Value;

    /// <summary>Each family's policy: what the service does with that kind of input, and why.</summary>
    public IReadOnlyDictionary<string, string> Policies { get; }

    /// <summary>A valid record of each kind, in proto3 JSON with the contract's field names.</summary>
    public IReadOnlyDictionary<string, JsonObject> Templates { get; }

    public IReadOnlyList<HostileEntry> Entries { get; }

    public HostileEntry this[string id] => Entries.Single(e => e.Id == id);

    private static HostileCorpus Parse(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        var policies = root["policies"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        var templates = root["templates"]!.AsObject().ToDictionary(t => t.Key, t => t.Value!.AsObject());
        var entries = root["entries"]!.AsArray()
            .Select((entry, ordinal) => new HostileEntry(ordinal, entry!.AsObject()))
            .ToList();
        return new HostileCorpus(policies, templates, entries);
    }
}

/// <summary>One entry of the corpus: a bad input and what it must get.</summary>
public sealed class HostileEntry(int ordinal, JsonObject json)
{
    public int Ordinal { get; } = ordinal;

    public JsonObject Json { get; } = json;

    public string Id => Text("id")!;

    public string Family => Text("family")!;

    public string Description => Text("description")!;

    /// <summary>The template a record entry breaks; null for an entry that is a whole call.</summary>
    public string? Record => Text("record");

    /// <summary>The RPC a call entry makes, e.g. "SubmissionService/SubmitBatch".</summary>
    public string? Call => Text("call");

    /// <summary>Who calls: a department, an auditor, the administrator, anonymous or an unknown key.</summary>
    public string? As => Text("as");

    public JsonObject Expect => Json["expect"]!.AsObject();

    /// <summary>The batch id the entry's records are sent under: unique in the corpus.</summary>
    public string BatchId => $"hostile-{Ordinal:D3}";

    public string? Text(string name) => Json[name]?.GetValue<string>();

    public override string ToString() => Id;
}
