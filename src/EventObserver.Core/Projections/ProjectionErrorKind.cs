namespace EventObserver.Core.Projections;

public enum ProjectionErrorKind
{
    /// <summary>The script does not parse, or does not evaluate to an object of handlers.</summary>
    Compile = 0,

    /// <summary>The script threw (a JavaScript error, a thrown value, a refused <c>eval</c>).</summary>
    Runtime = 1,
    Timeout = 2,
    StatementLimit = 3,

    /// <summary>Too deep a recursion: the recursion limit or the native stack guard.</summary>
    Recursion = 4,

    /// <summary>The per-call allocation limit, or an array longer than allowed.</summary>
    Memory = 5,
    StateTooLarge = 6,
    TooManyPartitions = 7,

    /// <summary>The run kept more memory alive between events than its budget allows; the run is stopped.</summary>
    MemoryBudget = 8,
}
