namespace EventObserver.Core.Projections;

/// <summary>
/// An event's JSON payload already scanned (validated, its top-level members located) by
/// <see cref="ProjectionRunner.Prepare"/>, off the sandbox's thread. Opaque: only the runner reads it, and only for
/// the very payload it was made from.
/// </summary>
public sealed class PreparedPayload
{
    internal PreparedPayload(byte[] utf8, int[] members, int count, bool escaped, int hash)
    {
        Utf8 = utf8;
        Members = members;
        Count = count;
        Escaped = escaped;
        Hash = hash;
    }

    internal byte[] Utf8 { get; }

    /// <summary>Four ints per member: name start, name length, value start, value end.</summary>
    internal int[] Members { get; }

    internal int Count { get; }

    /// <summary>Whether a member name has an escape (so its raw bytes are not its name).</summary>
    internal bool Escaped { get; }

    internal int Hash { get; }
}
