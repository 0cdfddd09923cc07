namespace EventObserver.Configuration;

/// <summary>
/// Finds the web root: the repository's top-level <c>wwwroot</c> when running from source or tests
/// (the folder holding the solution file), otherwise the <c>wwwroot</c> next to the published app.
/// </summary>
public static class WebRootLocator
{
    public const string SolutionFileName = "EventObserver.sln";
    public const string WebRootFolderName = "wwwroot";

    public static string Locate(IEnumerable<string> startDirectories, string appBaseDirectory)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                {
                    var candidate = Path.Combine(dir.FullName, WebRootFolderName);
                    if (Directory.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        return Path.Combine(appBaseDirectory, WebRootFolderName);
    }
}
