using System.Globalization;

using EventObserver.Access;
using EventObserver.Components.Shared;
using EventObserver.Core.Conversations;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Conversations;

/// <summary>
/// Conversation monitoring (<c>/conversations?process=</c>): per process the counts over a window, duration percentiles,
/// the deadline and stuck over time; the selected process's stuck (or open, completed, failed) conversations with where
/// they stopped and links to their lineage and replay. Live: re-read every <see cref="RefreshPeriod"/> through
/// <see cref="LiveUpdate"/> (which also keeps renders apart), stopped when the page goes.
/// </summary>
public sealed partial class ConversationsPage : IDisposable
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(2);

    /// <summary>Most conversations the list shows.</summary>
    public const int ListLimit = 200;

    private LiveUpdate? _refresh;
    private string? _processParameterSeen;
    private string? _selectedName;

    [Inject] public required ConversationQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    [SupplyParameterFromQuery(Name = "process")] public string? ProcessParameter { get; set; }

    [SupplyParameterFromQuery(Name = "window")] public string? WindowParameter { get; set; }

    public TimeWindow Window { get; private set; } = ConversationQueries.DefaultWindow;

    public ConversationsOverview Overview { get; private set; } = new();

    /// <summary>The process whose conversations are listed; null when there is none to show.</summary>
    public ProcessSummary? Selected { get; private set; }

    public ConversationStatus Status { get; private set; } = ConversationStatus.Stuck;

    /// <summary>The selected process's conversations of <see cref="Status"/>.</summary>
    public IReadOnlyList<ConversationInfo> Rows { get; private set; } = [];

    /// <summary>The <c>?process=</c> asked for when no visible process has that name.</summary>
    public string? UnknownProcess { get; private set; }

    /// <summary>Reads done by the live refresh; lets tests see it follow.</summary>
    public int Refreshes { get; private set; }

    public static IReadOnlyList<ConversationStatus> Statuses { get; } =
        [ConversationStatus.Stuck, ConversationStatus.Open, ConversationStatus.Completed, ConversationStatus.Failed];

    private DateTimeOffset Now => Time.GetUtcNow();

    private string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Overview.Processes.Count} {(Overview.Processes.Count == 1 ? "process" : "processes")} · {DisplayFormat.Count(Overview.Tracked)} of {DisplayFormat.Count(Overview.Capacity)} open conversations tracked · counts over the {Window.Label.ToLowerInvariant()}");

    private string OverflowText => string.Create(CultureInfo.InvariantCulture,
        $"{DisplayFormat.Count(Overview.Overflowed)} dropped (cap reached): the oldest open conversations were let go at {DisplayFormat.Count(Overview.Capacity)}; raise EventObserver:Monitoring:MaxOpenConversations to keep more.");

    private string NoneText => Status switch
    {
        ConversationStatus.Stuck => Selected?.DeadlineSource == DeadlineSource.None
            ? "Nothing is stuck: this process has no deadline yet."
            : "No stuck conversations.",
        ConversationStatus.Open => "No open conversations.",
        ConversationStatus.Completed => "No recently completed conversations.",
        _ => "No recently failed conversations.",
    };

    public void Dispose() => _refresh?.Dispose();

    /// <summary>The deadline in words: "2 min, configured", "suggested 45 s from p99 of 312 completed", or why none.</summary>
    public string DeadlineText(ProcessSummary process) => ConversationTexts.Deadline(process, Queries.SuggestAfterCompleted);

    /// <summary>Shows the conversations of <paramref name="name"/> (the process buttons come here; tests too).</summary>
    public void SelectProcess(string name)
    {
        _selectedName = name;
        UnknownProcess = null;
        Read();
    }

    public void SelectStatus(ConversationStatus status)
    {
        Status = status;
        Read();
    }

    public void SelectWindow(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        Window = window;
        Read();
    }

    protected override void OnInitialized()
    {
        _refresh = LiveUpdate.Every(Time, RefreshPeriod, () => InvokeAsync(() =>
        {
            Refreshes++;
            Read();
            StateHasChanged();
        }));
    }

    protected override void OnParametersSet()
    {
        Window = TimeWindow.ParseOr(WindowParameter, Window);
        if (ProcessParameter != _processParameterSeen)
        {
            // Only a new ?process= selects: a live re-render must not undo the user's own choice.
            _processParameterSeen = ProcessParameter;
            _selectedName = string.IsNullOrWhiteSpace(ProcessParameter) ? _selectedName : ProcessParameter;
        }

        Read();
    }

    private void Read()
    {
        Overview = Queries.Overview(Window.Length, User.Access);
        Selected = _selectedName is null ? null : Overview.Processes.FirstOrDefault(p => p.Name == _selectedName);
        UnknownProcess = Selected is null && _selectedName is not null && _selectedName == _processParameterSeen ? _selectedName : null;
        // Without a choice: the process with the most stuck conversations, else the first.
        Selected ??= Overview.Processes.OrderByDescending(p => p.Stuck).FirstOrDefault();
        Rows = Selected is null ? [] : Queries.ConversationsOf(Selected, Status, ListLimit, User.Access);
    }

    private string StatusLabel(ConversationStatus status)
    {
        var count = Selected is not { } p ? 0 : status switch
        {
            ConversationStatus.Stuck => p.Stuck,
            ConversationStatus.Open => p.Open,
            ConversationStatus.Completed => p.Completed,
            _ => p.Failed,
        };
        return string.Create(CultureInfo.InvariantCulture, $"{status} ({DisplayFormat.Count(count)})");
    }

    private string AgeText(ConversationInfo conversation) => ConversationTexts.Duration(Now - conversation.StartedAt);

    private Task SetWindowAsync(TimeWindow window)
    {
        SelectWindow(window);
        return Task.CompletedTask;
    }

    private Task SetStatusAsync(ConversationStatus status)
    {
        SelectStatus(status);
        return Task.CompletedTask;
    }
}
