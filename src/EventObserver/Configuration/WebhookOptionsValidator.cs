using EventObserver.Core.Conversations;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

/// <summary>
/// Checks the alert part of <c>EventObserver:Monitoring</c> at start-up (receivers, public URL, batching, rate); the
/// rest of the section has its own validator. Messages name the setting but never echo a URL: an incoming-webhook URL
/// carries its secret.
/// </summary>
public sealed class WebhookOptionsValidator : IValidateOptions<MonitoringOptions>
{
    private const string Section = ConfigurationSections.Monitoring;

    public ValidateOptionsResult Validate(string? name, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var webhook = options.Webhooks[i];
            var setting = $"{Section}:Webhooks:{i}";
            if (string.IsNullOrWhiteSpace(webhook.Url))
            {
                failures.Add($"{setting}:Url is empty: every webhook needs the absolute http or https URL that receives its alerts.");
            }
            else if (!IsHttpUrl(webhook.Url))
            {
                failures.Add($"{setting}:Url must be an absolute http or https URL (e.g. https://alerts.example.com/eventobserver).");
            }

            if (!Enum.IsDefined(webhook.Format))
            {
                failures.Add($"{setting}:Format must be Json or Slack; it is {webhook.Format}.");
            }

            if (webhook.Secret is { Length: > 0 } secret && string.IsNullOrWhiteSpace(secret))
            {
                failures.Add($"{setting}:Secret is only white space: set a real secret or remove the setting.");
            }
        }

        if (!string.IsNullOrEmpty(options.PublicUrl) && !IsHttpUrl(options.PublicUrl))
        {
            failures.Add($"{Section}:PublicUrl must be an absolute http or https URL (the dashboard's address as receivers reach it, "
                + $"e.g. https://observer.example.com/); it is '{options.PublicUrl}'.");
        }

        if (options.WebhookBatchWindow <= TimeSpan.Zero || options.WebhookBatchWindow > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:WebhookBatchWindow must be greater than 00:00:00 and at most 01:00:00; it is {options.WebhookBatchWindow}.");
        }

        if (options.WebhookMaxRequestsPerMinute is < 1 or > 6_000)
        {
            failures.Add($"{Section}:WebhookMaxRequestsPerMinute must be between 1 and 6000; it is {options.WebhookMaxRequestsPerMinute}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
