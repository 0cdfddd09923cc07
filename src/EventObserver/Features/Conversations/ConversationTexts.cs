using System.Globalization;

using EventObserver.Core.Conversations;
using EventObserver.Features.Groups;

namespace EventObserver.Features.Conversations;

/// <summary>The words the conversations page and API use for deadlines, durations, statuses and the off state.</summary>
public static class ConversationTexts
{
    public const string EnabledSetting = "EventObserver:Monitoring:Enabled";

    public const string ProcessesSetting = "EventObserver:Monitoring:Processes";

    public static readonly string MonitoringOff =
        $"Conversation monitoring is turned off ({EnabledSetting}=false): set it to true to track processes and stuck conversations.";

    public const string StatusProblem = "status must be stuck, open, completed or failed.";

    public static readonly string LimitProblem = string.Create(CultureInfo.InvariantCulture, $"limit must be a whole number from 1 to {ConversationQueries.MaxLimit}.");

    /// <summary>"2 min, configured", "suggested 45 s from p99 of 312 completed", or why there is none yet.</summary>
    public static string Deadline(ProcessSummary process, int suggestAfterCompleted)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.DeadlineSource switch
        {
            DeadlineSource.Configured => $"{Duration(process.Within)}, configured",
            DeadlineSource.Suggested => string.Create(
                CultureInfo.InvariantCulture, $"suggested {Duration(process.Within ?? process.SuggestedWithin)} from p99 of {process.SuggestionBasis:N0} completed"),
            _ => string.Create(
                CultureInfo.InvariantCulture,
                $"none yet: suggested after {suggestAfterCompleted:N0} completed ({process.SuggestionBasis:N0} so far), or set Within in {ProcessesSetting}"),
        };
    }

    /// <summary>"—", "850 ms", "45 s", "2 min 10 s", "3 h 5 min".</summary>
    public static string Duration(TimeSpan? value) =>
        value is { } span && span > TimeSpan.Zero && span < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMilliseconds} ms")
            : GroupTexts.Duration(value);

    public static string DurationMs(long? milliseconds) =>
        milliseconds is { } ms ? Duration(TimeSpan.FromMilliseconds(ms)) : "—";

    /// <summary>The API's and URL's name of a status: stuck, open, completed, failed.</summary>
    public static string Status(ConversationStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A status from the API's or URL's name (case-insensitive; numbers are not names).</summary>
    public static bool TryParseStatus(string? text, out ConversationStatus status)
    {
        status = default;
        return text is { Length: > 0 }
            && !char.IsDigit(text[0]) && text[0] != '-'
            && Enum.TryParse(text, ignoreCase: true, out status)
            && Enum.IsDefined(status);
    }
}
