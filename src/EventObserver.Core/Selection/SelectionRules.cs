using System.Globalization;

namespace EventObserver.Core.Selection;

/// <summary>What makes an <see cref="EventSelection"/> unusable, by the query-string parameter that holds the part.</summary>
internal static class SelectionRules
{
    public static Dictionary<string, string[]> Validate(EventSelection selection, long maxLimit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (selection is { From: { } from, To: { } to } && from > to)
        {
            errors["from"] = [$"'from' ({from:O}) is after 'to' ({to:O})."];
        }

        if (selection.Limit is { } limit && (limit < 1 || limit > maxLimit))
        {
            errors["limit"] = [maxLimit == long.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"'limit' must be 1 or more; it is {limit}.")
                : LimitProblem(limit.ToString(CultureInfo.InvariantCulture), maxLimit)];
        }

        if (RangeProblems(selection.Ranges) is { Count: > 0 } problems)
        {
            errors[EventSelectionQuery.Range] = [.. problems];
        }

        return errors;
    }

    /// <summary>Why <paramref name="text"/> is no limit for a caller taking at most <paramref name="maxLimit"/>.</summary>
    public static string LimitProblem(string text, long maxLimit) => maxLimit == long.MaxValue
        ? $"'{text}' is not a valid limit; use a whole number, 1 or more."
        : string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a valid limit; use a whole number from 1 to {maxLimit}.");

    private static List<string> RangeProblems(IReadOnlyList<PartitionRange> ranges)
    {
        var problems = new List<string>();
        if (ranges.Count == 0)
        {
            return problems;
        }

        if (ranges.Any(r => string.IsNullOrWhiteSpace(r.Topic)))
        {
            problems.Add("Partition offset ranges need a 'topic'.");
        }

        if (ranges.Count > EventSelection.MaxRanges)
        {
            problems.Add($"At most {EventSelection.MaxRanges} partition ranges.");
        }

        foreach (var range in ranges)
        {
            if (range.Partition < 0 || range.FromOffset is < 0 || range.ToOffset is < 0
                || (range.FromOffset is { } f && range.ToOffset is { } t && f > t))
            {
                problems.Add($"Bad range {range}: partition and offsets must be 0 or more, fromOffset at most toOffset.");
            }
        }

        return problems;
    }
}
