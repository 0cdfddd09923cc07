using System.Collections.Concurrent;

using EventObserver.TestSupport;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace EventObserver.Tests.Access;

/// <summary>A key sent as <c>?access_token=</c> (how browsers open the hub) never reaches the log through the request lines.</summary>
public sealed class RequestLoggingTests : IDisposable
{
    private const string Key = "SECRET-KEY-IN-THE-QUERY-7f3a";

    private readonly TempDirectory _directory = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly WebApplicationFactory<Program> _factory;

    public RequestLoggingTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("EventObserver:Storage:Path", Path.Combine(_directory.Path, "index.db"));
            // Nothing listens there: no embedded broker to start, the hub still answers.
            builder.UseSetting("EventObserver:Kafka:BootstrapServers", "127.0.0.1:1");
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        });
    }

    public void Dispose()
    {
        _factory.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task HubNegotiate_KeyInTheQuery_IsNotLogged()
    {
        var client = _factory.CreateClient();

        using var response = await client.PostAsync($"/hubs/events/negotiate?negotiateVersion=1&access_token={Key}", null);
        await client.GetAsync("/api/topics");

        Assert.NotEmpty(_logs.Messages);
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(Key, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(Messages);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));
    }
}
