namespace EventObserver.Storage.Index;

/// <summary>
/// The index file cannot be read: LiteDB cannot open it, it has another format version, or a chunk of it is damaged.
/// The message is meant for the operator as it is (it names the file and what is wrong).
/// </summary>
public sealed class CorruptIndexException : Exception
{
    public CorruptIndexException()
    {
    }

    public CorruptIndexException(string message)
        : base(message)
    {
    }

    public CorruptIndexException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
