using System.Collections;
using System.Reflection;
using LiteDB;

namespace EventObserver.Storage.Tests.Support;

/// <summary>
/// How many parsed expressions LiteDB keeps in its process-wide caches (private static dictionaries of
/// <see cref="BsonExpression"/>, read by reflection: a LiteDB upgrade that renames them fails loudly here).
/// </summary>
internal static class LiteDbExpressionCache
{
    public static int Count()
    {
        var caches = typeof(BsonExpression)
            .GetFields(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.Name.StartsWith("_cache", StringComparison.Ordinal))
            .Select(f => f.GetValue(null))
            .OfType<ICollection>()
            .ToList();
        Assert.True(caches.Count > 0, "LiteDB's expression caches were not found: check BsonExpression's static fields");
        return caches.Sum(c => c.Count);
    }
}
