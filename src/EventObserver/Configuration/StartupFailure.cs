using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

/// <summary>Turns a configuration problem found at start-up into one readable message instead of a stack trace.</summary>
public static class StartupFailure
{
    public static bool IsConfigurationError(Exception exception) => Find(exception) is not null;

    public static string Describe(Exception exception)
    {
        var cause = Find(exception) ?? exception;
        var details = cause is OptionsValidationException validation
            ? validation.Failures
            : [cause.Message];
        return "EventObserver cannot start because of its configuration:" + Environment.NewLine
            + string.Join(Environment.NewLine, details.Select(d => "  - " + d)) + Environment.NewLine
            + "Fix the setting (appsettings.json, or an environment variable such as EventObserver__Storage__Path) and start again.";
    }

    private static Exception? Find(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException)
            {
                return e;
            }

            // The configuration binder reports an unconvertible value this way, naming the key.
            if (e is InvalidOperationException && e.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase))
            {
                return e;
            }
        }

        return exception is AggregateException aggregate
            ? aggregate.InnerExceptions.Select(Find).FirstOrDefault(x => x is not null)
            : null;
    }
}
