namespace EventObserver.Core.Decoding.Schemas;

/// <summary>
/// Which of a schema id's subjects a record was written under. A registry gives the same schema one id in every subject
/// that holds it, so its first answer may name another topic's subject; Confluent's naming strategies say which one
/// is this record's: <c>topic-value</c>/<c>topic-key</c> (TopicNameStrategy), <c>topic-Full.Name</c>
/// (TopicRecordNameStrategy), <c>Full.Name</c> (RecordNameStrategy). When none matches, the registry's first stays.
/// </summary>
internal static class SubjectChoice
{
    public static DecodedPayload ForRecord(DecodedPayload decoded, RegisteredSchema schema, string topic, PayloadRole role)
    {
        if (schema.Places.Count < 2)
        {
            return decoded;
        }

        var decoding = decoded.Decoding;
        var type = decoding.TypeName;
        var place = Latest(schema.Places, $"{topic}-{(role == PayloadRole.Key ? "key" : "value")}")
            ?? (type is null ? null : Latest(schema.Places, $"{topic}-{type}") ?? Latest(schema.Places, type));
        return place is null || (place.Subject == decoding.Subject && place.Version == decoding.Version)
            ? decoded
            : decoded with { Decoding = decoding with { Subject = place.Subject, Version = place.Version } };
    }

    private static SchemaPlace? Latest(IReadOnlyList<SchemaPlace> places, string subject)
    {
        SchemaPlace? latest = null;
        foreach (var place in places)
        {
            if (string.Equals(place.Subject, subject, StringComparison.Ordinal) && (latest is null || place.Version > latest.Version))
            {
                latest = place;
            }
        }

        return latest;
    }
}
