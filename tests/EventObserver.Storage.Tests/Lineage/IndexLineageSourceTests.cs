using EventObserver.Core.Graphs;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Lineage;

/// <summary>LiteDB's own lineage wiring; the lookups every engine answers are in <c>Contract/LineageContract</c>.</summary>
public sealed class IndexLineageSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Lineage_OfTheIndexInterface_IsTheSameSource()
    {
        using var index = Open();
        IEventIndex asInterface = index;

        Assert.Same(index.Lineage, asInterface.Lineage);
        Assert.IsAssignableFrom<ILineageSource>(asInterface.Lineage);
    }

    private LiteDbEventIndex Open() => LiteDbEventIndex.Open(_dir.File($"{Guid.NewGuid():N}.db"));
}
