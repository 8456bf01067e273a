using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Hostile;

/// <summary>
/// Builds the bytes of corpus entries: a template with fields set or removed, values the JSON spells as directives
/// (a string repeated a million times, an array of 100,000 members), raw bytes appended inside a nested message.
/// </summary>
public static partial class HostileInputs
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    /// <summary>The template's record with the entry's changes, under <paramref name="sourceKey"/> unless it sets its own.</summary>
    public static SubmissionRecord Record(JsonObject template, JsonObject? set, JsonArray? unset, string sourceKey, string batchId)
    {
        var json = template.DeepClone().AsObject();
        json["source_key"] = sourceKey;
        var repeated = new List<(string Path, int Count)>();
        foreach (var (path, value) in set ?? [])
        {
            if (value is JsonObject directive && directive["$array"] is { } element)
            {
                // A huge array is built as one element, parsed, and copied in the message: JSON of 100,000 members
                // would take seconds to write and parse.
                Assign(json, path, new JsonArray(Expand(element.DeepClone(), batchId, null)));
                repeated.Add((path, Count(directive)));
                continue;
            }
            Assign(json, path, value is null ? null : Expand(value, batchId, null));
        }
        foreach (var path in unset ?? [])
        {
            Assign(json, path!.GetValue<string>(), null, remove: true);
        }
        var record = Parser.Parse<SubmissionRecord>(json.ToJsonString());
        foreach (var (path, count) in repeated)
        {
            var list = RepeatedField(record, path);
            var first = (IMessage)list[0]!;
            for (var i = 1; i < count; i++)
            {
                list.Add(first.Descriptor.Parser.ParseFrom(first.ToByteArray()));
            }
        }
        return record;
    }

    /// <summary>The repeated message field at a path such as "household.members".</summary>
    private static System.Collections.IList RepeatedField(IMessage message, string path)
    {
        var segments = path.Split('.');
        foreach (var segment in segments[..^1])
        {
            message = (IMessage)message.Descriptor.FindFieldByName(segment).Accessor.GetValue(message);
        }
        return (System.Collections.IList)message.Descriptor.FindFieldByName(segments[^1]).Accessor.GetValue(message);
    }

    /// <summary>A request message of the method's input type from its proto3 JSON, directives expanded.</summary>
    public static byte[] Request(MessageDescriptor type, JsonNode json, string batchId, IReadOnlyDictionary<string, JsonObject> templates) =>
        Parser.Parse(Expand(json, batchId, templates)!.ToJsonString(), type).ToByteArray();

    /// <summary>
    /// The message's bytes with <paramref name="extra"/> appended to the nested message at <paramref name="path"/>
    /// ("" for the message itself, "household.members[1]" for a member): fields no generated serializer would write.
    /// </summary>
    public static byte[] WithBytesAppended(IMessage message, string path, byte[] extra)
    {
        if (path.Length == 0)
        {
            return [.. message.ToByteArray(), .. extra];
        }

        var dot = path.IndexOf('.');
        var (segment, rest) = dot < 0 ? (path, "") : (path[..dot], path[(dot + 1)..]);
        var match = Segment().Match(segment);
        var field = message.Descriptor.FindFieldByName(match.Groups["name"].Value)
            ?? throw new ArgumentException($"{message.Descriptor.Name} has no field {segment}", nameof(path));
        var index = match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) : -1;

        // The message without the field, then the field's elements in order, the one on the path rebuilt.
        var parent = message.Descriptor.Parser.ParseFrom(message.ToByteArray());
        field.Accessor.Clear(parent);
        using var output = new MemoryStream();
        output.Write(parent.ToByteArray());
        IEnumerable<IMessage> children = field.IsRepeated
            ? ((System.Collections.IList)field.Accessor.GetValue(message)).Cast<IMessage>()
            : [(IMessage?)field.Accessor.GetValue(message) ?? field.MessageType.Parser.ParseFrom(ByteString.Empty)];
        var position = 0;
        foreach (var child in children)
        {
            var onPath = !field.IsRepeated || position == index;
            var bytes = onPath ? WithBytesAppended(child, rest, extra) : child.ToByteArray();
            WriteLengthDelimited(output, field.FieldNumber, bytes);
            position++;
        }
        return output.ToArray();
    }

    /// <summary>A SubmitBatchRequest or StreamRecordsRequest (same field numbers) of records already serialized.</summary>
    public static byte[] Batch(string batchId, IEnumerable<byte[]> records)
    {
        using var output = new MemoryStream();
        WriteLengthDelimited(output, SubmitBatchRequest.BatchIdFieldNumber, System.Text.Encoding.UTF8.GetBytes(batchId));
        foreach (var record in records)
        {
            WriteLengthDelimited(output, SubmitBatchRequest.RecordsFieldNumber, record);
        }
        return output.ToArray();
    }

    /// <summary>A StreamRecordsRequest of one site whose name pads the message to exactly <paramref name="size"/> bytes.</summary>
    public static byte[] StreamMessageOfSize(JsonObject siteTemplate, string batchId, int size)
    {
        var message = new StreamRecordsRequest { BatchId = batchId };
        var site = Record(siteTemplate, null, null, $"{batchId}-padded", batchId);
        message.Records.Add(site);
        var padding = 0;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            site.Site.Name = new string('a', padding);
            var missing = size - message.CalculateSize();
            if (missing == 0)
            {
                return message.ToByteArray();
            }
            padding += missing;
        }
        throw new InvalidOperationException($"Cannot pad a stream message to exactly {size} bytes.");
    }

    /// <summary>
    /// Expands the directives in a JSON value: {"$repeat": "名", "count": N} is the string repeated N times;
    /// {"$array": element, "count": N} an array of N copies; {"$records": "site", "count": N} N records of the
    /// template with keys "{batch}-r{i}"; "${batch}" in a string is the entry's batch id.
    /// </summary>
    public static JsonNode? Expand(JsonNode? node, string batchId, IReadOnlyDictionary<string, JsonObject>? templates)
    {
        switch (node)
        {
            case JsonObject directive when directive["$repeat"] is { } unit:
                return JsonValue.Create(string.Concat(Enumerable.Repeat(unit.GetValue<string>(), Count(directive))));
            case JsonObject directive when directive["$array"] is { } element:
                return new JsonArray([.. Enumerable.Range(0, Count(directive)).Select(_ => Expand(element.DeepClone(), batchId, templates))]);
            case JsonObject directive when directive["$records"] is { } name:
                var template = templates![name.GetValue<string>()];
                return new JsonArray([.. Enumerable.Range(0, Count(directive)).Select(i =>
                {
                    var record = template.DeepClone().AsObject();
                    record["source_key"] = $"{batchId}-r{i}";
                    return (JsonNode)record;
                })]);
            case JsonObject json:
                return new JsonObject(json.Select(p => KeyValuePair.Create(p.Key, Expand(p.Value?.DeepClone(), batchId, templates))));
            case JsonArray array:
                return new JsonArray([.. array.Select(e => Expand(e?.DeepClone(), batchId, templates))]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(text.Replace("${batch}", batchId, StringComparison.Ordinal));
            default:
                return node?.DeepClone();
        }
    }

    private static int Count(JsonObject directive) => directive["count"]!.GetValue<int>();

    /// <summary>Sets (or removes) the value at a path such as "household.members[1].citizen_id".</summary>
    private static void Assign(JsonObject root, string path, JsonNode? value, bool remove = false)
    {
        var segments = path.Split('.');
        JsonNode current = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var match = Segment().Match(segments[i]);
            var name = match.Groups["name"].Value;
            var last = i == segments.Length - 1;
            var parent = current.AsObject();
            if (match.Groups["index"].Success)
            {
                var array = parent[name]!.AsArray();
                var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
                if (last)
                {
                    if (remove)
                    {
                        array.RemoveAt(index);
                    }
                    else
                    {
                        array[index] = value;
                    }
                    return;
                }
                current = array[index]!;
            }
            else if (last)
            {
                if (remove)
                {
                    parent.Remove(name);
                }
                else
                {
                    parent[name] = value;
                }
                return;
            }
            else
            {
                current = parent[name] ??= new JsonObject();
            }
        }
    }

    private static void WriteLengthDelimited(Stream output, int fieldNumber, byte[] bytes)
    {
        using (var coded = new CodedOutputStream(output, leaveOpen: true))
        {
            coded.WriteTag(fieldNumber, WireFormat.WireType.LengthDelimited);
            coded.WriteLength(bytes.Length);
        }
        output.Write(bytes);
    }

    [GeneratedRegex(@"^(?<name>[a-z_0-9]+)(\[(?<index>\d+)\])?$")]
    private static partial Regex Segment();
}
