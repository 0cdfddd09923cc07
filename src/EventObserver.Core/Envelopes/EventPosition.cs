using System.Diagnostics.CodeAnalysis;
using System.Globalization;

using EventObserver.Core.Selection;

namespace EventObserver.Core.Envelopes;

/// <summary>
/// A record's position in the cluster: topic, partition and offset, written <c>topic/partition/offset</c>. Kafka topic
/// names never hold a slash, so the text has exactly three parts; partition and offset are plain digits.
/// </summary>
public readonly record struct EventPosition(string Topic, int Partition, long Offset) : IQueryValue<EventPosition>
{
    public static string Format(string topic, int partition, long offset) => $"{topic}/{partition}/{offset}";

    public static bool TryParse(
        [NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out EventPosition result, [NotNullWhen(false)] out string? problem)
    {
        result = default;
        var parts = text?.Trim().Split('/');
        if (parts is not [{ Length: > 0 } topic, var partitionText, var offsetText]
            || !int.TryParse(partitionText, NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            || !long.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            problem = $"'{text}' is not a position; use topic/partition/offset, e.g. orders/0/42.";
            return false;
        }

        result = new EventPosition(topic, partition, offset);
        problem = null;
        return true;
    }

    /// <summary>Reads <c>topic/partition/offset</c>; false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EventPosition result) => TryParse(text, out result, out _);

    public override string ToString() => Format(Topic, Partition, Offset);
}
