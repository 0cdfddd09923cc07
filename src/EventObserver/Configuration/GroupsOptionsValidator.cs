using EventObserver.Kafka.Configuration;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

/// <summary>Checks <c>EventObserver:Groups</c> at start-up; every message names the setting.</summary>
public sealed class GroupsOptionsValidator(IOptions<KafkaOptions> kafka) : IValidateOptions<GroupsOptions>
{
    private const string Section = ConfigurationSections.Groups;

    public ValidateOptionsResult Validate(string? name, GroupsOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Discovery))
        {
            failures.Add($"{Section}:Discovery must be Auto, AdminClient or KnownGroups; it is {options.Discovery}.");
        }
        else if (options.Discovery == GroupDiscovery.AdminClient && kafka.Value.IsEmbedded)
        {
            failures.Add($"{Section}:Discovery=AdminClient cannot be used with the embedded broker (no EventObserver:Kafka:BootstrapServers): "
                + "its mock cluster cannot list consumer groups. Use Auto or KnownGroups.");
        }

        if (options.RefreshInterval < TimeSpan.FromSeconds(1) || options.RefreshInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:RefreshInterval must be between 00:00:01 and 01:00:00; it is {options.RefreshInterval}.");
        }

        if (options.HistoryRetention < options.RefreshInterval || options.HistoryRetention > TimeSpan.FromDays(7))
        {
            failures.Add($"{Section}:HistoryRetention must be at least {Section}:RefreshInterval ({options.RefreshInterval}) and at most 7.00:00:00; it is {options.HistoryRetention}.");
        }

        if (options.RequestTimeout < TimeSpan.FromMilliseconds(100) || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:RequestTimeout must be between 00:00:00.1 and 00:05:00; it is {options.RequestTimeout}.");
        }

        var blank = options.Known.FindIndex(string.IsNullOrWhiteSpace);
        if (blank >= 0)
        {
            failures.Add($"{Section}:Known:{blank} is empty: every known group needs its group id.");
        }

        if (options.Known.Contains(kafka.Value.GroupId, StringComparer.Ordinal))
        {
            failures.Add($"{Section}:Known lists '{kafka.Value.GroupId}', the observer's own group (EventObserver:Kafka:GroupId): "
                + "its positions live in the index, not in Kafka. Remove it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
