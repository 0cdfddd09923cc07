using System.Collections;
using System.Reflection;

using LiteDB;

namespace EventObserver.Storage.Index;

/// <summary>
/// LiteDB 5.0.21 can leave a transaction open when its engine fails inside a call (a damaged page, the cache race of
/// litedb-org/LiteDB#2817). Such a transaction's finalizer later runs on the GC's thread against the closed engine's
/// recycled pages and throws ("page must have a position"), which ends the whole process (seen once in CI). Before a
/// database is disposed, the GC is told not to finalize the transactions it still tracks: the file is closed anyway, and
/// the transaction's work was never committed.
/// </summary>
internal static class LiteDbOrphans
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static void Dispose(LiteDatabase db)
    {
        SuppressTransactionFinalizers(db);
        db.Dispose();
    }

    /// <returns>How many open transactions were found (tests: proves the fields of this LiteDB build were found).</returns>
    internal static int SuppressTransactionFinalizers(LiteDatabase db)
    {
        var found = 0;
        try
        {
            var engine = Field(db, "_engine");
            var monitor = engine is null ? null : Field(engine, "_monitor");
            if (monitor is not null && Field(monitor, "_transactions") is IDictionary open)
            {
                lock (open)
                {
                    foreach (var transaction in open.Values)
                    {
                        if (transaction is not null)
                        {
                            GC.SuppressFinalize(transaction);
                            found++;
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is TargetException or FieldAccessException or InvalidOperationException or MemberAccessException)
        {
            // Another LiteDB build: nothing to do but dispose as usual.
        }

        return found;
    }

    private static object? Field(object owner, string name)
    {
        for (var type = owner.GetType(); type is not null; type = type.BaseType)
        {
            if (type.GetField(name, Instance) is { } field)
            {
                return field.GetValue(owner);
            }
        }

        return null;
    }
}
