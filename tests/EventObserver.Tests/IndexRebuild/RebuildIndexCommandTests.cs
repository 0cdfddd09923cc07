using EventObserver.Features.IndexRebuild;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;

using Microsoft.Extensions.Configuration;

namespace EventObserver.Tests.IndexRebuild;

public sealed class RebuildIndexCommandTests
{
    [Fact]
    public void Matches_RebuildIndexVerb_OnlyThatVerb()
    {
        Assert.True(RebuildIndexCommand.Matches(["rebuild-index"]));
        Assert.False(RebuildIndexCommand.Matches(["--urls", "http://localhost:5000"]));
        Assert.False(RebuildIndexCommand.Matches([]));
    }

    [Fact]
    public void Run_ExistingIndex_ArchivesItAndLeavesAnIndexMarkedForRebuild()
    {
        using var directory = new TempDirectory();
        var path = directory.File("index.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.StampCluster("c1");
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["EventObserver:Storage:Path"] = path })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = RebuildIndexCommand.Run(configuration, TimeProvider.System, output, error);

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        var archived = Assert.Single(Directory.GetFiles(directory.File("archive"), "index-rebuild-*.db"));
        Assert.Contains(archived, output.ToString(), StringComparison.Ordinal);
        using var reopened = LiteDbEventIndex.Open(path);
        Assert.True(reopened.RebuildPending);
        Assert.Equal("", reopened.ClusterId);
    }
}
