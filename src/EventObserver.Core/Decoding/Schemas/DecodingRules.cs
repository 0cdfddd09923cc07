using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace EventObserver.Core.Decoding.Schemas;

/// <summary>
/// <see cref="DecodingOptions"/> compiled: local schema files bound to topic regexes (first match per role wins) and the
/// MessagePack topic regexes. Answers per topic are cached, so a message pays one dictionary lookup.
/// </summary>
internal sealed class DecodingRules
{
    private const string Section = "EventObserver:Decoding";

    /// <summary>Topics of one cluster are few; past this many the answers are still right, just not remembered.</summary>
    private const int MaxCachedTopics = 10_000;

    private static readonly TimeSpan s_matchTimeout = TimeSpan.FromSeconds(1);

    private readonly (Regex Topic, PayloadRole Role, CompiledSchema Schema)[] _schemas;
    private readonly Regex[] _messagePackTopics;
    private readonly ConcurrentDictionary<string, TopicRules> _byTopic = new(StringComparer.Ordinal);

    private DecodingRules((Regex, PayloadRole, CompiledSchema)[] schemas, Regex[] messagePackTopics)
    {
        _schemas = schemas;
        _messagePackTopics = messagePackTopics;
    }

    public bool IsEmpty => _schemas.Length == 0 && _messagePackTopics.Length == 0;

    /// <summary>Compiles everything; <paramref name="failures"/> gets one message per bad entry, naming it.</summary>
    public static DecodingRules Compile(DecodingOptions options, List<string> failures)
    {
        var schemas = new List<(Regex, PayloadRole, CompiledSchema)>();
        for (var i = 0; i < options.Schemas.Count; i++)
        {
            var binding = options.Schemas[i];
            var entry = $"{Section}:Schemas:{i}";
            if (binding is null)
            {
                failures.Add($"{entry} is empty.");
                continue;
            }

            var regex = TryRegex(binding.Topic, $"{entry}:Topic", failures);
            if (!Enum.IsDefined(binding.Role))
            {
                failures.Add($"{entry}:Role '{binding.Role}' is not one of {string.Join(", ", Enum.GetNames<PayloadRole>())}.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(binding.File))
            {
                failures.Add($"{entry}:File must name an .avsc, .proto or descriptor-set file.");
                continue;
            }

            try
            {
                var schema = LocalSchemaFile.Compile(binding);
                if (regex is not null)
                {
                    schemas.Add((regex, binding.Role, schema));
                }
            }
            catch (InvalidOperationException ex)
            {
                failures.Add($"{entry}:File: {ex.Message}");
            }
        }

        var messagePack = new List<Regex>();
        for (var i = 0; i < options.MessagePackTopics.Count; i++)
        {
            if (TryRegex(options.MessagePackTopics[i], $"{Section}:MessagePackTopics:{i}", failures) is { } regex)
            {
                messagePack.Add(regex);
            }
        }

        return new DecodingRules([.. schemas], [.. messagePack]);
    }

    public TopicRules For(string topic)
    {
        if (IsEmpty)
        {
            return TopicRules.None;
        }

        if (_byTopic.TryGetValue(topic, out var rules))
        {
            return rules;
        }

        rules = Match(topic);
        if (_byTopic.Count < MaxCachedTopics)
        {
            _byTopic.TryAdd(topic, rules);
        }

        return rules;
    }

    private TopicRules Match(string topic)
    {
        CompiledSchema? value = null, key = null;
        foreach (var (regex, role, schema) in _schemas)
        {
            if ((role == PayloadRole.Key ? key : value) is not null || !IsMatch(regex, topic))
            {
                continue;
            }

            if (role == PayloadRole.Key)
            {
                key = schema;
            }
            else
            {
                value = schema;
            }
        }

        var messagePack = _messagePackTopics.Any(regex => IsMatch(regex, topic));
        return value is null && key is null && !messagePack ? TopicRules.None : new TopicRules(value, key, messagePack);
    }

    private static bool IsMatch(Regex regex, string topic)
    {
        try
        {
            return regex.IsMatch(topic);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex? TryRegex(string? pattern, string entry, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            failures.Add($"{entry} must be a topic regex (e.g. ^payments\\.).");
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, s_matchTimeout);
        }
        catch (ArgumentException ex)
        {
            failures.Add($"{entry} '{pattern}' is not a valid regex: {ex.Message}");
            return null;
        }
    }
}
