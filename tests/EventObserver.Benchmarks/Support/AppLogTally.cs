using System.Globalization;
using System.Text.RegularExpressions;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// Counts what the app logged, line by line as it prints (the console formatter's <c>warn:</c>, <c>fail:</c> and
/// <c>crit:</c> prefixes, the message on the next line), keeps the first problems with their message, and adds up the
/// retention service's "Retention deleted N events" lines. Safe to feed from the output reader threads.
/// </summary>
internal sealed partial class AppLogTally
{
    private const int ProblemsKept = 20;

    private readonly Lock _gate = new();
    private readonly List<string> _problems = [];
    private string? _pendingProblem;
    private int _warnings;
    private int _errors;
    private int _retentionPasses;
    private long _retentionDeleted;

    public int Warnings
    {
        get
        {
            lock (_gate)
            {
                return _warnings;
            }
        }
    }

    /// <summary>Lines at error or critical level.</summary>
    public int Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors;
            }
        }
    }

    /// <summary>Retention passes that deleted something, and how many events they deleted together.</summary>
    public (int Passes, long Deleted) Retention
    {
        get
        {
            lock (_gate)
            {
                return (_retentionPasses, _retentionDeleted);
            }
        }
    }

    /// <summary>The first warnings and errors, each as "level: category — message".</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_gate)
            {
                return [.. _problems];
            }
        }
    }

    public void Add(string line)
    {
        lock (_gate)
        {
            if (_pendingProblem is not null)
            {
                // The console formatter prints the message on the line after the level and category.
                _problems.Add($"{_pendingProblem} — {line.Trim()}");
                _pendingProblem = null;
            }

            if (line.StartsWith("warn:", StringComparison.Ordinal))
            {
                _warnings++;
                Keep(line);
            }
            else if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                _errors++;
                Keep(line);
            }
            else if (RetentionDeleted().Match(line) is { Success: true } deleted)
            {
                _retentionPasses++;
                _retentionDeleted += long.Parse(deleted.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
    }

    private void Keep(string line)
    {
        if (_problems.Count < ProblemsKept)
        {
            _pendingProblem = line.Trim();
        }
    }

    [GeneratedRegex(@"Retention deleted (\d+) events")]
    private static partial Regex RetentionDeleted();
}
