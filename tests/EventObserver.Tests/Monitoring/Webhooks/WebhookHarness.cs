using System.Collections.Concurrent;

using EventObserver.Core.Conversations;
using EventObserver.Monitoring.Webhooks;
using EventObserver.TestSupport;

using Microsoft.Extensions.Time.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventObserver.Tests.Monitoring.Webhooks;

/// <summary>
/// The webhook services as the app registers them (AddConversationWebhooks) on a fake clock, started; the clock is
/// moved on in small steps while a test waits, so every timer the loops arm fires in order.
/// </summary>
internal sealed class WebhookHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly IHostedService[] _hosted;

    private WebhookHarness(ServiceProvider services, FakeTimeProvider clock, ConcurrentQueue<(LogLevel Level, string Text)> logs)
    {
        _services = services;
        Clock = clock;
        Logs = logs;
        Sink = services.GetRequiredService<WebhookAlertSink>();
        _hosted = [.. services.GetServices<IHostedService>()];
    }

    public FakeTimeProvider Clock { get; }

    public WebhookAlertSink Sink { get; }

    public IConversationAlertSink AlertSink => _services.GetServices<IConversationAlertSink>().Single();

    public ConcurrentQueue<(LogLevel Level, string Text)> Logs { get; }

    /// <summary>Fake time moved on per look while waiting.</summary>
    public TimeSpan Step { get; set; } = TimeSpan.FromMilliseconds(500);

    public static async Task<WebhookHarness> StartAsync(FakeTimeProvider clock, Action<MonitoringOptions> configure)
    {
        var logs = new ConcurrentQueue<(LogLevel, string)>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new CapturingLoggerProvider(logs)));
        services.AddSingleton<TimeProvider>(clock);
        services.AddOptions<MonitoringOptions>().Configure(o =>
        {
            o.WebhookBatchWindow = TimeSpan.FromSeconds(1);
            configure(o);
        });
        services.AddConversationWebhooks();
        var harness = new WebhookHarness(services.BuildServiceProvider(), clock, logs);
        foreach (var hosted in harness._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return harness;
    }

    public Task PumpUntilAsync(Func<bool> condition, string what) =>
        Eventually.TrueAsync(condition, () => Clock.Advance(Step), what);

    /// <summary>Nothing more happens while fake time moves on by about <paramref name="fakeTime"/>.</summary>
    public Task PumpHoldsAsync(Func<bool> condition, string what, TimeSpan fakeTime) =>
        Eventually.HoldsAsync(condition, what, TimeSpan.FromMilliseconds(fakeTime / Step * 10 + 200), () => Clock.Advance(Step));

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<(LogLevel, string)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue((logLevel, formatter(state, exception)));
    }
}
