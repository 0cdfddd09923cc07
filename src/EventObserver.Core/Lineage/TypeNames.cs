namespace EventObserver.Core.Lineage;

/// <summary>Reduces framework type names to the simple name people search for (<c>OrderPlaced</c>).</summary>
internal static class TypeNames
{
    private const string MassTransitUrnPrefix = "urn:message:";

    /// <summary>
    /// A .NET or Java class name, possibly assembly-qualified, generic, nested or a <c>;</c>-separated list
    /// (NServiceBus EnclosedMessageTypes, <c>$type</c>, Axon): the first type's simple name.
    /// </summary>
    public static string SimplifyClassName(string value)
    {
        var span = FirstOfList(value);
        var cut = span.IndexOfAny(",[`<");
        if (cut >= 0)
        {
            span = span[..cut];
        }

        var dot = span.LastIndexOfAny(".+");
        return span[(dot + 1)..].Trim().ToString();
    }

    /// <summary>MassTransit's <c>urn:message:Ns:Type</c> becomes <c>Type</c>; any other name is kept as given.</summary>
    public static string FromMessageTypeHeader(string value)
    {
        var span = FirstOfList(value);
        if (!span.StartsWith(MassTransitUrnPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var cut = span.IndexOfAny("[`");
        if (cut >= 0)
        {
            span = span[..cut];
        }

        var colon = span.LastIndexOf(':');
        var name = span[(colon + 1)..];
        var plus = name.LastIndexOf('+');
        return name[(plus + 1)..].Trim().ToString();
    }

    /// <summary>The last path segment of a transport address such as <c>rabbitmq://host/vhost/order-service</c>.</summary>
    public static string LastPathSegment(string address)
    {
        var span = address.AsSpan();
        var query = span.IndexOfAny('?', '#');
        if (query >= 0)
        {
            span = span[..query];
        }

        span = span.TrimEnd('/');
        var slash = span.LastIndexOf('/');
        return span[(slash + 1)..].ToString();
    }

    private static ReadOnlySpan<char> FirstOfList(string value)
    {
        var span = value.AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon >= 0 ? span[..semicolon] : span).Trim();
    }
}
