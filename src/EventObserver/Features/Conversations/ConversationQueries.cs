using EventObserver.Access;
using EventObserver.Core.Conversations;
using EventObserver.Core.Selection;

using Microsoft.Extensions.Options;

namespace EventObserver.Features.Conversations;

/// <summary>
/// The conversations page's and <c>/api/processes</c>' reads over the tracker's <see cref="IConversationView"/>, as the
/// asking user may see them: a restricted user sees a process only when they may read every topic it was seen on, and a
/// conversation only when they may read all of its topics. A hidden process answers exactly like an unknown one.
/// </summary>
public sealed class ConversationQueries(IConversationView view, IOptions<MonitoringOptions> options, TimeProvider time)
{
    /// <summary>Most conversations one request may ask for.</summary>
    public const int MaxLimit = 1000;

    public const int DefaultLimit = 100;

    /// <summary>The windows the page offers; any other of up to <see cref="TimeWindow.Max"/> works in the API.</summary>
    public static IReadOnlyList<TimeWindow> Windows { get; } =
        [TimeWindow.FifteenMinutes, TimeWindow.OneHour, new(TimeSpan.FromHours(6), "6h"), TimeWindow.OneDay];

    public static TimeWindow DefaultWindow => TimeWindow.OneHour;

    public bool Enabled => options.Value.Enabled;

    /// <summary>Completed conversations a process needs before a deadline is suggested.</summary>
    public int SuggestAfterCompleted => options.Value.SuggestAfterCompleted;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The processes <paramref name="access"/> may see with their counts over <paramref name="window"/>; empty when monitoring is off.</summary>
    public ConversationsOverview Overview(TimeSpan window, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!Enabled)
        {
            return new ConversationsOverview { Capacity = options.Value.MaxOpenConversations };
        }

        var overview = view.Overview(time.GetUtcNow(), window);
        return access.Topics.IsUnrestricted
            ? overview
            : overview with { Processes = [.. overview.Processes.Where(p => MayRead(p.Topics, access))] };
    }

    /// <summary>The process by name as <paramref name="access"/> may see it, or null when it is unknown or hidden.</summary>
    public ProcessSummary? FindProcess(string name, TimeSpan window, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return Overview(window, access).Processes.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
    }

    /// <summary>
    /// Up to <paramref name="limit"/> conversations of a visible process (the view's order), only those whose every topic
    /// <paramref name="access"/> may read; null when the process is unknown or hidden (or monitoring is off).
    /// </summary>
    public IReadOnlyList<ConversationInfo>? Conversations(string process, ConversationStatus? status, int limit, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return FindProcess(process, DefaultWindow.Length, access) is { } visible ? ConversationsOf(visible, status, limit, access) : null;
    }

    /// <summary>
    /// The conversations of a process already found through <see cref="Overview"/> for the same <paramref name="access"/>
    /// (the page has it: no second overview), only those whose every topic the user may read.
    /// </summary>
    public IReadOnlyList<ConversationInfo> ConversationsOf(ProcessSummary process, ConversationStatus? status, int limit, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (access.Topics.IsUnrestricted)
        {
            return view.Conversations(process.Name, status, limit);
        }

        // Hidden conversations are left out after the view's limit: ask for the most, so the list still fills up.
        return [.. view.Conversations(process.Name, status, Math.Max(limit, MaxLimit)).Where(c => MayRead(c.Topics, access)).Take(limit)];
    }

    private static bool MayRead(IReadOnlyList<string> topics, UserAccess access) => topics.All(access.CanRead);
}
