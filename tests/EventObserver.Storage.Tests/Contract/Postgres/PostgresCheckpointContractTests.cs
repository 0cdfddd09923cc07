namespace EventObserver.Storage.Tests.Contract.Postgres;

public sealed class PostgresCheckpointContractTests() : CheckpointContract(new PostgresIndexEngine())
{
    /// <summary>Null where the PostgreSQL binaries exist (CI installs them): then every test of this class runs.</summary>
    public static string? EngineSkipReason => PostgresIndexEngine.SkipReason;
}
