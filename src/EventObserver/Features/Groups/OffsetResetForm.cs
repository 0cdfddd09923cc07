using System.Globalization;

using EventObserver.Core.Groups;

namespace EventObserver.Features.Groups;

/// <summary>The reset panel's inputs; <see cref="TryToRequest"/> turns them into a request or says what is wrong.</summary>
public sealed class OffsetResetForm
{
    public static IReadOnlyList<OffsetResetTarget> Targets { get; } = Enum.GetValues<OffsetResetTarget>();

    public OffsetResetTarget Target { get; set; } = OffsetResetTarget.Earliest;

    /// <summary>Null or empty: every topic the group committed on.</summary>
    public string? Topic { get; set; }

    /// <summary>Null: every partition of <see cref="Topic"/>.</summary>
    public int? Partition { get; set; }

    /// <summary>ISO-8601 text ("2025-01-31T12:00:00Z"); a time without an offset is read as UTC.</summary>
    public string? Time { get; set; }

    public long? Offset { get; set; }

    public bool TryToRequest(string groupId, out OffsetResetRequest request, out string? problem)
    {
        DateTimeOffset? time = null;
        request = new OffsetResetRequest(groupId, Target);
        if (Target == OffsetResetTarget.Time && !string.IsNullOrWhiteSpace(Time))
        {
            if (!DateTimeOffset.TryParse(Time.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                problem = $"'{Time}' is not a time; write it like 2025-01-31T12:00:00Z.";
                return false;
            }

            time = parsed;
        }

        var topic = string.IsNullOrWhiteSpace(Topic) ? null : Topic;
        request = new OffsetResetRequest(
            groupId,
            Target,
            topic,
            topic is null ? null : Partition,
            Target == OffsetResetTarget.Time ? time : null,
            Target == OffsetResetTarget.Offset ? Offset : null);
        var problems = GroupQueries.Validate(request);
        problem = problems.Count == 0 ? null : string.Join(" ", problems.Values.SelectMany(v => v));
        return problem is null;
    }
}
