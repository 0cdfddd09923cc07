using EventObserver.Core.Conventions;

namespace EventObserver.Features.Conventions;

public static class ConventionsDtoMapper
{
    public static ConventionsDto ToDto(ConventionsSnapshot snapshot)
    {
        var report = snapshot.Report;
        return new ConventionsDto(
            snapshot.Window.Text, snapshot.From, snapshot.To, snapshot.InWindow, snapshot.Read, snapshot.Capped, snapshot.MaxEvents,
            snapshot.ReadFrom, report.Checked, report.Flagged, report.Tombstones, [.. report.Sources.Select(ToDto)]);
    }

    private static ConventionSourceDto ToDto(SourceConventions s) => new(
        s.Source, s.IsTopic, s.Checked, s.Events, s.Commands, s.ConversationStarts, s.Flagged, s.Topics, [.. s.Findings.Select(ToDto)]);

    private static ConventionFindingDto ToDto(ConventionFinding f) => new(
        f.Rule,
        f.Count,
        f.DistinctTypes,
        [.. f.Types.Select(t => new ConventionTypeCountDto(t.Type, t.Count, t.ReadsAs))],
        [.. f.Examples.Select(e => new ConventionExampleDto(e.Id, e.Type, e.Topic, e.Partition, e.Offset, e.Timestamp))]);
}
