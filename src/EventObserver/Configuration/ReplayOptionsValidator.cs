using System.Text.RegularExpressions;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

public sealed class ReplayOptionsValidator : IValidateOptions<ReplayOptions>
{
    private const string Section = ReplayOptions.Section;

    public ValidateOptionsResult Validate(string? name, ReplayOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedTargets.Count; i++)
        {
            var pattern = options.AllowedTargets[i];
            if (string.IsNullOrWhiteSpace(pattern))
            {
                failures.Add($"{Section}:AllowedTargets:{i} is empty; give a regular expression such as ^replay\\..");
                continue;
            }

            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{Section}:AllowedTargets:{i} '{pattern}' is not a regular expression: {ex.Message}");
            }
        }

        if (options.ProjectionsPath is { Length: > 0 } path && path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{Section}:ProjectionsPath '{path}' contains characters that are not allowed in a path.");
        }

        if (options.MaxKeptRuns < 1)
        {
            failures.Add($"{Section}:MaxKeptRuns must be 1 or more; it is {options.MaxKeptRuns}.");
        }

        if (options.MaxActiveRuns < 1)
        {
            failures.Add($"{Section}:MaxActiveRuns must be 1 or more; it is {options.MaxActiveRuns}.");
        }

        if (options.MaxRunMemoryMb is < 16 or > 64 * 1024)
        {
            failures.Add($"{Section}:MaxRunMemoryMb must be from 16 to 65536; it is {options.MaxRunMemoryMb}.");
        }

        if (options.ScriptTimeoutPerCall < TimeSpan.FromMilliseconds(10) || options.ScriptTimeoutPerCall > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}:ScriptTimeoutPerCall must be from 00:00:00.01 to 00:01:00; it is {options.ScriptTimeoutPerCall}.");
        }

        if (options.SnapshotInterval < TimeSpan.FromMilliseconds(50))
        {
            failures.Add($"{Section}:SnapshotInterval must be at least 00:00:00.05; it is {options.SnapshotInterval}.");
        }

        if (options.MaxSnapshotPartitions < 1)
        {
            failures.Add($"{Section}:MaxSnapshotPartitions must be 1 or more; it is {options.MaxSnapshotPartitions}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
