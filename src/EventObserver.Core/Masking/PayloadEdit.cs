namespace EventObserver.Core.Masking;

/// <summary>Replace the payload bytes <c>[Start, End)</c> with <see cref="Replacement"/> (empty: cut them out).</summary>
internal readonly record struct PayloadEdit(int Start, int End, byte[] Replacement)
{
    /// <summary>
    /// <paramref name="payload"/> with <paramref name="edits"/> applied; they are ascending and never overlap.
    /// </summary>
    public static byte[] Apply(ReadOnlySpan<byte> payload, List<PayloadEdit> edits)
    {
        var length = payload.Length;
        foreach (var edit in edits)
        {
            length += edit.Replacement.Length - (edit.End - edit.Start);
        }

        var output = new byte[length];
        var written = 0;
        var read = 0;
        foreach (var edit in edits)
        {
            payload[read..edit.Start].CopyTo(output.AsSpan(written));
            written += edit.Start - read;
            edit.Replacement.CopyTo(output.AsSpan(written));
            written += edit.Replacement.Length;
            read = edit.End;
        }

        payload[read..].CopyTo(output.AsSpan(written));
        return output;
    }
}
