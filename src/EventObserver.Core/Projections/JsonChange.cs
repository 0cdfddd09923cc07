using System.Text.Json.Nodes;

namespace EventObserver.Core.Projections;

/// <summary>One difference between two JSON documents.</summary>
/// <param name="Path">JSON Pointer (RFC 6901): <c>""</c> is the root, <c>/orders/2/status</c> a nested member.</param>
/// <param name="Before">The old value (a copy); null when added, or when the old value was JSON null.</param>
/// <param name="After">The new value (a copy); null when removed, or when the new value is JSON null.</param>
public sealed record JsonChange(string Path, JsonChangeKind Change, JsonNode? Before, JsonNode? After);
