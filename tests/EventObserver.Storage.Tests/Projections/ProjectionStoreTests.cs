using EventObserver.Storage.Projections;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Projections;

public sealed class ProjectionStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();

    private string StorePath => Path.Combine(_directory.Path, ProjectionStore.DefaultFileName);

    [Fact]
    public void Save_NewScripts_CountVersionsUp_AndTheSameScriptKeepsTheVersion()
    {
        using var store = ProjectionStore.Open(StorePath);

        var v1 = store.Save("orders", "({})", null, At);
        var v2 = store.Save("orders", "({ $any: () => {} })", "edited", At.AddMinutes(1));
        var again = store.Save("orders", "({ $any: () => {} })", "edited", At.AddMinutes(2));
        var other = store.Save("payments", "({})", null, At);

        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        Assert.Equal(v2, again);
        Assert.Equal(1, other.Version);
        Assert.Equal([2, 1], store.Versions("orders").Select(d => d.Version));
        Assert.Equal(["orders", "payments"], store.List().Select(d => d.Name));
        Assert.Equal(2, store.List()[0].Version);
        Assert.Equal("({})", store.Get("orders", 1)!.Script);
        Assert.Null(store.Get("orders", 3));
        Assert.Null(store.Get("missing"));
    }

    [Fact]
    public void Reopen_KeepsDefinitionsAndPublishes()
    {
        using (var store = ProjectionStore.Open(StorePath))
        {
            store.Save("orders", "({})", "first", At);
            store.RecordPublish(Publish("r1", At));
        }

        using var reopened = ProjectionStore.Open(StorePath);

        var definition = Assert.Single(reopened.List());
        Assert.Equal(new ProjectionDefinition("orders", 1, "({})", "first", At), definition);
        var publish = Assert.Single(reopened.ListPublishes());
        Assert.Equal(("r1", "replay.orders", 7L, 100.0, At), (publish.ReplayId, publish.TargetTopic, publish.Selected, publish.RatePerSec!.Value, publish.StartedAt));
        Assert.Equal(["orders.events"], publish.SourceTopics);
    }

    [Fact]
    public void RecordPublish_SameReplayId_UpdatesTheEntry_AndListIsNewestFirst()
    {
        using var store = ProjectionStore.Open(StorePath);

        store.RecordPublish(Publish("r1", At));
        store.RecordPublish(Publish("r2", At.AddMinutes(5)));
        store.RecordPublish(Publish("r1", At) with { Status = "completed", Sent = 7, FinishedAt = At.AddMinutes(1) });

        var listed = store.ListPublishes();
        Assert.Equal(["r2", "r1"], listed.Select(p => p.ReplayId));
        Assert.Equal("completed", listed[1].Status);
        Assert.Equal(7, listed[1].Sent);
        Assert.Equal(["orders.events"], listed[1].SourceTopics);
        Assert.Single(store.ListPublishes(limit: 1));
    }

    [Fact]
    public void Store_NextToTheIndex_SurvivesTheClusterSwitchThatArchivesTheIndex()
    {
        var indexPath = Path.Combine(_directory.Path, "index.db");
        using var provider = new Storage.Index.EventIndexProvider(
            Microsoft.Extensions.Options.Options.Create(new Storage.Configuration.StorageOptions { Path = indexPath }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Storage.Index.EventIndexProvider>.Instance, TimeProvider.System);
        provider.OpenForCluster("cluster-a").Write([Envelopes.Event("t", 0, 0)]);
        using var store = ProjectionStore.Open(ProjectionStore.PathNextTo(indexPath));
        store.Save("orders", "({})", null, At);

        provider.OpenForCluster("cluster-b");

        Assert.NotNull(provider.LastSwitch);
        Assert.Equal(1, store.Get("orders")!.Version);
        Assert.True(File.Exists(ProjectionStore.PathNextTo(indexPath)));
    }

    [Fact]
    public void PathNextTo_IsBesideTheIndex_OutsideItsArchive()
    {
        var index = Path.Combine(_directory.Path, "data", "eventobserver.db");

        var path = ProjectionStore.PathNextTo(index);

        Assert.Equal(Path.Combine(_directory.Path, "data", "projections.db"), path);
    }

    private static PublishRecord Publish(string id, DateTimeOffset at) => new()
    {
        ReplayId = id,
        TargetTopic = "replay.orders",
        DryRun = false,
        Selection = """{"topic":"orders.events"}""",
        SourceTopics = ["orders.events"],
        Selected = 7,
        RatePerSec = 100,
        Status = "running",
        StartedAt = at,
    };

    public void Dispose() => _directory.Dispose();
}
