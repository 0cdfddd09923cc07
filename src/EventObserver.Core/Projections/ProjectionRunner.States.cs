using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventObserver.Core.Envelopes;
using Jint;
using Jint.Native;
using Jint.Native.Error;
using Jint.Runtime;

namespace EventObserver.Core.Projections;

/// <summary>Partition bookkeeping and the state-size cap.</summary>
public sealed partial class ProjectionRunner
{
    private const int MaxStateDepth = 512;

    private JsValue InitialState()
    {
        var initial = _init is null ? JsValue.Undefined : _sandbox.Call(_init);
        return initial.IsUndefined() ? new JsObject(_sandbox.Engine) : initial;
    }

    private PartitionState GetOrCreatePartition(string key, EventEnvelope envelope)
    {
        if (_partitions.TryGetValue(key, out var existing))
        {
            return existing;
        }

        if (_partitions.Count >= Limits.MaxPartitions)
        {
            throw new SandboxLimitException(ProjectionErrors.Create(ProjectionErrorKind.TooManyPartitions,
                string.Create(CultureInfo.InvariantCulture, $"The projection would create more than {Limits.MaxPartitions:N0} partitions."), envelope, key));
        }

        var created = new PartitionState(key, InitialState());
        _partitions.Add(key, created);
        _memory.AddPartition(key);
        _partitionOrder.Add(key);
        return created;
    }

    /// <summary>
    /// Measuring means serialising, so it is amortised: a state cannot grow by more than the thread allocated while
    /// events were applied to it, so it is measured once its last size plus those bytes could pass the cap, and at
    /// least every <see cref="ProjectionLimits.StateCheckInterval"/> events (shared references grow JSON without
    /// allocating). Memory kept outside the state (script-level variables) is not measured.
    /// </summary>
    private void TrackSize(PartitionState partition, long allocated, EventEnvelope envelope)
    {
        partition.AllocatedSinceCheck += allocated;
        partition.EventsSinceCheck++;
        if (partition.LastJsonLength + partition.AllocatedSinceCheck <= Limits.MaxStateJsonLength
            && partition.EventsSinceCheck < Limits.StateCheckInterval)
        {
            return;
        }

        string? json;
        try
        {
            // The guarded stringify estimates as it goes and refuses well past the cap; the exact length decides below.
            json = _sandbox.Stringify(partition.State, 2 * Limits.MaxStateJsonLength);
        }
        catch (MemoryLimitExceededException)
        {
            throw TooLarge(partition, "could not be serialised within the memory limit", envelope);
        }
        catch (JavaScriptException ex) when (ex.Error is ErrorInstance && ex.Message.Contains("Invalid string length", StringComparison.Ordinal))
        {
            throw TooLarge(partition, string.Create(CultureInfo.InvariantCulture, $"is over {2 * Limits.MaxStateJsonLength:N0} characters of JSON"), envelope);
        }

        partition.LastJsonLength = json?.Length ?? 0;
        partition.AllocatedSinceCheck = 0;
        partition.EventsSinceCheck = 0;
        if (partition.LastJsonLength > Limits.MaxStateJsonLength)
        {
            throw TooLarge(partition, string.Create(CultureInfo.InvariantCulture, $"is {partition.LastJsonLength:N0} characters of JSON"), envelope);
        }
    }

    private SandboxLimitException TooLarge(PartitionState partition, string what, EventEnvelope envelope)
    {
        var subject = partition.Key is null ? "The state" : $"The state of partition '{partition.Key}'";
        return new SandboxLimitException(ProjectionErrors.Create(ProjectionErrorKind.StateTooLarge,
            string.Create(CultureInfo.InvariantCulture, $"{subject} {what}; the limit is {Limits.MaxStateJsonLength:N0}."), envelope, partition.Key));
    }

    /// <summary>
    /// The whole state (as <see cref="GetState"/>) as UTF-8 JSON, or null when it has no JSON form or would take more than
    /// <paramref name="maxBytes"/>: what a finished run keeps once its engine is released.
    /// </summary>
    public byte[]? TryGetStateJson(long maxBytes)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            try
            {
                if (_single is not null)
                {
                    writer.WriteRawValue(StateJson(_single, maxBytes) ?? "null", skipInputValidation: true);
                }
                else
                {
                    writer.WriteStartObject();
                    foreach (var key in _partitionOrder)
                    {
                        writer.WritePropertyName(key);
                        writer.WriteRawValue(StateJson(_partitions[key], maxBytes) ?? "null", skipInputValidation: true);
                        if (writer.BytesCommitted + writer.BytesPending > maxBytes)
                        {
                            return null;
                        }
                    }

                    writer.WriteEndObject();
                }
            }
            catch (ProjectionStateException)
            {
                return null;
            }
        }

        return buffer.WrittenCount > maxBytes ? null : buffer.WrittenSpan.ToArray();
    }

    private string? StateJson(PartitionState partition, long maxLength)
    {
        try
        {
            return Charged(partition, p => _sandbox.Stringify(p.State, Math.Min(maxLength, 2 * Limits.MaxStateJsonLength)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ProjectionStateException(ProjectionErrors.FromException(ex, _sandbox, null, partition.Key));
        }
    }

    private JsonNode? ToJson(PartitionState partition)
    {
        string? json;
        try
        {
            json = Charged(partition, p => _sandbox.Stringify(p.State, 2 * Limits.MaxStateJsonLength));
        }
        catch (Exception ex)
        {
            throw new ProjectionStateException(ProjectionErrors.FromException(ex, _sandbox, null, partition.Key));
        }

        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json, null, new JsonDocumentOptions { MaxDepth = MaxStateDepth });
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new ProjectionStateException(ProjectionErrors.Create(ProjectionErrorKind.StateTooLarge,
                $"The state cannot be read as JSON (nested deeper than {MaxStateDepth} levels?): {ex.Message}", null, partition.Key));
        }
    }
}
