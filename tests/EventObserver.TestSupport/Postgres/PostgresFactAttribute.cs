using Xunit;

namespace EventObserver.TestSupport.Postgres;

/// <summary>A fact that needs PostgreSQL: skipped, with the reason, when no binaries are installed (<see cref="PostgresServer.SkipReason"/>).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
