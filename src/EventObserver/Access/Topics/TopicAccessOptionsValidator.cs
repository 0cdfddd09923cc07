using EventObserver.Access.Options;

using Microsoft.Extensions.Options;

namespace EventObserver.Access.Topics;

/// <summary>Refuses <c>Auth:TopicAccess</c> rules that cannot work, at start, each message naming the rule by its index.</summary>
public sealed class TopicAccessOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        for (var i = 0; i < options.TopicAccess.Count; i++)
        {
            if (options.TopicAccess[i] is not { } rule)
            {
                problems.Add($"{AuthOptions.Section}:TopicAccess:{i} is empty.");
                continue;
            }

            _ = CompiledTopicRule.Compile(rule, i, problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
