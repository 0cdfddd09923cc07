namespace EventObserver.Security;

/// <summary>Sizes of requests the app accepts; anything bigger is refused while it arrives, before it is buffered.</summary>
public static class RequestLimits
{
    /// <summary>Largest request body of any endpoint (Kestrel stops reading beyond it; the API answers 413).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Longest request target (path and query) the app answers; longer ones get a 414 problem.</summary>
    public const int MaxRequestTargetLength = 8 * 1024;

    /// <summary>
    /// Kestrel's own request-line limit, above <see cref="MaxRequestTargetLength"/> so that a too-long URL reaches the
    /// app and gets a problem document; only beyond this one does Kestrel answer 414 itself (with an empty body).
    /// </summary>
    public const int KestrelMaxRequestLineSize = 16 * 1024;
}
