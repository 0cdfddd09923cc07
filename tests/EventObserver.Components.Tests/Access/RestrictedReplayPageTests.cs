using Bunit;

using EventObserver.Access;
using EventObserver.Access.Options;
using EventObserver.Access.Topics;
using EventObserver.Components.Tests.Replay;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Components.Tests.Access;

/// <summary>The replay page for a user who may read the orders topic only.</summary>
public sealed class RestrictedReplayPageTests : ReplayTestContext
{
    private const string Denied = "hr.salaries";

    public RestrictedReplayPageTests()
    {
        var rules = new TopicAccessRules([new TopicAccessRule { Group = "shop", Allow = [Orders] }]);
        CurrentUser.Access = new UserAccess("otto", isAuthenticated: true, [AccessRoles.Operator],
            rules.For(new HashSet<string>([AccessRoles.Operator, AccessRoles.Viewer], StringComparer.Ordinal), new HashSet<string>(["shop"], StringComparer.Ordinal)),
            seesRawValues: false);
    }

    [Fact]
    public async Task Page_SelectionOfADeniedTopic_SaysSoAndStartsNothing()
    {
        SeedOrders(1);
        var page = RenderPage($"replay?topic={Denied}");

        page.WaitForAssertion(() => Assert.Contains($"otto may not read topic '{Denied}'", page.Find("[data-testid=selection-count]").TextContent, StringComparison.Ordinal));
        await ClickAsync(page, "start-run");

        page.WaitForAssertion(() => Assert.Contains($"may not read topic '{Denied}'", page.Find("[data-testid=start-problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Manager.List());
    }

    [Fact]
    public void Page_RunStartedByAnotherUserOverEverything_IsNotListed()
    {
        SeedOrders(1);
        var theirs = Manager.Start(new ReplayRequest { Selection = EventSelection.All, Script = "({ $any: (s, e) => s })", StartPaused = true }, UserAccess.System).Run!;
        var mine = Manager.Start(new ReplayRequest { Selection = EventSelection.All, Script = "({ $any: (s, e) => s })", StartPaused = true }, CurrentUser.Access).Run!;

        var page = RenderPage($"replay?run={theirs.Id}");

        Assert.Equal(mine.Id, page.Find("[data-testid=run-view]").GetAttribute("data-run-id"));
        Assert.Contains("1 kept on the server", page.Find("[data-testid=run-list]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Id, page.Markup, StringComparison.Ordinal);
        theirs.Stop();
        mine.Stop();
    }
}
