using Bunit;

using EventObserver.Access;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Access;
using EventObserver.Features.Audit;
using EventObserver.Storage.Audit;
using EventObserver.TestSupport;

using Microsoft.Extensions.DependencyInjection;

using MudBlazor;
using MudBlazor.Services;

namespace EventObserver.Components.Tests.Audit;

/// <summary>The <c>/audit</c> page over a real audit file in a temp folder.</summary>
public sealed class AuditPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly BunitContext _context = new();
    private readonly AuditStore _store;
    private readonly FixedCurrentUser _user = new(new UserAccess("ada", isAuthenticated: true, [AccessRoles.Admin], AllTopics.Instance, seesRawValues: true));

    public AuditPageTests()
    {
        _store = AuditStore.Open(_directory.File("audit.db"));
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_store);
        _context.Services.AddSingleton<AuditQueries>();
        _context.Services.AddSingleton<ICurrentUser>(_user);
    }

    [Fact]
    public void Open_Records_AreListedNewestFirstWithTheTotal()
    {
        _store.Append(
        [
            Record("SignIn", "vera", At),
            Record("ReplayRun", "olga", At.AddMinutes(2), target: "run-1"),
            Record("Publish", "olga", At.AddMinutes(1), succeeded: false),
        ]);

        var page = Render();

        page.WaitForAssertion(() => Assert.Equal(["ReplayRun", "Publish", "SignIn"], Column(page, "audit-row-action")));
        Assert.Equal("3 records", page.Find("[data-testid=audit-summary]").TextContent.Trim());
        Assert.Contains("refused", page.FindAll("tbody tr")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_ActorTextAndTimeRange_NarrowTheRows()
    {
        _store.Append(
        [
            Record("ReplayRun", "olga", At, detail: "selection ?topic=orders"),
            Record("ReplayRun", "olga", At.AddHours(1), detail: "selection ?topic=payments"),
            Record("ReplayRun", "vera", At.AddHours(2), detail: "selection ?topic=orders"),
            Record("ReplayRun", "olga", At.AddHours(3), detail: "selection ?topic=orders"),
        ]);
        var page = Render();
        page.WaitForAssertion(() => Assert.Equal(4, Column(page, "audit-row-actor").Count));

        await page.InvokeAsync(() => page.Find("input[data-testid=audit-actor]").Change("OLGA"));
        page.WaitForAssertion(() => Assert.Equal(["olga", "olga", "olga"], Column(page, "audit-row-actor")));

        await page.InvokeAsync(() => page.Find("input[data-testid=audit-text]").Change("orders"));
        page.WaitForAssertion(() => Assert.Equal(2, Column(page, "audit-row-actor").Count));

        await page.InvokeAsync(() => page.Find("input[data-testid=audit-to]").Change("2026-03-01T13:30"));
        page.WaitForAssertion(() => Assert.Equal([At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)],
            Column(page, "audit-at").Select(t => t[..19])));
        Assert.Equal("1 record", page.Find("[data-testid=audit-summary]").TextContent.Trim());
    }

    [Fact]
    public async Task Paging_SecondPage_ShowsTheOlderRecords()
    {
        _store.Append(Enumerable.Range(0, AuditPage.DefaultPageSize + 3).Select(i => Record("SignIn", $"user{i:00}", At.AddMinutes(i))));
        var page = Render();
        page.WaitForAssertion(() => Assert.Equal(AuditPage.DefaultPageSize, Column(page, "audit-row-actor").Count));
        Assert.Equal("user52", Column(page, "audit-row-actor")[0]);

        await page.InvokeAsync(() => page.FindComponent<MudTable<AuditEntryDto>>().Instance.NavigateTo(1));

        page.WaitForAssertion(() => Assert.Equal(["user02", "user01", "user00"], Column(page, "audit-row-actor")));
    }

    [Fact]
    public void Open_UserWithoutAdmin_SaysWhyAndListsNothing()
    {
        _store.Append([Record("SignIn", "vera", At)]);
        _user.Access = new UserAccess("olga", isAuthenticated: true, [AccessRoles.Operator], AllTopics.Instance, seesRawValues: false);

        var page = Render();

        page.WaitForAssertion(() => Assert.Contains("needs the Admin role", page.Find("[data-testid=audit-problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Column(page, "audit-row-actor"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        _store.Dispose();
        _directory.Dispose();
    }

    private IRenderedComponent<AuditPage> Render()
    {
        _context.Render<MudPopoverProvider>();
        return _context.Render<AuditPage>();
    }

    private static List<string> Column(IRenderedComponent<AuditPage> page, string testId) =>
        [.. page.FindAll($"[data-testid={testId}]").Select(e => e.TextContent.Trim())];

    private static AuditRecord Record(string action, string actor, DateTimeOffset at, string? target = null, string? detail = null, bool succeeded = true) =>
        new() { Action = action, Actor = actor, At = at, Target = target, Detail = detail, Succeeded = succeeded };
}
