using System.Text.RegularExpressions;

using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.EndToEnd.Tests.Infrastructure;
using EventObserver.TestSupport.GroupPages;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static EventObserver.TestSupport.GroupPages.GroupSamples;

namespace EventObserver.EndToEnd.Tests.Groups;

/// <summary>
/// The groups pages in a real browser over fixed groups (a stub monitor and reset service): the list follows the
/// monitor live, and an Admin previews a reset on the group's page. Independent of the demo's own groups.
/// </summary>
public sealed class GroupsStubBrowserTests : IAsyncLifetime
{
    private readonly StubGroupView _view = new();
    private readonly StubOffsetReset _reset = new()
    {
        Rows = [new OffsetResetRow("shop.orders", 0, 120, 300, 300, 0), new OffsetResetRow("shop.orders", 1, 40, 90, 90, 0)],
    };

    private LiveAppFactory? _app;
    private BrowserSession? _browser;

    private IPage Page => _browser!.Page;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        _view.Current = Snapshot(now, "groups known by name: the embedded broker cannot list groups",
            Group("analytics", GroupState.Empty,
                [Partition("shop.orders", 0, 120, 300, TimeSpan.FromSeconds(130)), Partition("shop.orders", 1, 40, 90, status: TimeLagStatus.NoLongerIndexed)],
                membersKnown: false),
            Group("billing", GroupState.Stable, [Partition("shop.payments", 0, 55, 57, TimeSpan.FromSeconds(2))],
                [Member("billing-1", "/10.0.0.7", new TopicPartitionKey("shop.payments", 0))]),
            Group("mailer", GroupState.Dead, [Partition("shop.mail", 0, 9, 9)], error: "committed offsets timed out after 5 s"));
        _view.SetHistory("analytics", [.. Enumerable.Range(0, 30).Select(i => new LagSample(now.AddMinutes(-58 + (2 * i)), 20 + (i * 9), i * 4.5))]);
        _app = new LiveAppFactory(builder =>
        {
            builder.UseSetting("EventObserver:Groups:AllowOffsetReset", "true");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IConsumerGroupView>(_view);
                services.AddSingleton<IGroupOffsetReset>(_reset);
            });
        });
        _app.StartServer();
        _browser = await BrowserSession.StartAsync(_app.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [ChromiumFact]
    public async Task GroupsPages_StubGroups_ListFollowsTheMonitorAndAnAdminPreviewsAReset()
    {
        await Page.GotoAsync("/groups");
        await Assertions.Expect(Page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        await Assertions.Expect(Page.GetByTestId("group-name")).ToHaveTextAsync(["analytics", "billing", "mailer"]);
        await Assertions.Expect(Page.GetByTestId("group-time-lag").First).ToHaveTextAsync("2 min 10 s");
        await BrowserPages.ScreenshotAsync(Page, "/tmp/groups-stub-list-1280.png", 1280, 700);

        _view.Publish(_view.Current with { Groups = [.. _view.Current.Groups.Where(g => g.GroupId != "mailer")] });
        await Assertions.Expect(Page.GetByTestId("group-name")).ToHaveTextAsync(["analytics", "billing"]);

        await Page.GetByTestId("group-name").First.ClickAsync();
        await Page.WaitForURLAsync(new Regex("/groups/analytics$"));
        await Assertions.Expect(Page.GetByTestId("members-unknown")).ToContainTextAsync("Members not known");
        await Page.Locator("[data-target=Latest]").ClickAsync();
        await Page.GetByTestId("reset-preview").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("reset-new")).ToHaveTextAsync(["300", "90"]);
        await Assertions.Expect(Page.GetByTestId("reset-apply")).ToBeEnabledAsync();
        Assert.Equal(new OffsetResetRequest("analytics", OffsetResetTarget.Latest), Assert.Single(_reset.Previewed));
        Assert.Empty(_reset.Applied);
        await BrowserPages.ScreenshotAsync(Page, "/tmp/groups-stub-detail-1280.png", 1280, 1400);
    }
}
