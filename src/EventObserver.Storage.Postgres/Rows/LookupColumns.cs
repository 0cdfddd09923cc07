namespace EventObserver.Storage.Postgres.Rows;

/// <summary>
/// Equality on a looked-up column as its index answers it. Ids, types and keys have B-tree indexes over their first
/// <see cref="IndexedChars"/> characters (migration 004: a B-tree refuses long values, and types, keys and correlation
/// ids repeat too much for a hash index), so a lookup names that prefix and then compares the whole value.
/// </summary>
internal static class LookupColumns
{
    public const int IndexedChars = 256;

    /// <summary>
    /// The condition "<paramref name="column"/> (message_id, correlation_id, causation_id, message_type or key) equals
    /// <paramref name="placeholder"/>" (a <c>$n</c>).
    /// </summary>
    public static string Equal(string column, string placeholder) =>
        $"left({column}, {IndexedChars}) = left({placeholder}, {IndexedChars}) AND {column} = {placeholder}";
}
