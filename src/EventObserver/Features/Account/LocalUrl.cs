namespace EventObserver.Features.Account;

/// <summary>Return URLs after sign-in: only paths of this app are followed, so a link cannot send a user elsewhere.</summary>
public static class LocalUrl
{
    /// <summary>True for "/path?query" (not "//host", "/\host" or an absolute URL).</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when it is local, else the app's root.</summary>
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";
}
