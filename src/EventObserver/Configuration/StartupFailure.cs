using System.Reflection;

using EventObserver.Storage.Index;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

/// <summary>
/// Turns configuration problems found at start-up, and an unreadable index with <c>Storage:OnCorrupt=Stop</c>, into one
/// readable message instead of a stack trace.
/// </summary>
public static class StartupFailure
{
    /// <summary>
    /// True when this app is the process (not hosted by a test's WebApplicationFactory, which must see the exception itself).
    /// </summary>
    public static bool IsOwnProcess => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    public static bool IsConfigurationError(Exception exception) => Problems(exception).Any();

    public static string Describe(Exception exception)
    {
        // An unreadable index with OnCorrupt=Stop is no setting to fix: its message says what to do.
        if (Find<CorruptIndexException>(exception) is { } corrupt)
        {
            return "EventObserver cannot start: " + corrupt.Message;
        }

        var problems = Problems(exception).Distinct(StringComparer.Ordinal).ToList();
        if (problems.Count == 0)
        {
            problems.Add(exception.Message);
        }

        return "EventObserver cannot start because of its configuration:" + Environment.NewLine
            + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)) + Environment.NewLine
            + "Fix the setting (appsettings.json, or an environment variable such as EventObserver__Storage__Path) and start again.";
    }

    private static T? Find<T>(Exception exception)
        where T : Exception => exception switch
        {
            T found => found,
            AggregateException aggregate => aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(e => e is not null),
            _ => exception.InnerException is { } inner ? Find<T>(inner) : null,
        };

    private static IEnumerable<string> Problems(Exception exception)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                foreach (var failure in validation.Failures)
                {
                    yield return failure;
                }

                yield break;

            // The configuration binder reports an unconvertible value this way, naming the key.
            case InvalidOperationException when exception.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase):
                yield return exception.Message;
                yield break;

            case CorruptIndexException corrupt:
                yield return corrupt.Message;
                yield break;

            case AggregateException aggregate:
                foreach (var problem in aggregate.InnerExceptions.SelectMany(Problems))
                {
                    yield return problem;
                }

                yield break;
        }

        if (exception.InnerException is { } inner)
        {
            foreach (var problem in Problems(inner))
            {
                yield return problem;
            }
        }
    }
}
