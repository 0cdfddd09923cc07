using EventObserver.Configuration;
using EventObserver.TestSupport;
using EventObserver.Tests.Infrastructure;

namespace EventObserver.Tests.Hosting;

public sealed class WebRootLocatorTests
{
    [Fact]
    public void Locate_InsideRepository_FindsTopLevelWwwroot()
    {
        using var repo = new TempDirectory();
        File.WriteAllText(Path.Combine(repo.Path, WebRootLocator.SolutionFileName), "");
        Directory.CreateDirectory(Path.Combine(repo.Path, "wwwroot"));
        var deep = Directory.CreateDirectory(Path.Combine(repo.Path, "src", "EventObserver", "bin", "Debug")).FullName;

        var webRoot = WebRootLocator.Locate([deep], "/app");

        Assert.Equal(Path.Combine(repo.Path, "wwwroot"), webRoot);
    }

    [Fact]
    public void Locate_PublishedApp_UsesWwwrootNextToTheApp()
    {
        using var app = new TempDirectory();

        var webRoot = WebRootLocator.Locate([app.Path], app.Path);

        Assert.Equal(Path.Combine(app.Path, "wwwroot"), webRoot);
    }
}
