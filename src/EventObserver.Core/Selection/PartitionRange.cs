using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EventObserver.Core.Selection;

/// <summary>
/// Offsets <see cref="FromOffset"/> to <see cref="ToOffset"/> (both inclusive; a missing bound is open) of one
/// partition, written <c>topic/partition</c> (all of it), <c>topic/partition/from-to</c>, <c>topic/partition/from-</c>,
/// <c>topic/partition/-to</c> or <c>topic/partition/offset</c> (that one offset).
/// </summary>
public readonly record struct PartitionRange(string Topic, int Partition, long? FromOffset = null, long? ToOffset = null)
    : IQueryValue<PartitionRange>
{
    public bool Contains(long offset) => offset >= (FromOffset ?? 0) && offset <= (ToOffset ?? long.MaxValue);

    /// <summary>Whether any offset from <paramref name="first"/> to <paramref name="last"/> is inside.</summary>
    public bool Overlaps(long first, long last) => (FromOffset ?? 0) <= last && (ToOffset ?? long.MaxValue) >= first;

    /// <summary>Whether <paramref name="from"/> to <paramref name="to"/> all lie inside.</summary>
    public bool Covers(long from, long to) => (FromOffset ?? 0) <= from && (ToOffset ?? long.MaxValue) >= to;

    public bool IsOf(string topic, int partition) => Partition == partition && string.Equals(Topic, topic, StringComparison.Ordinal);

    public static bool TryParse(
        [NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out PartitionRange result, [NotNullWhen(false)] out string? problem)
    {
        result = default;
        problem = $"'{text}' is not a partition range; use topic/partition, topic/partition/from-to, from- or -to.";
        var parts = text?.Trim().Split('/');
        if (parts is not ([{ Length: > 0 }, _] or [{ Length: > 0 }, _, _])
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var partition))
        {
            return false;
        }

        long? from = null, to = null;
        if (parts.Length == 3)
        {
            var dash = parts[2].IndexOf('-', StringComparison.Ordinal);
            var fromText = dash < 0 ? parts[2] : parts[2][..dash];
            var toText = dash < 0 ? parts[2] : parts[2][(dash + 1)..];
            if ((fromText.Length == 0 && toText.Length == 0) || !Offset(fromText, ref from) || !Offset(toText, ref to))
            {
                return false;
            }
        }

        result = new PartitionRange(parts[0], partition, from, to);
        problem = null;
        return true;
    }

    public override string ToString() => (FromOffset, ToOffset) switch
    {
        (null, null) => string.Create(CultureInfo.InvariantCulture, $"{Topic}/{Partition}"),
        ({ } from, { } to) when from == to => string.Create(CultureInfo.InvariantCulture, $"{Topic}/{Partition}/{from}"),
        var (from, to) => string.Create(CultureInfo.InvariantCulture, $"{Topic}/{Partition}/{from}-{to}"),
    };

    private static bool Offset(string text, ref long? offset)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        offset = value;
        return true;
    }
}
