using EventObserver.Core.Conversations;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

/// <summary>
/// Checks <c>EventObserver:Monitoring</c> at start-up (processes, the cap, intervals); every message names the setting.
/// The webhooks are checked by their own validator of the same options type.
/// </summary>
public sealed class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>
{
    private const string Section = ConfigurationSections.Monitoring;

    public ValidateOptionsResult Validate(string? name, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxOpenConversations < 1)
        {
            failures.Add($"{Section}:MaxOpenConversations must be at least 1; it is {options.MaxOpenConversations}.");
        }

        if (options.CheckInterval <= TimeSpan.Zero || options.CheckInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:CheckInterval must be more than 0 and at most 01:00:00; it is {options.CheckInterval}.");
        }

        if (options.QuietAfter <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:QuietAfter must be more than 0; it is {options.QuietAfter}.");
        }

        if (options.MinimumSuggestedDeadline <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:MinimumSuggestedDeadline must be more than 0; it is {options.MinimumSuggestedDeadline}.");
        }

        if (options.SuggestAfterCompleted < 1)
        {
            failures.Add($"{Section}:SuggestAfterCompleted must be at least 1; it is {options.SuggestAfterCompleted}.");
        }

        ValidateProcesses(options.Processes, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateProcesses(List<ProcessOptions> processes, List<string> failures)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < processes.Count; i++)
        {
            var process = processes[i];
            var at = $"{Section}:Processes:{i}";
            if (process is null)
            {
                failures.Add($"{at} is empty: a process needs at least its Start type.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(process.Start))
            {
                failures.Add($"{at}:Start is required (the message type that starts a conversation).");
            }
            else if (!starts.TryAdd(process.Start, i))
            {
                failures.Add($"{at}:Start '{process.Start}' is already the start of {Section}:Processes:{starts[process.Start]}: one process per start type.");
            }

            if (process.Name is not null && string.IsNullOrWhiteSpace(process.Name))
            {
                failures.Add($"{at}:Name is blank: leave it out to use the start type.");
            }

            var shown = string.IsNullOrWhiteSpace(process.Name) ? process.Start : process.Name;
            if (!string.IsNullOrWhiteSpace(shown) && !names.TryAdd(shown, i))
            {
                failures.Add($"{at} is named '{shown}' like {Section}:Processes:{names[shown]}: process names must be unique (set Name).");
            }

            if (process.Within is { } within && within <= TimeSpan.Zero)
            {
                failures.Add($"{at}:Within must be more than 0 (a deadline after the start); it is {within}. Leave it out to use the suggested deadline.");
            }

            CheckTypes(process.Done, $"{at}:Done", failures);
            CheckTypes(process.Failed, $"{at}:Failed", failures);
            foreach (var both in process.Done.Intersect(process.Failed, StringComparer.Ordinal))
            {
                failures.Add($"{at}: '{both}' is in both Done and Failed; a terminal type is a success or a failure.");
            }

            if (!string.IsNullOrWhiteSpace(process.Start)
                && (process.Done.Contains(process.Start, StringComparer.Ordinal) || process.Failed.Contains(process.Start, StringComparer.Ordinal)))
            {
                failures.Add($"{at}: the Start type '{process.Start}' cannot also end the conversation (Done or Failed).");
            }
        }
    }

    private static void CheckTypes(List<string> types, string at, List<string> failures)
    {
        for (var j = 0; j < types.Count; j++)
        {
            if (string.IsNullOrWhiteSpace(types[j]))
            {
                failures.Add($"{at}:{j} is empty: every terminal needs its message type.");
            }
        }
    }
}
