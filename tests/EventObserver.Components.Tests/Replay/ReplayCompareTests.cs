using Bunit;

using EventObserver.Core.Projections;

namespace EventObserver.Components.Tests.Replay;

public sealed class ReplayCompareTests : ReplayTestContext
{
    [Fact]
    public async Task Compare_EditorAgainstASavedVersion_ShowsAddedRemovedAndChangedPaths()
    {
        SeedOrders(3);
        Store.Save("counts", ProjectionTemplates.CountByType.Script, null, Time.GetUtcNow());
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);
        page.Find("[data-testid=editor-script]").Change("""
            ({
              $init: () => ({ total: 0, byType: {}, last: null }),
              $any: (s, e) => { s.total += 2; s.byType[e.type] = (s.byType[e.type] || 0) + 1; s.last = e.type; },
            })
            """);
        await ChooseAsync(page, "compare-left", "counts v1");
        await ChooseAsync(page, "compare-right", "the editor");

        await ClickAsync(page, "compare-run");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=compare-result]")), TimeSpan.FromSeconds(30));
        var paths = page.FindAll("[data-testid=compare-changes] [data-testid=change-row]").ToDictionary(r => r.GetAttribute("data-path")!, r => r.TextContent);
        Assert.Equal(["/byKind", "/last", "/total"], paths.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("−", paths["/byKind"], StringComparison.Ordinal);
        Assert.StartsWith("+", paths["/last"], StringComparison.Ordinal);
        Assert.Contains("15", paths["/total"], StringComparison.Ordinal);
        Assert.Contains("30", paths["/total"], StringComparison.Ordinal);
        Assert.Contains("+1 added", page.Find("[data-testid=compare-changes-added]").TextContent, StringComparison.Ordinal);
        Assert.Contains("−1 removed", page.Find("[data-testid=compare-changes-removed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("~1 changed", page.Find("[data-testid=compare-changes-changed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("counts v1", page.Find("[data-testid=compare-result]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_OneProjectionOverTwoSelections_ShowsTheDifference()
    {
        SeedOrders(2);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);
        await ChooseAsync(page, "compare-mode", "the editor's projection over two selections");
        await ChangeAsync(page, "selection-b-type", "OrderPlaced");

        await ClickAsync(page, "compare-run");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=compare-result]")), TimeSpan.FromSeconds(30));
        var paths = page.FindAll("[data-testid=compare-changes] [data-testid=change-row]").Select(r => r.GetAttribute("data-path")).ToList();
        Assert.Contains("/total", paths);
        Assert.Contains("/byType/PlaceOrder", paths);
        Assert.DoesNotContain("/byType/OrderPlaced", paths);
    }

    [Fact]
    public async Task Compare_IdenticalVersions_SaysTheStatesAreIdentical()
    {
        SeedOrders(1);
        Store.Save("counts", ProjectionTemplates.CountByType.Script, null, Time.GetUtcNow());
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);

        await ClickAsync(page, "compare-run");

        page.WaitForAssertion(() => Assert.Contains("identical", page.Find("[data-testid=compare-changes]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }
}
