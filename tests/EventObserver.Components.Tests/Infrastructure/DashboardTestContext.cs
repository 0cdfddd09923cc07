using System.Text;

using Bunit;

using EventObserver.Access;
using EventObserver.Access.Options;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.Features.Audit;
using EventObserver.Features.Events;
using EventObserver.Features.IndexRebuild;
using EventObserver.Features.Status;
using EventObserver.Features.Topics;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Ingestion;
using EventObserver.Shared;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using MudBlazor.Services;

namespace EventObserver.Components.Tests.Infrastructure;

/// <summary>
/// A bUnit context with the app's real read models over a real LiteDB index in a temp folder, a fake clock
/// and fake cluster metadata. Disposed asynchronously (MudBlazor's disposables are async-only).
/// </summary>
public abstract class DashboardTestContext : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eventobserver-components", Guid.NewGuid().ToString("N"));

    protected DashboardTestContext()
    {
        Directory.CreateDirectory(_directory);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        var services = Context.Services;
        services.AddMudServices();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddOptions<StorageOptions>().Configure(o => o.Path = Path.Combine(_directory, "index.db"));
        services.AddSingleton<EventIndexProvider>();
        services.AddSingleton<ICurrentIndex>(sp => sp.GetRequiredService<EventIndexProvider>());
        services.AddSingleton<IIndexRebuilds>(sp => sp.GetRequiredService<EventIndexProvider>());
        services.AddSingleton<IndexReads>();
        services.AddSingleton<IngestionStatus>();
        services.AddSingleton<IClusterInspector>(Cluster);
        services.AddSingleton<IndexReads>();
        services.AddSingleton<TopicQueries>();
        services.AddSingleton<StatusQueries>();
        services.AddSingleton<SystemStatusBroadcaster>();
        services.AddSingleton<Features.Feed.FeedQueries>();
        services.AddSingleton<EventQueries>();
        services.AddSingleton<ILiveFeed>(Feed);
        services.AddSingleton<IEventMasker>(NoMasking.Instance);
        services.AddSingleton<IAuditLog, NullAuditLog>();
        services.AddOptions<AuthOptions>();
        services.AddSingleton<ICurrentUser>(CurrentUser);
        services.AddIndexRebuild();
    }

    /// <summary>Who the rendered components see as the user; Mode None's anonymous user unless a test says otherwise.</summary>
    protected TestCurrentUser CurrentUser { get; } = new();

    protected BunitContext Context { get; } = new();

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Moves <see cref="Time"/> on in 10 ms steps until <paramref name="done"/> holds (see <see cref="Eventually"/>).</summary>
    protected Task AdvanceUntilAsync(Func<bool> done, string what) =>
        Eventually.TrueAsync(done, () => Time.Advance(TimeSpan.FromMilliseconds(10)), what);

    protected FakeClusterInspector Cluster { get; } = new();

    /// <summary>
    /// Runs <paramref name="act"/> (a find and an event on it) on the renderer's thread and waits for it: a render in
    /// between, such as the timeline's count arriving, could otherwise replace the handler the event names.
    /// </summary>
    protected static void OnRenderer<TComponent>(IRenderedComponent<TComponent> page, Action act)
        where TComponent : IComponent =>
        page.InvokeAsync(act).GetAwaiter().GetResult();

    /// <summary>Finds <paramref name="selector"/> and clicks it on the renderer's thread, awaiting the handler (see <see cref="OnRenderer"/>).</summary>
    protected static Task ClickOnRendererAsync<TComponent>(IRenderedComponent<TComponent> page, string selector)
        where TComponent : IComponent =>
        page.InvokeAsync(() => page.Find(selector).ClickAsync(new()));

    /// <summary>The real in-process live feed; tests publish to it as ingestion would.</summary>
    protected LiveFeed Feed { get; } = new();

    protected IngestionStatus Ingestion => Context.Services.GetRequiredService<IngestionStatus>();

    protected EventIndexProvider Indexes => Context.Services.GetRequiredService<EventIndexProvider>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    protected static EventEnvelope Event(string topic, int partition, long offset, DateTimeOffset at) => new()
    {
        Topic = topic,
        Partition = partition,
        Offset = offset,
        TimestampMs = at.ToUnixTimeMilliseconds(),
        Payload = Encoding.UTF8.GetBytes("{}"),
        PayloadFormat = PayloadFormat.Json,
        MessageId = $"{topic}-{partition}-{offset}",
        MessageType = "Something",
        Kind = MessageKind.Event,
    };
}
