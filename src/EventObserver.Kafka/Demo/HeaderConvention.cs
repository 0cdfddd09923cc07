namespace EventObserver.Kafka.Demo;

/// <summary>How a demo service labels its messages; each service uses a different one, as in real estates.</summary>
internal enum HeaderConvention
{
    CloudEventsBinary,
    CloudEventsStructured,
    PlainHeaders,
    TraceParentOnly,
    NServiceBus,
}
