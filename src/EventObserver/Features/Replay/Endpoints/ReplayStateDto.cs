using System.Text.Json.Nodes;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary><c>GET /api/replays/{id}/state</c>: the whole state, or one partition's when <c>partition</c> is given.</summary>
public sealed record ReplayStateDto(string Id, string? Partition, JsonNode? State);
