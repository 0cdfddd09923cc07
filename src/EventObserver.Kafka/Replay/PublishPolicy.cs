using System.Text.RegularExpressions;

namespace EventObserver.Kafka.Replay;

/// <summary>What the operator allows re-publishing into (from <c>EventObserver:Replay</c>).</summary>
/// <param name="AllowPublish">Off by default: nothing is sent unless this is true.</param>
/// <param name="AllowedTargets">Regular expressions; a target topic must match at least one.</param>
public sealed record PublishPolicy(bool AllowPublish, IReadOnlyList<string> AllowedTargets)
{
    public static PublishPolicy Disabled { get; } = new(false, []);

    public bool IsTargetAllowed(string topic) =>
        AllowedTargets.Any(pattern => Regex.IsMatch(topic, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
}
