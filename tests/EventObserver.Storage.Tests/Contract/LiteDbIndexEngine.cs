using EventObserver.Core.Indexing;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>The embedded LiteDB index under the contract suite: one file per store name in a temp folder of its own.</summary>
public sealed class LiteDbIndexEngine : IndexEngine
{
    private readonly TempDirectory _directory = new();
    private readonly Lock _gate = new();
    private readonly List<LiteDbEventIndex> _open = [];

    public override string Name => "LiteDb";

    public override IEventIndex Open(string store = "default", TimeProvider? time = null)
    {
        // A store name is a file name here: one that could leave the folder would share files between tests.
        if (string.IsNullOrWhiteSpace(store) || store.IndexOfAny([.. Path.GetInvalidFileNameChars(), '.']) >= 0)
        {
            throw new ArgumentException($"'{store}' is not a plain store name", nameof(store));
        }

        var index = LiteDbEventIndex.Open(_directory.File(store + ".db"), time: time);
        lock (_gate)
        {
            _open.Add(index);
        }

        return index;
    }

    public override void Close(IEventIndex index)
    {
        var liteDb = (LiteDbEventIndex)index;
        lock (_gate)
        {
            _open.Remove(liteDb);
        }

        liteDb.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        List<LiteDbEventIndex> open;
        lock (_gate)
        {
            open = [.. _open];
            _open.Clear();
        }

        open.ForEach(index => index.Dispose());
        _directory.Dispose();
    }
}
