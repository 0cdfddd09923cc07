using EventObserver.Core.Selection;
using EventObserver.Storage.Postgres.Rows;

using Npgsql;

namespace EventObserver.Storage.Postgres.Selection;

/// <summary>
/// A WHERE clause over <c>events</c> with positional parameters: the parts of an <see cref="EventSelection"/> the
/// B-tree indexes answer (topics, kind, type, key, ids, time, ranges; type exact, as the LiteDB index compares it) and
/// the trigram pre-filter for free text. Source, header and the exact text match stay with
/// <see cref="EventSelection.MatchesScannedParts"/>, run on each row read, as LiteDB does.
/// </summary>
internal sealed class SqlFilter
{
    private readonly List<string> _conditions = [];

    public List<NpgsqlParameter> Parameters { get; } = [];

    public string Where => _conditions.Count == 0 ? "TRUE" : string.Join(" AND ", _conditions);

    public static SqlFilter For(EventSelection selection, bool topicsAndRanges = true)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var filter = new SqlFilter();
        if (topicsAndRanges && selection.Topics.Count > 0)
        {
            filter.Add($"topic = ANY({filter.Parameter(selection.Topics.ToArray())})");
        }

        if (selection.Kind is { } kind)
        {
            filter.Add($"kind = {filter.Parameter((short)kind)}");
        }

        filter.Equal("message_type", selection.Type);
        filter.Equal("key", selection.Key);
        filter.Equal("message_id", selection.MessageId);
        filter.Equal("correlation_id", selection.CorrelationId);
        filter.Equal("causation_id", selection.CausationId);
        if (selection.From is { } from)
        {
            filter.Add($"timestamp_ms >= {filter.Parameter(from.ToUnixTimeMilliseconds())}");
        }

        if (selection.To is { } to)
        {
            filter.Add($"timestamp_ms <= {filter.Parameter(to.ToUnixTimeMilliseconds())}");
        }

        if (topicsAndRanges && selection.Ranges.Count > 0)
        {
            filter.Add("(" + string.Join(" OR ", selection.Ranges.Select(filter.Range)) + ")");
        }

        if (!string.IsNullOrEmpty(selection.Text) && SearchText.Pattern(selection.Text) is { } pattern)
        {
            var placeholder = filter.Parameter(pattern);
            filter.Add($"(search_text LIKE {placeholder} OR upper(payload_text) LIKE {placeholder})");
        }

        return filter;
    }

    /// <summary>Adds a parameter; returns its placeholder (<c>$n</c>).</summary>
    public string Parameter(object value)
    {
        Parameters.Add(new NpgsqlParameter { Value = value });
        return "$" + Parameters.Count;
    }

    public void Add(string condition) => _conditions.Add(condition);

    /// <summary>Within one of <paramref name="ranges"/> by offset alone (the caller already picked their partition).</summary>
    public void AddOffsetsWithin(IReadOnlyList<PartitionRange> ranges)
    {
        if (ranges.Count > 0)
        {
            Add("(" + string.Join(" OR ", ranges.Select(r => Offsets(r, []))) + ")");
        }
    }

    /// <summary>The parameters as a fresh list for one command (a parameter belongs to one command at a time).</summary>
    public void CopyTo(NpgsqlCommand command)
    {
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter.Value });
        }
    }

    private void Equal(string column, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Add(LookupColumns.Equal(column, Parameter(ExactStrings.ForColumn(value)!)));
        }
    }

    private string Range(PartitionRange range) =>
        Offsets(range, [$"topic = {Parameter(range.Topic)}", $"partition = {Parameter(range.Partition)}"]);

    private string Offsets(PartitionRange range, List<string> parts)
    {
        if (range.FromOffset is { } first)
        {
            parts.Add($"\"offset\" >= {Parameter(first)}");
        }

        if (range.ToOffset is { } last)
        {
            parts.Add($"\"offset\" <= {Parameter(last)}");
        }

        return parts.Count == 0 ? "TRUE" : "(" + string.Join(" AND ", parts) + ")";
    }
}
