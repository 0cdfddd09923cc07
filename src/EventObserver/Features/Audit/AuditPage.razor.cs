using EventObserver.Access;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace EventObserver.Features.Audit;

/// <summary>
/// The audit log for Admins: filters (time range, actor, action, text) and a server-side paged table, newest first.
/// Read when opened and when a filter or the page changes (an audit trail needs no live refresh).
/// </summary>
public sealed partial class AuditPage
{
    public const int DefaultPageSize = 50;

    private static readonly int[] PageSizes = [25, DefaultPageSize, 100];

    private MudTable<AuditEntryDto>? _table;

    [Inject] public required AuditQueries Queries { get; init; }

    [Inject] public required ICurrentUser CurrentUser { get; init; }

    /// <summary>From this time on, read as UTC.</summary>
    public DateTime? From { get; private set; }

    /// <summary>Up to this time, read as UTC.</summary>
    public DateTime? To { get; private set; }

    public string? Actor { get; private set; }

    public AuditAction? Action { get; private set; }

    public string? Text { get; private set; }

    /// <summary>How many records match the filters.</summary>
    public int Total { get; private set; }

    /// <summary>Why nothing could be read, when something went wrong.</summary>
    public string? Problem { get; private set; }

    /// <summary>The filters as the search of the current page.</summary>
    public AuditSearch Search(int offset, int limit) => new()
    {
        From = Utc(From),
        To = Utc(To),
        Actor = string.IsNullOrWhiteSpace(Actor) ? null : Actor.Trim(),
        Action = Action,
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
        Offset = offset,
        Limit = limit,
    };

    private async Task<TableData<AuditEntryDto>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        if (From is { } from && To is { } to && from > to)
        {
            Problem = "'To' is before 'From': nothing can match.";
            Total = 0;
            return new TableData<AuditEntryDto> { Items = [], TotalItems = 0 };
        }

        try
        {
            var result = await Queries.FindAsync(Search(state.Page * state.PageSize, state.PageSize), CurrentUser.Access, cancellationToken);
            Problem = null;
            Total = result.Total;
            return new TableData<AuditEntryDto> { Items = result.Entries, TotalItems = result.Total };
        }
        catch (UnauthorizedAccessException ex)
        {
            Problem = ex.Message;
            Total = 0;
            return new TableData<AuditEntryDto> { Items = [], TotalItems = 0 };
        }
    }

    private Task SetFromAsync(DateTime? value)
    {
        From = value;
        return ReloadAsync();
    }

    private Task SetToAsync(DateTime? value)
    {
        To = value;
        return ReloadAsync();
    }

    private Task SetActorAsync(string? value)
    {
        Actor = value;
        return ReloadAsync();
    }

    private Task SetActionAsync(AuditAction? value)
    {
        Action = value;
        return ReloadAsync();
    }

    private Task SetTextAsync(string? value)
    {
        Text = value;
        return ReloadAsync();
    }

    /// <summary>A changed filter starts again from the newest match.</summary>
    private async Task ReloadAsync()
    {
        if (_table is null)
        {
            return;
        }

        if (_table.CurrentPage != 0)
        {
            _table.NavigateTo(0);
        }

        await _table.ReloadServerData();
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Unspecified), TimeSpan.Zero) : null;
}
