using EventObserver.Access;
using EventObserver.Components.Shared;
using EventObserver.Core.Conventions;
using EventObserver.Core.Selection;
using EventObserver.Shared;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Conventions;

/// <summary>
/// The conventions check of one window, per source: a table of counts per rule with expandable examples that link
/// to the event detail. Reads only once interactive (not while prerendering: a check can read 200,000 messages) and
/// off the circuit's thread (<see cref="ConventionQueries"/>); a newer load wins over a slower older one.
/// </summary>
public sealed partial class ConventionsPanel : IDisposable
{
    private static readonly ConventionRule[] s_rules = Enum.GetValues<ConventionRule>();

    private readonly HashSet<string> _expanded = new(StringComparer.Ordinal);

    // Clean sources the user unfolded (a clean source starts as one line).
    private readonly HashSet<string> _unfolded = new(StringComparer.Ordinal);

    // Cancelled on dispose, never disposed itself: a read already on its way may still ask for its token.
    private readonly CancellationTokenSource _disposed = new();
    private TimeWindow? _loadedWindow;
    private bool _rendered;
    private int _loads;

    [Inject] public required ConventionQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Parameter] public TimeWindow Window { get; set; } = ConventionQueries.DefaultWindow;

    /// <summary>When set, only this source (a service, or a topic for messages that name none).</summary>
    [Parameter] public string? Source { get; set; }

    public ConventionsSnapshot? Snapshot { get; private set; }

    public bool Loading { get; private set; }

    /// <summary>Why the last check failed (the index was switched or closed under it, say); null when it worked.</summary>
    public string? Error { get; private set; }

    /// <summary>The sources shown: all, or the one asked for.</summary>
    public IReadOnlyList<SourceConventions> Sources =>
        Snapshot is null ? [] : [.. Snapshot.Report.Sources.Where(s => Source is null || s.Source == Source)];

    private static ConventionRule[] Rules => s_rules;

    /// <summary>Reads the window again.</summary>
    public Task RefreshAsync() => LoadAsync(Window);

    public bool IsExpanded(SourceConventions source, ConventionRule rule) => _expanded.Contains(Key(source, rule));

    public void Toggle(SourceConventions source, ConventionRule rule)
    {
        var key = Key(source, rule);
        if (!_expanded.Remove(key))
        {
            _expanded.Add(key);
        }
    }

    /// <summary>No finding for any rule: nothing to read but the name.</summary>
    public static bool IsClean(SourceConventions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Findings.All(f => f.Count == 0);
    }

    /// <summary>A clean source shows as one line until unfolded; when it is the only source asked for, it shows in full.</summary>
    public bool IsCollapsed(SourceConventions source) =>
        Source is null && IsClean(source) && !_unfolded.Contains(SourceKey(source));

    /// <summary>Unfolds a clean source's one line into its table, or folds it back.</summary>
    public void ToggleSource(SourceConventions source)
    {
        var key = SourceKey(source);
        if (!_unfolded.Remove(key))
        {
            _unfolded.Add(key);
        }
    }

    public long Total(ConventionRule rule) => Sources.Sum(s => s.Finding(rule).Count);

    public void Dispose() => _disposed.Cancel();

    protected override Task OnParametersSetAsync() =>
        _rendered && Window != _loadedWindow ? LoadAsync(Window) : Task.CompletedTask;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _rendered = true;
            await LoadAsync(Window);
        }
    }

    private async Task LoadAsync(TimeWindow window)
    {
        var load = ++_loads;
        _loadedWindow = window;
        Loading = true;
        StateHasChanged();
        IndexRead<ConventionsSnapshot> read;
        try
        {
            read = await Queries.ReadAsync(window, User.Access, _disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return;
        }

        if (load != _loads)
        {
            return;
        }

        // A failed check (logged by IndexReads) keeps the last result on screen and says why.
        Snapshot = read.Succeeded ? read.Value : Snapshot;
        Error = read.Succeeded ? null : $"The check failed: {read.Error}";
        Loading = false;
        StateHasChanged();
    }

    private static string Key(SourceConventions source, ConventionRule rule) => $"{SourceKey(source)}\u001f{rule}";

    private static string SourceKey(SourceConventions source) => $"{source.Source}\u001f{source.IsTopic}";

    private static string Share(long part, long whole) =>
        whole == 0 || part == 0 ? "—" : (100.0 * part / whole) switch
        {
            < 0.1 => "< 0.1 %",
            var p and < 10 => $"{p:0.0} %",
            var p => $"{p:0} %",
        };

    private static string Summary(ConventionsSnapshot s)
    {
        var r = s.Report;
        var span = r.First is { } first && r.Last is { } last ? $" (sent {SentBetween(first, last)})" : "";
        var tombstones = r.Tombstones switch
        {
            0 => "",
            1 => " · 1 tombstone skipped",
            var n => $" · {DisplayFormat.Count(n)} tombstones skipped",
        };
        return $"{s.Window.Label}: {DisplayFormat.Count(r.Checked)} messages checked{span} · {DisplayFormat.Count(r.Flagged)} flagged{tombstones}";
    }

    /// <summary>"2025-03-01 11:30:00 – 11:55:03 UTC": the date once when both ends share it.</summary>
    private static string SentBetween(DateTimeOffset first, DateTimeOffset last)
    {
        var from = DisplayFormat.Timestamp(first);
        var to = DisplayFormat.Timestamp(last);
        return first.UtcDateTime.Date == last.UtcDateTime.Date ? $"{from[..^4]} – {to[11..]}" : $"{from} – {to}";
    }

    private static string CappedText(ConventionsSnapshot s) =>
        $"The {s.Window.Label.ToLowerInvariant()} holds {DisplayFormat.Count(s.InWindow)} messages: only the newest "
        + $"{DisplayFormat.Count(s.MaxEvents)} are checked (sent from {DisplayFormat.Timestamp(s.ReadFrom)}).";

    private string EmptyText(ConventionsSnapshot s) =>
        Source is not null && s.Report.Checked > 0
            ? $"No messages from {Source} in the {s.Window.Label.ToLowerInvariant()}."
            : $"No messages in the {s.Window.Label.ToLowerInvariant()}.";

    private static string Meta(SourceConventions s)
    {
        var topics = s.Topics.Count == 0 ? "" : $" · on {string.Join(", ", s.Topics)}";
        return $"{DisplayFormat.Count(s.Checked)} checked · {Plural(s.Events, "event")} · {Plural(s.Commands, "command")} · "
            + $"{Plural(s.ConversationStarts, "conversation start")}{topics}";
    }

    private static string Plural(long count, string noun) => $"{DisplayFormat.Count(count)} {noun}{(count == 1 ? "" : "s")}";
}
