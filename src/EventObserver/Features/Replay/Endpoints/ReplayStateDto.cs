using System.Text.Json.Nodes;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary><c>GET /api/replays/{id}/state</c>: the whole state, or one partition's when <c>partition</c> is given.</summary>
/// <param name="Partition">The partition asked for; null for the whole state.</param>
/// <param name="State">Partition key → state when partitioned; null for a publish.</param>
public sealed record ReplayStateDto(string Id, string? Partition, JsonNode? State);
