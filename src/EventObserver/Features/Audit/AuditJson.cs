using System.Text.Json;
using System.Text.Json.Serialization;

using EventObserver.Access;

namespace EventObserver.Features.Audit;

/// <summary>The JSON form of an audit record on the Kafka topic: camelCase, the action by name, nulls left out.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize(AuditEntry entry) => JsonSerializer.SerializeToUtf8Bytes(entry, Options);

    public static AuditEntry? Deserialize(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<AuditEntry>(json, Options);
}
