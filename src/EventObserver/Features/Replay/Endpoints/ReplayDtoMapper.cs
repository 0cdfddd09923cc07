using EventObserver.Core.Projections;
using EventObserver.Features.Events;
using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Replay;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>Maps replay runs to API shapes; names of statuses and kinds in lower case.</summary>
public static class ReplayDtoMapper
{
    public static ReplayRunDto ToDto(ReplayRunSnapshot s, bool withState = true) => new(
        s.Id,
        Lower(s.Kind.ToString()),
        Lower(s.Status.ToString()),
        s.Label,
        s.Processed,
        s.Total,
        s.Applied,
        s.Skipped,
        s.Failed,
        Math.Round(s.Percent, 2),
        Math.Round(s.EventsPerSec, 1),
        s.Eta is { } eta ? Math.Round(eta.TotalSeconds, 1) : null,
        s.StartedAt,
        s.FinishedAt,
        withState ? s.State : null,
        s.StateTruncated,
        s.PartitionCount,
        withState ? [.. s.Changes.Select(ToChange)] : [],
        s.LastEvent is { } e
            ? new ReplayEventRefDto(e.Position.Topic, e.Position.Partition, e.Position.Offset, e.Type, e.Timestamp, Lower(e.Outcome.ToString()), e.PartitionKey, Link(e.Position.Topic, e.Position.Partition, e.Position.Offset))
            : null,
        [.. s.Errors.Select(ToError)],
        s.Message,
        s.Publish is { } p ? ToPublish(p, withState) : null);

    public static ReplayChangeDto ToChange(JsonChange c) => new(c.Path, Lower(c.Change.ToString()), c.Before, c.After);

    public static ReplayErrorDto ToError(ProjectionError e) => new(
        Lower(e.Kind.ToString()),
        e.Message,
        e.Position?.Topic,
        e.Position?.Partition,
        e.Position?.Offset,
        e.EventType,
        e.JsStack,
        e.Line,
        e.Column,
        e.PartitionKey,
        e.Position is { } at ? Link(at.Topic, at.Partition, at.Offset) : null);

    private static ReplayPublishDto ToPublish(ReplayPublishProgress p, bool withPreview) => new(
        p.TargetTopic, p.DryRun, p.RatePerSec, p.Queued, p.Delivered, p.Failed, p.FirstError, p.WouldBeRefused,
        withPreview ? [.. p.Previews.Select(ToPreview)] : []);

    private static ReplayPreviewDto ToPreview(PublishPreview p) =>
        new(p.Source.ToString(), p.TargetTopic, p.Type, p.Key, p.ValueBytes, [.. p.Headers.Select(EventDtoMapper.ToHeader)]);

    private static string Link(string topic, int partition, long offset) =>
        $"/api/events/{Uri.EscapeDataString(topic)}/{partition}/{offset}";

    private static string Lower(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
