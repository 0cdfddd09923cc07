using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventObserver.Features.Replay.Runs;

/// <summary>How selections are written to the publish log: camelCase, enums by name, nulls left out.</summary>
internal static class ReplayJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
