using EventObserver.Configuration;
using EventObserver.Core.Conversations;

using Microsoft.Extensions.Configuration;

namespace EventObserver.Tests.Monitoring;

/// <summary>Settings bound from configuration the way the app binds them, then checked; each message names the setting.</summary>
public sealed class MonitoringOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultsAndAFullProcess_Succeed()
    {
        var result = Validate(new()
        {
            ["Processes:0:Start"] = "OrderPlaced",
            ["Processes:0:Done:0"] = "OrderShipped",
            ["Processes:0:Failed:0"] = "PaymentFailed",
            ["Processes:0:Within"] = "00:05:00",
            ["Processes:1:Name"] = "Refunds",
            ["Processes:1:Start"] = "RefundRequested",
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Processes:0:Done:0", "OrderShipped", "EventObserver:Monitoring:Processes:0:Start is required")]
    [InlineData("Processes:0:Within", "00:00:00", "EventObserver:Monitoring:Processes:0:Within must be more than 0")]
    [InlineData("Processes:0:Within", "-00:01:00", "EventObserver:Monitoring:Processes:0:Within must be more than 0")]
    [InlineData("MaxOpenConversations", "0", "EventObserver:Monitoring:MaxOpenConversations must be at least 1; it is 0.")]
    [InlineData("CheckInterval", "00:00:00", "EventObserver:Monitoring:CheckInterval must be more than 0 and at most 01:00:00; it is 00:00:00.")]
    [InlineData("QuietAfter", "00:00:00", "EventObserver:Monitoring:QuietAfter must be more than 0")]
    [InlineData("SuggestAfterCompleted", "0", "EventObserver:Monitoring:SuggestAfterCompleted must be at least 1")]
    [InlineData("MinimumSuggestedDeadline", "00:00:00", "EventObserver:Monitoring:MinimumSuggestedDeadline must be more than 0")]
    public void Validate_OneBadSetting_FailsNamingIt(string key, string value, string expected)
    {
        var result = Validate(new() { [key] = value });

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ATypeBothDoneAndFailed_FailsNamingTheProcessAndType()
    {
        var result = Validate(new()
        {
            ["Processes:0:Start"] = "OrderPlaced",
            ["Processes:0:Done:0"] = "OrderClosed",
            ["Processes:0:Failed:0"] = "OrderClosed",
        });

        Assert.Contains("EventObserver:Monitoring:Processes:0: 'OrderClosed' is in both Done and Failed", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoProcessesWithTheSameName_FailsNamingTheSecond()
    {
        var result = Validate(new()
        {
            ["Processes:0:Name"] = "Orders",
            ["Processes:0:Start"] = "OrderPlaced",
            ["Processes:1:Name"] = "orders",
            ["Processes:1:Start"] = "OrderImported",
        });

        Assert.Contains("EventObserver:Monitoring:Processes:1 is named 'orders' like EventObserver:Monitoring:Processes:0", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoProcessesWithTheSameStartAndNoName_FailsOnTheStartAndTheName()
    {
        var result = Validate(new()
        {
            ["Processes:0:Start"] = "OrderPlaced",
            ["Processes:1:Start"] = "OrderPlaced",
        });

        Assert.Contains("EventObserver:Monitoring:Processes:1:Start 'OrderPlaced' is already the start of EventObserver:Monitoring:Processes:0", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("EventObserver:Monitoring:Processes:1 is named 'OrderPlaced'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyTerminalTypeAndStartAsTerminal_FailNamingTheEntry()
    {
        var result = Validate(new()
        {
            ["Processes:0:Start"] = "OrderPlaced",
            ["Processes:0:Done:0"] = "OrderPlaced",
            ["Processes:0:Failed:0"] = " ",
        });

        Assert.Contains("EventObserver:Monitoring:Processes:0:Failed:0 is empty", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("EventObserver:Monitoring:Processes:0: the Start type 'OrderPlaced' cannot also end the conversation", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(p => $"{ConfigurationSections.Monitoring}:{p.Key}", p => p.Value))
            .Build();
        var options = configuration.GetSection(ConfigurationSections.Monitoring).Get<MonitoringOptions>() ?? new MonitoringOptions();
        return new MonitoringOptionsValidator().Validate(null, options);
    }
}
