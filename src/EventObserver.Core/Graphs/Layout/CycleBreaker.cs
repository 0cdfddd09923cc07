namespace EventObserver.Core.Graphs.Layout;

/// <summary>
/// Makes a graph acyclic by reversing the back edges of an iterative depth-first search. Roots (no
/// incoming edge) are searched first, in node order, so reversed edges are the ones that point back
/// towards where the flow starts.
/// </summary>
internal static class CycleBreaker
{
    public static bool[] FindBackEdges(int nodeCount, int[] from, int[] to, bool[] active)
    {
        var outgoing = Adjacency.Outgoing(nodeCount, from, active);
        var inDegree = new int[nodeCount];
        for (var e = 0; e < from.Length; e++)
        {
            if (active[e])
            {
                inDegree[to[e]]++;
            }
        }

        var reversed = new bool[from.Length];
        var state = new byte[nodeCount];
        var stack = new Stack<(int Node, int Next)>();

        foreach (var rootsOnly in new[] { true, false })
        {
            for (var start = 0; start < nodeCount; start++)
            {
                if (state[start] != 0 || (rootsOnly && inDegree[start] > 0))
                {
                    continue;
                }

                state[start] = 1;
                stack.Push((start, 0));
                while (stack.Count > 0)
                {
                    var (node, next) = stack.Pop();
                    var edges = outgoing[node];
                    if (next >= edges.Count)
                    {
                        state[node] = 2;
                        continue;
                    }

                    stack.Push((node, next + 1));
                    var edge = edges[next];
                    var target = to[edge];
                    if (state[target] == 1)
                    {
                        reversed[edge] = true;
                    }
                    else if (state[target] == 0)
                    {
                        state[target] = 1;
                        stack.Push((target, 0));
                    }
                }
            }
        }

        return reversed;
    }
}
