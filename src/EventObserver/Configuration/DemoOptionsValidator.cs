using EventObserver.Kafka.Configuration;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

public sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    private const string Section = ConfigurationSections.Demo;

    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var failures = new List<string>();
        if (!double.IsFinite(options.OrdersPerSecond) || options.OrdersPerSecond is < 0 or > 10_000)
        {
            failures.Add($"{Section}:OrdersPerSecond must be between 0 and 10000; it is {options.OrdersPerSecond}.");
        }

        if (!double.IsFinite(options.PaymentFailureRate) || options.PaymentFailureRate is < 0 or > 1)
        {
            failures.Add($"{Section}:PaymentFailureRate must be between 0 and 1; it is {options.PaymentFailureRate}.");
        }

        foreach (var (setting, rate) in new[] { ("StallRate", options.StallRate), ("LateRate", options.LateRate) })
        {
            if (!double.IsFinite(rate) || rate is < 0 or > 1)
            {
                failures.Add($"{Section}:{setting} must be between 0 and 1; it is {rate}.");
            }
        }

        // One draw per order decides its outcome, so the shares cannot overlap.
        var outcomes = options.PaymentFailureRate + options.StallRate + options.LateRate;
        if (double.IsFinite(outcomes) && outcomes > 1 + 1e-9
            && options.PaymentFailureRate is >= 0 and <= 1 && options.StallRate is >= 0 and <= 1 && options.LateRate is >= 0 and <= 1)
        {
            failures.Add($"{Section}:PaymentFailureRate + StallRate + LateRate must be at most 1 (each order has one outcome); "
                + $"they are {options.PaymentFailureRate} + {options.StallRate} + {options.LateRate}.");
        }

        // A late order waits in memory (not in a slot of the order generator) until its delay has passed.
        if (options.LateDelay <= TimeSpan.Zero || options.LateDelay > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:LateDelay must be greater than 00:00:00 and at most 01:00:00; it is {options.LateDelay}.");
        }

        // The analytics group holds the positions of the events it has not committed yet in memory, and the embedded
        // broker keeps only ~5 MiB per partition: an hour is already more than either should carry.
        if (options.AnalyticsDelay < TimeSpan.Zero || options.AnalyticsDelay > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:AnalyticsDelay must be between 00:00:00 and 01:00:00; it is {options.AnalyticsDelay}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
