using System.Reflection;

using EventObserver.Core.Selection;

namespace EventObserver.Features.Events;

/// <summary>
/// An <see cref="EventSelection"/> bound from the whole query string by the one binder (<see cref="EventSelectionQuery"/>),
/// with its problems by parameter name kept for a 400 rather than the framework's bare one.
/// </summary>
public sealed record SelectionParameters(EventSelection Selection, Dictionary<string, string[]> Problems)
{
    public static ValueTask<SelectionParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var selection = EventSelectionQuery.Parse(context.Request.QueryString.Value, out var problems, EventSelection.MaxLimit);
        return ValueTask.FromResult<SelectionParameters?>(new SelectionParameters(selection, problems));
    }
}
