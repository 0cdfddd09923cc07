using System.Collections.Concurrent;
using Confluent.SchemaRegistry;
using EventObserver.Core.Decoding.Schemas;
using Microsoft.Extensions.Logging;
using RegisteredSchema = EventObserver.Core.Decoding.Schemas.RegisteredSchema;

namespace EventObserver.Kafka.SchemaRegistry;

/// <summary>
/// <see cref="ISchemaRegistry"/> over Confluent's <see cref="CachedSchemaRegistryClient"/> (Confluent Schema Registry,
/// Apicurio's ccompat API, Karapace). Found schemas are kept for good (ids are immutable); a failed id is not asked
/// again for <see cref="SchemaRegistryOptions.RetryAfterSeconds"/>, so a down registry costs one timeout per id and
/// period; concurrent lookups of one id share one request. Never throws.
/// </summary>
public sealed partial class ConfluentSchemaRegistry : ISchemaRegistry, IDisposable
{
    private const int MaxReferenceDepth = 32;

    private readonly SchemaRegistryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConfluentSchemaRegistry> _logger;
    private readonly CachedSchemaRegistryClient _client;
    private readonly RegistryHttp _http;
    private readonly string _where;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _retryAfter;
    // The found answers themselves: a lookup per ingested message then allocates nothing.
    private readonly ConcurrentDictionary<int, SchemaLookup> _found = new();
    private readonly Dictionary<int, (SchemaLookup Lookup, DateTimeOffset Until)> _failed = [];
    private readonly Dictionary<int, Task<SchemaLookup>> _inFlight = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _unavailableLoggedUntil = DateTimeOffset.MinValue;
    private bool _unavailable;

    public ConfluentSchemaRegistry(SchemaRegistryOptions options, TimeProvider time, ILogger<ConfluentSchemaRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new ArgumentException("A schema registry URL is required.", nameof(options));
        }

        _options = options;
        _time = time;
        _logger = logger;
        _where = string.Join(", ", options.Urls);
        _timeout = TimeSpan.FromMilliseconds(options.TimeoutMs);
        _retryAfter = TimeSpan.FromSeconds(options.RetryAfterSeconds);
        _client = RegistryClientFactory.Create(options);
        _http = new RegistryHttp(options);
    }

    public bool IsConfigured => true;

    /// <summary>The registry URLs, for messages.</summary>
    public string Url => _where;

    public SchemaLookup Lookup(int id)
    {
        if (_found.TryGetValue(id, out var found))
        {
            return found;
        }

        var (answer, fetch) = Begin(id);
        if (answer is not null)
        {
            return answer;
        }

        // A plain timed wait: ingestion's thread must not depend on a free pool thread to notice the timeout.
        return fetch!.Wait(_timeout) ? fetch.Result : TimedOut(id);
    }

    public async Task<SchemaLookup> LookupAsync(int id, CancellationToken cancellationToken)
    {
        if (_found.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var (answer, fetch) = Begin(id);
        if (answer is not null)
        {
            return answer;
        }

        try
        {
            return await fetch!.WaitAsync(_timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return TimedOut(id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SchemaLookup.Unavailable($"The lookup of schema id {id} was cancelled.");
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    /// <summary>A remembered failure still in its period, or the one fetch of this id (started when none runs).</summary>
    private (SchemaLookup? Answer, Task<SchemaLookup>? Fetch) Begin(int id)
    {
        lock (_gate)
        {
            if (_found.TryGetValue(id, out var found))
            {
                return (found, null);
            }

            if (_failed.TryGetValue(id, out var failure))
            {
                if (_time.GetUtcNow() < failure.Until)
                {
                    return (failure.Lookup, null);
                }

                _failed.Remove(id);
            }

            if (!_inFlight.TryGetValue(id, out var fetch))
            {
                fetch = FetchAndRememberAsync(id);
                if (!fetch.IsCompleted)
                {
                    _inFlight[id] = fetch;
                }
            }

            return (null, fetch);
        }
    }

    /// <summary>The request goes on and records what it finds; until then this id waits out the period, not the timeout.</summary>
    private SchemaLookup TimedOut(int id)
    {
        var lookup = SchemaLookup.Unavailable($"The schema registry at {_where} did not answer within {_options.TimeoutMs} ms (schema id {id}).");
        Remember(id, lookup, fromFetch: false);
        return lookup;
    }

    private async Task<SchemaLookup> FetchAndRememberAsync(int id)
    {
        SchemaLookup lookup;
        try
        {
            lookup = SchemaLookup.Found(await FetchAsync(id).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            lookup = Classify(id, e);
        }

        Remember(id, lookup, fromFetch: true);
        return lookup;
    }

    private async Task<RegisteredSchema> FetchAsync(int id)
    {
        var schema = await _client.GetSchemaAsync(id).ConfigureAwait(false);
        var references = new List<SchemaReferenceText>();
        await ResolveReferencesAsync(schema.References, references, new HashSet<string>(StringComparer.Ordinal), 0).ConfigureAwait(false);

        using var timeout = new CancellationTokenSource(_timeout, _time);
        var places = await _http.FindPlacesAsync(id, timeout.Token).ConfigureAwait(false);
        var place = places.Count > 0 ? places[0] : null;
        return new RegisteredSchema
        {
            Id = id,
            Format = FormatOf(schema.SchemaType),
            Text = schema.SchemaString,
            Subject = place?.Subject,
            Version = place?.Version,
            References = references,
            Places = places,
        };
    }

    /// <summary>Depth first, so a reference's own imports come before it; each import name once.</summary>
    private async Task ResolveReferencesAsync(List<SchemaReference>? references, List<SchemaReferenceText> into, HashSet<string> seen, int depth)
    {
        if (references is null || references.Count == 0)
        {
            return;
        }

        if (depth >= MaxReferenceDepth)
        {
            throw new InvalidDataException($"Schema references nest deeper than {MaxReferenceDepth} levels.");
        }

        foreach (var reference in references)
        {
            if (!seen.Add(reference.Name))
            {
                continue;
            }

            var referenced = await _client.GetRegisteredSchemaAsync(reference.Subject, reference.Version, false).ConfigureAwait(false);
            await ResolveReferencesAsync(referenced.References, into, seen, depth + 1).ConfigureAwait(false);
            into.Add(new SchemaReferenceText(reference.Name, referenced.SchemaString));
        }
    }

    private SchemaLookup Classify(int id, Exception e) => e switch
    {
        SchemaRegistryException { ErrorCode: 40403 } or SchemaRegistryException { Status: System.Net.HttpStatusCode.NotFound } =>
            SchemaLookup.Unknown($"The schema registry at {_where} has no schema with id {id} (or one of its references): {e.Message}"),
        SchemaRegistryException registry =>
            SchemaLookup.Unavailable($"The schema registry at {_where} answered {(int)registry.Status} for schema id {id}: {e.Message}"),
        OperationCanceledException or TimeoutException =>
            SchemaLookup.Unavailable($"The schema registry at {_where} did not answer within {_options.TimeoutMs} ms (schema id {id})."),
        HttpRequestException =>
            SchemaLookup.Unavailable($"The schema registry at {_where} could not be reached for schema id {id}: {e.Message}"),
        _ => SchemaLookup.Unavailable($"Looking up schema id {id} at {_where} failed: {e.Message}"),
    };

    private void Remember(int id, SchemaLookup lookup, bool fromFetch)
    {
        var now = _time.GetUtcNow();
        bool logUnavailable = false, logRecovered = false, logUnknown = false;
        lock (_gate)
        {
            if (fromFetch)
            {
                _inFlight.Remove(id);
            }

            if (lookup.Schema is not null)
            {
                if (_found.Count >= Math.Max(1, _options.MaxCachedSchemas))
                {
                    // Beyond the bound, forget one at random: a schema forgotten is only fetched again.
                    _found.TryRemove(_found.Keys.First(), out _);
                }

                _found[id] = lookup;
                _failed.Remove(id);
                logRecovered = _unavailable;
                _unavailable = false;
            }
            else if (!_failed.ContainsKey(id) || fromFetch)
            {
                _failed[id] = (lookup, now + _retryAfter);
                if (lookup.Status == DecodeStatus.SchemaUnavailable)
                {
                    _unavailable = true;
                    logUnavailable = now >= _unavailableLoggedUntil;
                    if (logUnavailable)
                    {
                        _unavailableLoggedUntil = now + _retryAfter;
                    }
                }
                else
                {
                    logUnknown = true;
                }
            }
        }

        if (logUnavailable)
        {
            LogUnavailable(_logger, lookup.Reason, _options.RetryAfterSeconds);
        }
        else if (logUnknown)
        {
            LogUnknown(_logger, id, lookup.Reason, _options.RetryAfterSeconds);
        }
        else if (logRecovered)
        {
            LogRecovered(_logger, _where);
        }
    }

    private static SchemaFormat FormatOf(SchemaType type) => type switch
    {
        SchemaType.Protobuf => SchemaFormat.Protobuf,
        SchemaType.Json => SchemaFormat.Json,
        _ => SchemaFormat.Avro,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason} Events framed with such ids are indexed undecoded (status SchemaUnavailable) and decoded when read later; asking again after {RetryAfterSeconds} s")]
    private static partial void LogUnavailable(ILogger logger, string? reason, int retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schema id {SchemaId} is unknown: {Reason} Asking again after {RetryAfterSeconds} s")]
    private static partial void LogUnknown(ILogger logger, int schemaId, string? reason, int retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The schema registry at {Url} answers again")]
    private static partial void LogRecovered(ILogger logger, string url);
}
