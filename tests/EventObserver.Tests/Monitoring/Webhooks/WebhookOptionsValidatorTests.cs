using EventObserver.Configuration;
using EventObserver.Core.Conversations;

namespace EventObserver.Tests.Monitoring.Webhooks;

public sealed class WebhookOptionsValidatorTests
{
    private readonly WebhookOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = _validator.Validate(null, new MonitoringOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_GoodReceiversAndPublicUrl_Succeed()
    {
        var options = new MonitoringOptions
        {
            PublicUrl = "https://observer.example.com/ops/",
            Webhooks =
            [
                new WebhookOptions { Url = "https://hooks.slack.com/services/T0/B0/xyz", Format = WebhookFormat.Slack },
                new WebhookOptions { Url = "http://127.0.0.1:9000/alerts", Secret = "k" },
            ],
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("", "EventObserver:Monitoring:Webhooks:1:Url is empty")]
    [InlineData("/hooks/T0-secret", "EventObserver:Monitoring:Webhooks:1:Url must be an absolute http or https URL")]
    [InlineData("ftp://alerts.example.com/x", "EventObserver:Monitoring:Webhooks:1:Url must be an absolute http or https URL")]
    [InlineData("alerts.example.com/hook", "EventObserver:Monitoring:Webhooks:1:Url must be an absolute http or https URL")]
    public void Validate_BadUrl_NamesTheSettingWithoutEchoingTheUrl(string url, string expected)
    {
        var options = new MonitoringOptions
        {
            Webhooks = [new WebhookOptions { Url = "https://ok.example.com/" }, new WebhookOptions { Url = url }],
        };

        var result = _validator.Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        if (url.Length > 0)
        {
            Assert.DoesNotContain(url, failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_RelativePublicUrl_NamesTheSetting()
    {
        var result = _validator.Validate(null, new MonitoringOptions { PublicUrl = "observer.local" });

        Assert.StartsWith("EventObserver:Monitoring:PublicUrl must be an absolute http or https URL", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroWindowAndRate_NameBothSettings()
    {
        var result = _validator.Validate(null, new MonitoringOptions { WebhookBatchWindow = TimeSpan.Zero, WebhookMaxRequestsPerMinute = 0 });

        Assert.Equal(
            [
                "EventObserver:Monitoring:WebhookBatchWindow must be greater than 00:00:00 and at most 01:00:00; it is 00:00:00.",
                "EventObserver:Monitoring:WebhookMaxRequestsPerMinute must be between 1 and 6000; it is 0.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_UnknownFormatAndBlankSecret_NameTheReceiver()
    {
        var options = new MonitoringOptions
        {
            Webhooks = [new WebhookOptions { Url = "https://ok.example.com/", Format = (WebhookFormat)7, Secret = "  " }],
        };

        var result = _validator.Validate(null, options);

        Assert.Equal(
            [
                "EventObserver:Monitoring:Webhooks:0:Format must be Json or Slack; it is 7.",
                "EventObserver:Monitoring:Webhooks:0:Secret is only white space: set a real secret or remove the setting.",
            ],
            result.Failures);
    }
}
