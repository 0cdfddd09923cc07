using System.Reflection;

using EventObserver.Core.Selection;

namespace EventObserver.Shared;

/// <summary>
/// One query-string parameter read by its type's rule (<see cref="IQueryValue{TSelf}"/>). A bad value does not end the
/// request with the framework's bare 400: <see cref="Problems"/> names the parameter and says why, for a problem body.
/// </summary>
public sealed record QueryValue<T>(string Name, string? Text, bool HasValue, T? Value, string? Problem)
    where T : IQueryValue<T>
{
    /// <summary>The problem by parameter name; empty when the value is usable or absent.</summary>
    public Dictionary<string, string[]> Problems =>
        Problem is null ? new(StringComparer.Ordinal) : new(StringComparer.Ordinal) { [Name] = [Problem] };

    /// <summary>The value read, or <paramref name="fallback"/> when the parameter was absent, blank or bad.</summary>
    public T ValueOr(T fallback) => HasValue ? Value! : fallback;

    public static ValueTask<QueryValue<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        var name = parameter.Name ?? "value";
        var text = context.Request.Query[name].ToString();
        QueryValue<T> bound = string.IsNullOrWhiteSpace(text)
            ? new(name, null, false, default, null)
            : T.TryParse(text, out var value, out var problem) ? new(name, text, true, value, null) : new(name, text, false, default, problem);
        return ValueTask.FromResult<QueryValue<T>?>(bound);
    }
}
