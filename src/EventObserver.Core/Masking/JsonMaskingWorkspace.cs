namespace EventObserver.Core.Masking;

/// <summary>
/// The reusable state of one thread's JSON masking: a frame and a path-state set per depth, and the edits found.
/// Kept per thread so masking an event allocates nothing unless it changes something.
/// </summary>
internal sealed class JsonMaskingWorkspace
{
    /// <summary>The reader's depth limit (256) plus the root and one spare level for child states.</summary>
    public const int MaxFrames = 258;

    [ThreadStatic]
    private static JsonMaskingWorkspace? t_current;

    public JsonMaskingFrame[] Frames { get; } = new JsonMaskingFrame[MaxFrames];

    /// <summary>Per depth and path rule: the set of path steps that may match next (bit k: step k is next).</summary>
    public ulong[] States { get; private set; } = [];

    public List<PayloadEdit> Edits { get; private set; } = [];

    /// <summary>Offset of the JSON text in the payload (3 after a UTF-8 byte order mark).</summary>
    public int Base { get; private set; }

    public static JsonMaskingWorkspace Rent(int pathRules, int baseOffset)
    {
        var workspace = t_current ??= new JsonMaskingWorkspace();
        var needed = MaxFrames * Math.Max(1, pathRules);
        if (workspace.States.Length < needed)
        {
            workspace.States = new ulong[needed];
        }

        if (workspace.Edits.Capacity > 4096)
        {
            workspace.Edits = []; // one huge payload should not pin its edit list to the thread
        }

        workspace.Edits.Clear();
        workspace.Base = baseOffset;
        return workspace;
    }

    public void Cut(int start, int end)
    {
        if (end > start)
        {
            Edits.Add(new PayloadEdit(start + Base, end + Base, []));
        }
    }

    public void Replace(int start, int end, byte[] replacement) => Edits.Add(new PayloadEdit(start + Base, end + Base, replacement));
}
