namespace EventObserver.Security;

/// <summary>Which requests the origin and content-type rules apply to.</summary>
public static class RequestGuardScope
{
    /// <summary>The live connections a page opens: the events hub and the Blazor circuit (negotiate, WebSocket, fallbacks).</summary>
    public static readonly PathString[] LiveConnectionPaths = ["/hubs/events", "/_blazor"];

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    /// <summary>Everything but the safe methods: a new or custom method is guarded without anyone remembering to.</summary>
    public static bool IsStateChanging(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    public static bool IsStateChangingApi(HttpRequest request) => IsApi(request.Path) && IsStateChanging(request.Method);

    public static bool IsLiveConnection(PathString path) => LiveConnectionPaths.Any(p => path.StartsWithSegments(p));
}
