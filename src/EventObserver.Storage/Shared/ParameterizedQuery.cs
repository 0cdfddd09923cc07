using LiteDB;

namespace EventObserver.Storage.Shared;

/// <summary>
/// LiteDB filters with their values as parameters. LiteDB keeps every expression it parses in a static cache keyed by
/// its text, for the life of the process, and <c>Query.LT("t", 5)</c> writes the value into the text (<c>$.t&lt;5</c>):
/// a trim or a snapshot that runs every few seconds with a new time or generation added a parsed and compiled
/// expression to that cache each time (a leak the soak's memory slope showed). With the values as parameters
/// (<c>$.t &lt; @0</c>) there is one cached text per shape.
/// </summary>
internal static class ParameterizedQuery
{
    public static BsonExpression Equal(string field, BsonValue value) => Create(field, "=", value);

    public static BsonExpression NotEqual(string field, BsonValue value) => Create(field, "!=", value);

    public static BsonExpression LessThan(string field, BsonValue value) => Create(field, "<", value);

    public static BsonExpression Between(string field, BsonValue from, BsonValue to) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to);

    public static BsonExpression In(string field, IEnumerable<BsonValue> values) =>
        BsonExpression.Create($"$.{field} IN @0", new BsonArray(values));

    private static BsonExpression Create(string field, string comparison, BsonValue value) =>
        BsonExpression.Create($"$.{field} {comparison} @0", value);
}
