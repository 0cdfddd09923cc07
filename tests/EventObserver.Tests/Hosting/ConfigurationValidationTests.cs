using System.Diagnostics;

using EventObserver.Configuration;
using EventObserver.TestSupport;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace EventObserver.Tests.Hosting;

public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("EventObserver:Storage:Path", " ")]
    [InlineData("EventObserver:Storage:MaxEvents", "-5")]
    [InlineData("EventObserver:Storage:RetentionInterval", "00:00:00")]
    [InlineData("EventObserver:Kafka:IncludeTopics:0", "orders.(unclosed")]
    [InlineData("EventObserver:Kafka:MaxBatchSize", "0")]
    [InlineData("EventObserver:Kafka:StallAfter", "00:00:00")]
    [InlineData("EventObserver:Kafka:SchemaRegistry:Url", "ftp://registry:8081")]
    [InlineData("EventObserver:Kafka:SchemaRegistry:TimeoutMs", "0")]
    [InlineData("EventObserver:Demo:PaymentFailureRate", "1.5")]
    [InlineData("EventObserver:Demo:OrdersPerSecond", "fast")]
    [InlineData("EventObserver:Lineage:Mappings:0:Field", "CorrelationId")]
    [InlineData("EventObserver:Security:AllowedOrigins:0", "*")]
    [InlineData("EventObserver:Replay:MaxRunMemoryMb", "8")]
    [InlineData("EventObserver:Replay:ScriptTimeoutPerCall", "00:00:00")]
    [InlineData("EventObserver:Audit:RetentionDays", "0")]
    [InlineData("EventObserver:Audit:Topic", "audit copy")]
    [InlineData("EventObserver:Decoding:MessagePackTopics:0", "metrics.(unclosed")]
    [InlineData("EventObserver:Decoding:Schemas:0:File", "/nonexistent/payments.avsc")]
    public void Start_BadSetting_FailsWithMessageNamingTheSetting(string key, string value)
    {
        using var factory = new SeededAppFactory().WithWebHostBuilder(b => b.UseSetting(key, value));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.True(StartupFailure.IsConfigurationError(error), error.ToString());
        var message = StartupFailure.Describe(error);
        var setting = key.EndsWith(":Field", StringComparison.Ordinal) ? "EventObserver:Lineage:Mappings:0" : key;
        Assert.Contains(setting, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_BadSetting_ExitsWithOneClearMessageAndNoStackTrace()
    {
        using var directory = new TempDirectory();
        var app = Path.Combine(AppContext.BaseDirectory, "EventObserver.dll");
        var start = new ProcessStartInfo("dotnet", [app])
        {
            WorkingDirectory = directory.Path,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["EventObserver__Demo__PaymentFailureRate"] = "2",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var output = await stderr + await stdout;
        Assert.Contains("EventObserver:Demo:PaymentFailureRate must be between 0 and 1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
