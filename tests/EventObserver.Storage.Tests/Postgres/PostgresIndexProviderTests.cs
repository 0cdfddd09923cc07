using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Hosting;
using EventObserver.Storage.Postgres.Index;
using EventObserver.TestSupport.Postgres;

using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresIndexProviderTests(PostgresFixture fixture) : IDisposable
{
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    [PostgresFact]
    public void Constructor_ServerUnreachable_StartsWithoutAnIndexInsteadOfFailing()
    {
        using var provider = new PostgresIndexProvider("Host=127.0.0.1;Port=1;Timeout=2", "eventobserver", TimeProvider.System, NullLogger<PostgresIndexProvider>.Instance);

        Assert.False(provider.TryGet(out _));
        Assert.ThrowsAny<Npgsql.NpgsqlException>(() => provider.OpenForCluster("cluster-a"));
    }

    [PostgresFact]
    public void OpenForCluster_ExistingIndexOfTheCluster_IsOpenedAtStartAndKept()
    {
        using (var seeded = _db.Open(clusterId: "cluster-a"))
        {
            seeded.Write([Event(0)]);
        }

        using var provider = Provider();
        Assert.True(provider.TryGet(out var atStart));
        Assert.Equal(1, atStart.GetStatistics().TotalEvents);

        var opened = provider.OpenForCluster("cluster-a");

        Assert.Same(atStart, opened);
        Assert.Null(provider.LastSwitch);
    }

    [PostgresFact]
    public void OpenForCluster_AnotherCluster_ArchivesTheSchemaAndSaysSo()
    {
        using (var seeded = _db.Open(clusterId: "cluster-a"))
        {
            seeded.Write([Event(0)]);
        }

        using var provider = Provider();
        IEventIndex? changed = null;
        provider.Changed += i => changed = i;

        var opened = provider.OpenForCluster("cluster-b");

        Assert.Same(opened, changed);
        Assert.Equal(0, opened.GetStatistics().TotalEvents);
        Assert.Equal("cluster-a", provider.LastSwitch!.PreviousClusterId);
        Assert.StartsWith("eventobserver_archive_", provider.LastSwitch.ArchivedTo, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Rebuild_ArchivesTheSchemaAndMarksTheNewIndexUntilCompleted()
    {
        using var provider = Provider();
        provider.OpenForCluster("cluster-a").Write([Event(0), Event(1)]);

        var notice = provider.Rebuild("alice");
        Assert.True(provider.TryGet(out var rebuilt));
        var rebuildingBefore = provider.IsRebuilding(rebuilt);
        provider.CompleteRebuild(rebuilt);

        Assert.True(rebuildingBefore);
        Assert.False(provider.IsRebuilding(rebuilt));
        Assert.Equal(0, rebuilt.GetStatistics().TotalEvents);
        Assert.Equal("cluster-a", rebuilt.ClusterId);
        Assert.Contains("alice", notice.Reason, StringComparison.Ordinal);
        Assert.Equal(2L, _db.Scalar($"SELECT count(*) FROM \"{notice.ArchivedTo}\".events"));
    }

    [PostgresFact]
    public void RebuildPending_SurvivesReopen()
    {
        using (var index = _db.Open())
        {
            index.SetRebuildPending(true);
        }

        using var reopened = _db.Open();

        Assert.True(reopened.RebuildPending);
    }

    [Theory]
    [InlineData("eventobserver", true)]
    [InlineData("team_a2", true)]
    [InlineData("Team", false)]
    [InlineData("a-b", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("x23456789012345678901234567890123456789012", false)]
    public void IsUsableSchemaName_Names_AcceptsOnlyWhatTheIndexCanUse(string? schema, bool usable) =>
        Assert.Equal(usable, PostgresEventIndex.IsUsableSchemaName(schema));

    private PostgresIndexProvider Provider() =>
        new(_db.ConnectionString, PostgresEventIndex.DefaultSchema, TimeProvider.System, NullLogger<PostgresIndexProvider>.Instance);

    private static EventEnvelope Event(long offset) => new()
    {
        Topic = "orders", Partition = 0, Offset = offset, TimestampMs = 1_700_000_000_000 + offset, MessageId = $"m{offset}",
        Payload = [1], PayloadFormat = PayloadFormat.Binary,
    };
}
