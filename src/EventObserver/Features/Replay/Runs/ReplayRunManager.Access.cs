using EventObserver.Access.Enforcement;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Features.Replay.Runs;

/// <summary>What a user may replay and re-publish.</summary>
public sealed partial class ReplayRunManager
{
    /// <summary>
    /// Why <paramref name="view"/>'s user may not start <paramref name="request"/>, or null: the selection names a topic
    /// they may not read; a publish targets one; or a real publish by a user who sees masked values would send raw values
    /// of topics with masking rules (re-publishing never sends masked bytes, which would corrupt the target topic).
    /// </summary>
    private ReplayStartResult? Refusal(ReplayRequest request, AccessView view, IEventIndex index)
    {
        if (SelectionAccess.Refusal(request.Selection, view.Access) is { } selection)
        {
            return ReplayStartResult.Failed(ReplayStartProblem.AccessDenied, selection);
        }

        if (request.Publish is not { } publish)
        {
            return null;
        }

        var target = publish.TargetTopic?.Trim() ?? string.Empty;
        if (target.Length > 0 && !view.CanRead(target))
        {
            return ReplayStartResult.Failed(ReplayStartProblem.AccessDenied,
                $"{view.Access.Name} may not read the target topic '{target}', so may not re-publish to it (EventObserver:Auth:TopicAccess).");
        }

        if (publish.DryRun || !view.Masks)
        {
            return null;
        }

        var masked = MaskedSourceTopics(request.Selection, index);
        return masked.Count == 0
            ? null
            : ReplayStartResult.Failed(ReplayStartProblem.AccessDenied,
                $"The selection holds events of {string.Join(", ", masked.Select(t => $"'{t}'"))}, which have masking rules: only a user who sees raw values " +
                "(role Unmask or Admin) may re-publish them, as their raw bytes would be sent. A dry run shows them masked.");
    }

    /// <summary>The readable topics with masking rules that the selection holds events of.</summary>
    private List<string> MaskedSourceTopics(EventSelection selection, IEventIndex index)
    {
        var candidates = selection.Topics.Count > 0 ? selection.Topics : [.. index.GetStatistics().Topics.Keys];
        var range = new EventRange { Selection = selection };
        return [.. candidates
            .Where(_masker.AppliesTo)
            .Where(topic => index.Count(range with { Selection = selection with { Topics = [topic], Limit = null } }) > 0)
            .Order(StringComparer.Ordinal)];
    }
}
