namespace EventObserver.TestSupport.Postgres;

/// <summary>
/// The throwaway PostgreSQL server for a test collection (<c>ICollectionFixture&lt;PostgresFixture&gt;</c>): every
/// collection of the process shares <see cref="PostgresServer.Shared"/>, which is removed at process exit. Tests take
/// a database of their own from <see cref="CreateDatabaseAsync"/>. Nothing starts when the binaries are missing
/// (<see cref="PostgresServer.SkipReason"/>): the tests are skipped by <see cref="PostgresFactAttribute"/>.
/// </summary>
public sealed class PostgresFixture
{
    public PostgresServer Server => PostgresServer.Shared;

    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        Server.CreateDatabaseAsync(cancellationToken);
}
