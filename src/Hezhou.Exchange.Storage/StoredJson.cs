using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hezhou.Exchange.Storage;

/// <summary>How provenance and source references are written to, and read from, the reconciled tables' JSON columns.</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException("A stored JSON column is empty.");
}
