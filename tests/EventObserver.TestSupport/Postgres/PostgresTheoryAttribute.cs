using Xunit;

namespace EventObserver.TestSupport.Postgres;

/// <summary>A theory that needs PostgreSQL: skipped, with the reason, when no binaries are installed (<see cref="PostgresServer.SkipReason"/>).</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
