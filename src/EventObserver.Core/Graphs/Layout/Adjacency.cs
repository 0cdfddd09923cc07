namespace EventObserver.Core.Graphs.Layout;

internal static class Adjacency
{
    /// <summary>Edge indexes leaving each node, in edge order.</summary>
    public static List<int>[] Outgoing(int nodeCount, int[] from, bool[] active)
    {
        var outgoing = new List<int>[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            outgoing[i] = [];
        }

        for (var e = 0; e < from.Length; e++)
        {
            if (active[e])
            {
                outgoing[from[e]].Add(e);
            }
        }

        return outgoing;
    }
}
