namespace EventObserver.Shared;

/// <summary>The outcome of one read of the current index: a value, "no index yet", or a logged failure.</summary>
public readonly record struct IndexRead<T>(IndexReadStatus Status, T? Value, string? Error)
{
    public bool Succeeded => Status == IndexReadStatus.Read;

    public static IndexRead<T> Of(T value) => new(IndexReadStatus.Read, value, null);

    public static IndexRead<T> NoIndex => new(IndexReadStatus.NoIndex, default, null);

    public static IndexRead<T> Failed(string error) => new(IndexReadStatus.Failed, default, error);

    /// <summary>The value, or <paramref name="fallback"/> when there was no index or the read failed.</summary>
    public T ValueOr(T fallback) => Succeeded ? Value! : fallback;

    /// <summary>Maps the value of a successful read; "no index" and failures pass through.</summary>
    public IndexRead<TResult> Select<TResult>(Func<T, TResult> map) =>
        Succeeded ? IndexRead<TResult>.Of(map(Value!)) : new IndexRead<TResult>(Status, default, Error);
}
