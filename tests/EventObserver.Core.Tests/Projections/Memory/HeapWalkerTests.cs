using System.Runtime.CompilerServices;
using EventObserver.Core.Projections.Memory;

namespace EventObserver.Core.Tests.Projections.Memory;

/// <summary>The heap walk over plain .NET objects: what it counts, and when partitions count as entangled.</summary>
public sealed class HeapWalkerTests
{
    private sealed class Node
    {
        public object? First { get; set; }
        public object? Second { get; set; }
    }

    [Fact]
    public void WalkPartition_PrivateObjects_AreCountedByTheirPartition()
    {
        var walker = new HeapWalker();
        var state = new Node { First = new byte[10_000], Second = new string('x', 5_000) };

        walker.WalkRoots([new Node()]);
        var bytes = walker.WalkPartition(state, 0, out var entangled);

        Assert.InRange(bytes, 20_000, 21_000);
        Assert.False(entangled);
    }

    [Fact]
    public void WalkPartition_MutableObjectTheRootsHold_EntanglesAndIsNotCountedTwice()
    {
        var walker = new HeapWalker();
        var shared = new List<object> { new byte[10_000] };
        var state = new Node { First = shared };

        var rootBytes = walker.WalkRoots([new Node { First = shared }]);
        var bytes = walker.WalkPartition(state, 0, out var entangled);

        Assert.True(rootBytes > 10_000);
        Assert.True(bytes < 1_000);
        Assert.True(entangled);
    }

    [Fact]
    public void WalkPartition_ObjectAnotherPartitionCounted_EntanglesBoth()
    {
        var walker = new HeapWalker();
        var shared = new List<object> { new byte[10_000] };

        walker.WalkRoots([new Node()]);
        var first = walker.WalkPartition(new Node { First = shared }, 0, out var firstEntangled);
        var second = walker.WalkPartition(new Node { First = shared }, 1, out var secondEntangled);

        Assert.True(first > 10_000);
        Assert.True(second < 1_000);
        Assert.False(firstEntangled);
        Assert.True(secondEntangled);
        Assert.Equal([0], walker.EntangledOwners);
    }

    [Fact]
    public void WalkPartition_ShortStringTheRootsHold_IsPinnedNotEntangling()
    {
        var walker = new HeapWalker();
        var type = new string('t', 20);

        walker.WalkRoots([new Node { First = type }]);
        walker.WalkPartition(new Node { First = type }, 0, out var entangled);

        Assert.False(entangled);
    }

    [Fact]
    public void WalkRoots_ValuesOfAWeakTable_AreCounted()
    {
        var walker = new HeapWalker();
        var key = new Node();
        var table = new ConditionalWeakTable<Node, byte[]>();
        table.Add(key, new byte[50_000]);

        var bytes = walker.WalkRoots([new Node { First = table, Second = key }]);

        Assert.True(bytes > 50_000, $"{bytes} bytes");
        GC.KeepAlive(key);
    }
}
