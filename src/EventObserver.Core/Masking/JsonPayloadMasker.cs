using System.Numerics;
using System.Text;
using System.Text.Json;
using EventObserver.Core.Decoding;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Masking;

/// <summary>
/// JSON path and pattern rules over one JSON payload in a single forward pass of <see cref="Utf8JsonReader"/>. Only
/// the selected values are rewritten (edits spliced into the original bytes), so everything else keeps its exact
/// bytes and formatting; a subtree no rule can reach is skipped unread. Path matching keeps, per open container and
/// rule, the set of path steps that may match next, so wildcards and descendants cost no backtracking.
/// </summary>
internal sealed class JsonPayloadMasker(RuleSlot[] paths, RuleSlot[] patterns, MaskValues values)
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    private readonly ulong[] _accept = [.. paths.Select(p => 1UL << p.Rule.Steps.Length)];

    /// <summary>
    /// The masked payload, or null when no byte changed. Rules that selected something set their bit in
    /// <paramref name="matched"/>. A payload that does not parse (the decoder said JSON, so this is not expected)
    /// fails closed: <paramref name="unreadable"/> is set and the whole payload becomes <c>"****"</c>.
    /// </summary>
    public byte[]? Mask(byte[] payload, ref ulong matched, out bool unreadable)
    {
        unreadable = false;
        var json = JsonPayloadScanner.SkipBom(payload);
        var workspace = JsonMaskingWorkspace.Rent(paths.Length, payload.Length - json.Length);
        var before = matched;
        try
        {
            Walk(json, workspace, ref matched);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or DecoderFallbackException)
        {
            matched = before; // what the walk saw before it failed is gone with the rest of the payload
            unreadable = true;
            return JsonReplacements.Literal(MaskValues.Masked);
        }

        return workspace.Edits.Count == 0 ? null : PayloadEdit.Apply(payload, workspace.Edits);
    }

    private void Walk(ReadOnlySpan<byte> json, JsonMaskingWorkspace workspace, ref ulong matched)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        if (!reader.Read())
        {
            return;
        }

        var depth = -1;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                Array.Fill(workspace.States, 1UL, 0, paths.Length); // every path starts at its first step
                workspace.Frames[0] = JsonMaskingFrame.Open();
                depth = 0;
                break;
            case JsonTokenType.String when patterns.Length > 0:
                MaskString(ref reader, workspace, (int)reader.TokenStartIndex, (int)reader.BytesConsumed, ref matched);
                return;
            default:
                return; // a bare number, true, false or null: no path selects the root
        }

        while (depth >= 0 && reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    ref var closed = ref workspace.Frames[depth];
                    if (closed.PendingStart >= 0)
                    {
                        workspace.Cut(closed.PendingStart, closed.PendingEnd);
                    }

                    if (--depth >= 0)
                    {
                        workspace.Frames[depth].LastKeptEnd = (int)reader.BytesConsumed;
                    }

                    break;
                case JsonTokenType.PropertyName:
                    var memberStart = (int)reader.TokenStartIndex;
                    ChildStates(ref reader, workspace.States, depth, index: -1);
                    reader.Read();
                    Member(ref reader, json, workspace, ref depth, memberStart, ref matched);
                    break;
                default:
                    var elementStart = (int)reader.TokenStartIndex;
                    ChildStates(ref reader, workspace.States, depth, workspace.Frames[depth].NextIndex++);
                    Member(ref reader, json, workspace, ref depth, elementStart, ref matched);
                    break;
            }
        }
    }

    /// <summary>From the path states of the container at <paramref name="depth"/> to those of its current child.</summary>
    /// <param name="reader">On the child's property name (objects) or on its value (arrays).</param>
    /// <param name="states">The workspace's states.</param>
    /// <param name="depth">The container's depth.</param>
    /// <param name="index">The element's index in an array; -1 for an object member (its name is under the reader).</param>
    private void ChildStates(ref Utf8JsonReader reader, ulong[] states, int depth, int index)
    {
        var parent = depth * paths.Length;
        var child = parent + paths.Length;
        for (var r = 0; r < paths.Length; r++)
        {
            var rule = paths[r].Rule;
            var steps = rule.Steps;
            var current = states[parent + r];
            var next = 0UL;
            while (current != 0)
            {
                var k = BitOperations.TrailingZeroCount(current);
                current &= current - 1;
                if (k >= steps.Length)
                {
                    continue;
                }

                var step = steps[k];
                var hit = index < 0
                    ? step.Kind == JsonPathStepKind.AnyProperty || (step.Kind == JsonPathStepKind.Property && reader.ValueTextEquals(rule.PathNames[k]))
                    : step.Kind == JsonPathStepKind.AnyElement || (step.Kind == JsonPathStepKind.Element && step.Index == index);
                if (hit)
                {
                    next |= 1UL << (k + 1);
                }

                if (step.Descendant)
                {
                    next |= 1UL << k;
                }
            }

            states[child + r] = next;
        }
    }

    /// <summary>One member or element, the reader on its value: mask it whole, descend into it, or keep it.</summary>
    private void Member(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, JsonMaskingWorkspace workspace, ref int depth, int memberStart, ref ulong matched)
    {
        var child = (depth + 1) * paths.Length;
        var live = false;
        for (var r = 0; r < paths.Length; r++)
        {
            var states = workspace.States[child + r];
            if ((states & _accept[r]) != 0)
            {
                matched |= paths[r].Bit;
                MaskValue(ref reader, json, workspace, depth, memberStart, paths[r].Rule.Action);
                return;
            }

            live |= states != 0;
        }

        ref var frame = ref workspace.Frames[depth];
        Keep(workspace, ref frame, memberStart);
        var valueStart = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            if (live || patterns.Length > 0)
            {
                workspace.Frames[++depth] = JsonMaskingFrame.Open();
                return;
            }

            reader.Skip();
            frame.LastKeptEnd = (int)reader.BytesConsumed;
            return;
        }

        frame.LastKeptEnd = (int)reader.BytesConsumed;
        if (reader.TokenType == JsonTokenType.String && patterns.Length > 0)
        {
            MaskString(ref reader, workspace, valueStart, (int)reader.BytesConsumed, ref matched);
        }
    }

    /// <summary>A value a path rule selected: cut out with its member, or replaced whole (containers included).</summary>
    private void MaskValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, JsonMaskingWorkspace workspace, int depth, int memberStart, MaskingAction action)
    {
        var valueStart = (int)reader.TokenStartIndex;
        ref var frame = ref workspace.Frames[depth];
        if (action == MaskingAction.Remove)
        {
            reader.Skip();
            if (frame.PendingStart < 0)
            {
                frame.PendingStart = frame.HasKept ? frame.LastKeptEnd : memberStart;
            }

            frame.PendingEnd = (int)reader.BytesConsumed;
            return;
        }

        Keep(workspace, ref frame, memberStart);
        var replacement = JsonReplacements.For(ref reader, json, action, values);
        var valueEnd = (int)reader.BytesConsumed;
        frame.LastKeptEnd = valueEnd;
        if (!replacement.AsSpan().SequenceEqual(json[valueStart..valueEnd]))
        {
            workspace.Replace(valueStart, valueEnd, replacement);
        }
    }

    /// <summary>A kept member: first cut out the run of removed members before it.</summary>
    private static void Keep(JsonMaskingWorkspace workspace, ref JsonMaskingFrame frame, int memberStart)
    {
        if (frame.PendingStart >= 0)
        {
            workspace.Cut(frame.PendingStart, frame.HasKept ? frame.PendingEnd : memberStart);
            frame.PendingStart = -1;
        }

        frame.HasKept = true;
    }

    private void MaskString(ref Utf8JsonReader reader, JsonMaskingWorkspace workspace, int valueStart, int valueEnd, ref ulong matched)
    {
        if (JsonReplacements.MaskString(ref reader, patterns, values, ref matched) is { } replacement)
        {
            workspace.Replace(valueStart, valueEnd, replacement);
        }
    }
}
