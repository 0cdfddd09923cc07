using EventObserver.Features.Replay.Runs;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>
/// Longest texts the API takes for names, labels and selection values. Pages render them and problems echo them, so
/// a body-sized label would become a body-sized page; over-long values are a 400 naming the field.
/// </summary>
internal static class ApiTextLimits
{
    public const int MaxLabelLength = 200;
    public const int MaxDescriptionLength = 2_000;
    public const int MaxSelectionValueLength = 1_000;
    public const int MaxTopicLength = 249;
    private const int MaxOnErrorLength = 20;

    public static Dictionary<string, string[]> Check(ReplayRequestDto request, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Selection is { } selection ? Check(selection, prefix + "selection.") : [];
        Add(errors, prefix + "label", request.Label, MaxLabelLength);
        Add(errors, prefix + "template", request.Template, MaxLabelLength);
        Add(errors, prefix + "saved.name", request.Saved?.Name, ReplayQueries.MaxNameLength);
        Add(errors, prefix + "projection", request.Projection, ReplayQueries.MaxScriptLength);
        Add(errors, prefix + "onError", request.OnError, MaxOnErrorLength);
        Add(errors, prefix + "publish.targetTopic", request.Publish?.TargetTopic, MaxTopicLength);
        return errors;
    }

    public static Dictionary<string, string[]> Check(ReplaySelectionDto selection, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(selection);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Add(errors, prefix + "topic", selection.Topic, MaxTopicLength);
        for (var i = 0; i < (selection.Topics?.Count ?? 0); i++)
        {
            Add(errors, $"{prefix}topics[{i}]", selection.Topics![i], MaxTopicLength);
        }

        Add(errors, prefix + "type", selection.Type, MaxSelectionValueLength);
        Add(errors, prefix + "key", selection.Key, MaxSelectionValueLength);
        Add(errors, prefix + "correlationId", selection.CorrelationId, MaxSelectionValueLength);
        Add(errors, prefix + "causationId", selection.CausationId, MaxSelectionValueLength);
        Add(errors, prefix + "messageId", selection.MessageId, MaxSelectionValueLength);
        Add(errors, prefix + "source", selection.Source, MaxSelectionValueLength);
        Add(errors, prefix + "header", selection.Header, MaxSelectionValueLength);
        Add(errors, prefix + "kind", selection.Kind, MaxSelectionValueLength);
        return errors;
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value is { Length: var length } && length > max)
        {
            errors[field] = [$"'{field}' is {length:N0} characters; at most {max:N0} are accepted."];
        }
    }
}
