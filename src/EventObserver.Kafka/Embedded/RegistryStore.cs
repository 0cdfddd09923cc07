namespace EventObserver.Kafka.Embedded;

/// <summary>The embedded registry's schemas and subjects, in memory. Ids start at 1 and are never reused. Thread-safe.</summary>
internal sealed class RegistryStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredSchema> _schemas = [];
    private readonly Dictionary<string, int> _idsByFingerprint = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, List<int>> _subjects = new(StringComparer.Ordinal);

    /// <summary>Registers under a subject; the same schema again answers its existing id and version.</summary>
    public (StoredSchema Schema, int Version) Register(string subject, string text, string type, IReadOnlyList<StoredReference> references)
    {
        lock (_gate)
        {
            var candidate = new StoredSchema(0, text, type, references);
            if (!_idsByFingerprint.TryGetValue(candidate.Fingerprint, out var id))
            {
                id = _schemas.Count + 1;
                _schemas.Add(candidate with { Id = id });
                _idsByFingerprint[candidate.Fingerprint] = id;
            }

            if (!_subjects.TryGetValue(subject, out var versions))
            {
                versions = [];
                _subjects[subject] = versions;
            }

            var index = versions.IndexOf(id);
            if (index < 0)
            {
                versions.Add(id);
                index = versions.Count - 1;
            }

            return (_schemas[id - 1], index + 1);
        }
    }

    /// <summary>The version of a subject that holds this schema; null when the subject or the schema is missing.</summary>
    public (StoredSchema Schema, int Version)? Find(string subject, string text, string type, IReadOnlyList<StoredReference> references)
    {
        lock (_gate)
        {
            var fingerprint = new StoredSchema(0, text, type, references).Fingerprint;
            if (!_subjects.TryGetValue(subject, out var versions) || !_idsByFingerprint.TryGetValue(fingerprint, out var id))
            {
                return null;
            }

            var index = versions.IndexOf(id);
            return index < 0 ? null : (_schemas[id - 1], index + 1);
        }
    }

    public bool HasSubject(string subject)
    {
        lock (_gate)
        {
            return _subjects.ContainsKey(subject);
        }
    }

    public StoredSchema? Get(int id)
    {
        lock (_gate)
        {
            return id >= 1 && id <= _schemas.Count ? _schemas[id - 1] : null;
        }
    }

    /// <summary>Every subject and version that holds the schema id.</summary>
    public IReadOnlyList<(string Subject, int Version)> PlacesOf(int id)
    {
        lock (_gate)
        {
            return _subjects
                .SelectMany(s => s.Value.Select((held, index) => (Held: held, Place: (s.Key, index + 1))))
                .Where(x => x.Held == id)
                .Select(x => x.Place)
                .ToList();
        }
    }

    public IReadOnlyList<string> Subjects()
    {
        lock (_gate)
        {
            return _subjects.Keys.ToList();
        }
    }

    /// <summary>The versions of a subject (1, 2, …), or null when there is no such subject.</summary>
    public IReadOnlyList<int>? Versions(string subject)
    {
        lock (_gate)
        {
            return _subjects.TryGetValue(subject, out var versions) ? Enumerable.Range(1, versions.Count).ToList() : null;
        }
    }

    /// <summary>A version of a subject (-1 = latest), or null.</summary>
    public StoredSchema? GetVersion(string subject, int version)
    {
        lock (_gate)
        {
            if (!_subjects.TryGetValue(subject, out var versions) || versions.Count == 0)
            {
                return null;
            }

            var index = version == -1 ? versions.Count - 1 : version - 1;
            return index >= 0 && index < versions.Count ? _schemas[versions[index] - 1] : null;
        }
    }
}
