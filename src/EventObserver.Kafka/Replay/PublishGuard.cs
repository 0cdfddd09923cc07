using System.Text.RegularExpressions;

namespace EventObserver.Kafka.Replay;

/// <summary>The checks every real publish passes before anything is sent.</summary>
public static partial class PublishGuard
{
    public static PublishDecision Check(PublishPolicy policy, string? targetTopic, IReadOnlyCollection<string> sourceTopics, bool confirmSameTopic)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(sourceTopics);
        if (string.IsNullOrWhiteSpace(targetTopic) || !TopicName().IsMatch(targetTopic) || targetTopic is "." or "..")
        {
            return new PublishDecision(PublishRefusal.InvalidTarget,
                $"'{targetTopic}' is not a Kafka topic name: 1 to 249 characters of letters, digits, '.', '_' and '-'.");
        }

        if (!policy.AllowPublish)
        {
            return new PublishDecision(PublishRefusal.Disabled,
                "Re-publishing is disabled. Set EventObserver:Replay:AllowPublish to true and list the allowed target topics in EventObserver:Replay:AllowedTargets.");
        }

        if (!policy.IsTargetAllowed(targetTopic))
        {
            return new PublishDecision(PublishRefusal.TargetNotAllowed,
                $"The target topic '{targetTopic}' matches none of EventObserver:Replay:AllowedTargets.");
        }

        if (!confirmSameTopic && sourceTopics.Contains(targetTopic, StringComparer.Ordinal))
        {
            return new PublishDecision(PublishRefusal.SameTopicNeedsConfirmation,
                $"The selection comes from '{targetTopic}' itself: its consumers would see every event twice. Send confirmSameTopic: true to do it anyway.");
        }

        return PublishDecision.Allowed;
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,249}$")]
    private static partial Regex TopicName();
}
