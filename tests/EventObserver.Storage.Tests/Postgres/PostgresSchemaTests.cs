using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Schema;
using EventObserver.Storage.Tests.Support;
using EventObserver.TestSupport.Postgres;

using Microsoft.Extensions.Time.Testing;

using Npgsql;

namespace EventObserver.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 30, 5, TimeSpan.Zero);
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    [PostgresFact]
    public void Open_NewDatabase_AppliesEveryMigrationOnceWithTheTrigramExtension()
    {
        using var index = _db.Open();

        Assert.Equal(SchemaMigrator.Migrations.Count, index.MigrationsApplied);
        Assert.Equal((long)SchemaMigrator.Migrations.Count, _db.Scalar("SELECT count(*) FROM eventobserver.eo_schema_version"));
        Assert.Equal(1L, _db.Scalar("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"));
        Assert.Equal("cluster-a", index.ClusterId);
    }

    [PostgresFact]
    public void Open_Again_AppliesNothingAndKeepsTheData()
    {
        using (var first = _db.Open())
        {
            first.Write(Envelopes.Range("orders", 0, 0, 9));
        }

        using var second = _db.Open();

        Assert.Equal(0, second.MigrationsApplied);
        Assert.Equal((long)SchemaMigrator.Migrations.Count, _db.Scalar("SELECT count(*) FROM eventobserver.eo_schema_version"));
        Assert.Equal(10, second.GetStatistics().TotalEvents);
        Assert.Null(second.ArchivedTo);
    }

    [PostgresFact]
    public async Task Open_ManyAtOnce_MigratesOnce()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _db.Open())));

        Assert.Equal(SchemaMigrator.Migrations.Count, opened.Sum(i => i.MigrationsApplied));
        Assert.Equal((long)SchemaMigrator.Migrations.Count, _db.Scalar("SELECT count(*) FROM eventobserver.eo_schema_version"));
    }

    [PostgresFact]
    public void Open_OtherCluster_ArchivesTheSchemaAndStartsEmpty()
    {
        using (var old = _db.Open(clusterId: "cluster-a"))
        {
            old.Write(Envelopes.Range("orders", 0, 5, 9), [new RetentionGap("orders", 0, 0, 4, At)]);
        }

        using var fresh = _db.Open(clusterId: "cluster-b", time: new FakeTimeProvider(At));

        Assert.Equal("eventobserver_archive_20261203103005", fresh.ArchivedTo);
        Assert.Equal("cluster-b", fresh.ClusterId);
        Assert.Equal(0, fresh.GetStatistics().TotalEvents);
        Assert.Empty(fresh.GetCheckpoints());
        Assert.Empty(fresh.GetRetentionGaps());
        using var archived = _db.Open(schema: fresh.ArchivedTo!, clusterId: null);
        Assert.Equal("cluster-a", archived.ClusterId);
        Assert.Equal(5, archived.GetStatistics().TotalEvents);
        Assert.Single(archived.GetRetentionGaps());
    }

    [PostgresFact]
    public void Open_SameClusterAgain_KeepsTheSchema()
    {
        using (var first = _db.Open(clusterId: "cluster-a"))
        {
            first.Write(Envelopes.Range("orders", 0, 0, 2));
        }

        using var again = _db.Open(clusterId: "cluster-a");

        Assert.Null(again.ArchivedTo);
        Assert.Equal(3, again.GetStatistics().TotalEvents);
    }

    [PostgresFact]
    public void FilePath_DescribesServerDatabaseAndSchemaWithoutPassword()
    {
        using var index = _db.Open();

        Assert.Matches(@"^postgres://127\.0\.0\.1:\d+/t_[0-9a-f]{32} \(schema eventobserver\)$", index.FilePath);
    }

    [PostgresFact]
    public void Open_DatabaseInLatin1_IsRefusedNamingTheEncodingAndTheFix()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(fixture.Server.AdminConnectionString))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0", admin);
            create.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(fixture.Server.AdminConnectionString) { Database = name }.ConnectionString;
        try
        {
            var refused = Assert.Throws<InvalidOperationException>(
                () => Storage.Postgres.Index.PostgresEventIndex.Open(connectionString, Storage.Postgres.Index.PostgresEventIndex.DefaultSchema, "cluster-a"));

            Assert.Contains("LATIN1", refused.Message, StringComparison.Ordinal);
            Assert.Contains("ENCODING 'UTF8'", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            fixture.Server.DropDatabase(connectionString);
        }
    }

    [Fact]
    public void Open_SchemaNameWithQuotes_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Storage.Postgres.Index.PostgresEventIndex.Open("Host=127.0.0.1", "x\"; DROP"));
    }
}
