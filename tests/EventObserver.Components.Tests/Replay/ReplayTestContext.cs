using Bunit;

using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Access;
using EventObserver.Configuration;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using EventObserver.Features.Replay;
using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Replay;
using EventObserver.Shared;
using EventObserver.Storage.Index;
using EventObserver.Storage.Projections;
using EventObserver.TestSupport;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using MudBlazor;

namespace EventObserver.Components.Tests.Replay;

/// <summary>
/// The dashboard context plus the real replay services: run manager, projections file and publisher (never
/// reaching Kafka: projections and dry runs do not produce). Runs execute on their own threads in real time; the
/// page's render throttle runs on the fake clock, so tests advance it to see what the run did.
/// </summary>
public abstract class ReplayTestContext : DashboardTestContext, IAsyncLifetime
{
    public const string Orders = ShopOrders.Topic;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eventobserver-replay-ui", Guid.NewGuid().ToString("N"));
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    protected ReplayTestContext(ReplayOptions? options = null)
    {
        Directory.CreateDirectory(_directory);
        Store = ProjectionStore.Open(Path.Combine(_directory, "projections.db"));
        var kafka = new KafkaOptions { BootstrapServers = "127.0.0.1:1" };
        Publisher = new ReplayPublisher(KafkaConnection.ForCluster(kafka, kafka.BootstrapServers), TimeProvider.System, NullLogger<ReplayPublisher>.Instance);
        var services = Context.Services;
        services.AddSingleton(Store);
        services.AddSingleton(Publisher);
        services.AddSingleton<IAuditLog>(Audit);
        CurrentUser.Access = new UserAccess("olga", isAuthenticated: true, [AccessRoles.Publisher], Core.Access.AllTopics.Instance, seesRawValues: false);
        services.AddSingleton(sp => new ReplayRunManager(sp.GetRequiredService<EventIndexProvider>(), Publisher, Store,
            Options.Create(options ?? new ReplayOptions { ScriptTimeoutPerCall = TimeSpan.FromSeconds(5) }), Audit, TimeProvider.System, NullLogger<ReplayRunManager>.Instance,
            sp.GetRequiredService<IEventMasker>()));
        services.TryAddSingleton<IndexReads>();
        services.AddSingleton<ReplayQueries>();
    }

    protected ProjectionStore Store { get; }

    /// <summary>What the replay components recorded.</summary>
    protected RecordingAuditLog Audit { get; } = new();

    /// <summary>The page's user: "olga", a publisher (so also an operator) unless a test says otherwise.</summary>
    protected TestCurrentUser User => CurrentUser;

    protected ReplayPublisher Publisher { get; }

    protected ReplayRunManager Manager => Context.Services.GetRequiredService<ReplayRunManager>();

    /// <summary>Demo-shop orders on two partitions (<see cref="ShopOrders"/>), written to the index.</summary>
    protected IReadOnlyList<EventEnvelope> SeedOrders(int orders)
    {
        var events = ShopOrders.Create(orders);
        var index = Indexes.Current ?? Indexes.OpenForCluster("test");
        index.Write(events);
        return events;
    }

    /// <summary>The replay page at <paramref name="url"/> (relative), inside the popover provider MudBlazor needs.</summary>
    protected IRenderedComponent<ReplayPage> RenderPage(string url = "replay")
    {
        var navigation = Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo(url);
        _popovers = Context.Render<MudPopoverProvider>();
        return Context.Render<ReplayPage>();
    }

    /// <summary>Waits until the selection is counted (the page renders again then), so later clicks hit the current render.</summary>
    protected static void WaitForCount(IRenderedComponent<ReplayPage> page, long? expected = null) =>
        page.WaitForAssertion(() =>
        {
            var total = page.Find("[data-testid=selection-count]").GetAttribute("data-total");
            Assert.NotNull(total);
            if (expected is { } e)
            {
                Assert.Equal(e.ToString(System.Globalization.CultureInfo.InvariantCulture), total);
            }
        }, TimeSpan.FromSeconds(10));

    /// <summary>Finds and clicks on the renderer's thread, so a render in between cannot swap the handler.</summary>
    protected static Task ClickAsync(IRenderedComponent<ReplayPage> page, string testId) =>
        page.InvokeAsync(() => page.Find($"[data-testid={testId}]").Click());

    protected static Task ChangeAsync(IRenderedComponent<ReplayPage> page, string testId, object value) =>
        page.InvokeAsync(() => page.Find($"[data-testid={testId}]").Change(value));

    /// <summary>Types into a MudBlazor autocomplete and leaves it, which makes the typed text its value.</summary>
    protected static async Task TypeAsync(IRenderedComponent<ReplayPage> page, string testId, string text)
    {
        await page.InvokeAsync(() => page.Find($"input[data-testid={testId}]").Input(text));
        await page.InvokeAsync(() => page.Find($"input[data-testid={testId}]").Blur());
    }

    /// <summary>
    /// Opens a MudBlazor select as a click would, clicks the item whose text starts with <paramref name="item"/> and
    /// waits until the select shows it.
    /// </summary>
    protected async Task ChooseAsync(IRenderedComponent<ReplayPage> page, string testId, string item)
    {
        var popovers = _popovers ?? throw new InvalidOperationException("Render the page first.");
        await page.InvokeAsync(() => page.FindAll(".mud-input-control").Last(c => c.QuerySelector($"[data-testid={testId}]") is not null).MouseDown());
        popovers.WaitForAssertion(() => Assert.NotNull(Item(popovers, item)));
        await popovers.InvokeAsync(() => Item(popovers, item)!.Click());
        page.WaitForAssertion(() => Assert.StartsWith(item, page.Find($"[data-testid={testId}]").TextContent.Trim(), StringComparison.Ordinal));
    }

    private static AngleSharp.Dom.IElement? Item(IRenderedComponent<MudPopoverProvider> popovers, string text) =>
        popovers.FindAll(".mud-popover-open .mud-list-item").FirstOrDefault(i => i.TextContent.Trim().StartsWith(text, StringComparison.Ordinal));

    /// <summary>Waits for the run on the server, then lets the page's throttled render happen and checks the markup.</summary>
    protected async Task<ReplayRunSnapshot> SettleAsync(IRenderedComponent<ReplayPage> page, ReplayRun run,
        Func<ReplayRunSnapshot, bool> until, Action<IRenderedComponent<ReplayPage>> assert)
    {
        var snapshot = await run.WaitForAsync(until, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() =>
        {
            Time.Advance(TimeSpan.FromMilliseconds(200));
            assert(page);
        }, TimeSpan.FromSeconds(10));
        return snapshot;
    }

    protected static async Task<ReplayRunSnapshot> FinishedAsync(ReplayRun run)
    {
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return run.Snapshot;
    }

    /// <summary>The container stops the run manager (and its runs) with the context; the files go after.</summary>
    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Publisher.Dispose();
        Store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
