using System.Text.Json.Nodes;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>One difference: a JSON Pointer path, <c>added</c>/<c>removed</c>/<c>changed</c>, the values before and after.</summary>
/// <param name="Path">JSON Pointer into the state.</param>
/// <param name="Change"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
public sealed record ReplayChangeDto(string Path, string Change, JsonNode? Before, JsonNode? After);
