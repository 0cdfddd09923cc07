namespace EventObserver.Core.Lineage;

/// <summary>How a header value is turned into a lineage value.</summary>
internal enum HeaderValueKind
{
    /// <summary>UTF-8 text, trimmed; lower-case hex when the bytes are not text (binary ids stay comparable).</summary>
    Text,

    /// <summary>Text, kept only when it is text (no hex fallback).</summary>
    TextOnly,

    /// <summary>A type name that may be a MassTransit <c>urn:message:Ns:Type</c>.</summary>
    MessageTypeName,

    /// <summary>A .NET or Java class name, possibly assembly-qualified or a list: reduced to the simple name.</summary>
    ClassName,

    /// <summary>A transport address: its last path segment.</summary>
    Address,

    /// <summary>A W3C traceparent: its trace id.</summary>
    TraceParent,

    /// <summary>A number written as text or as a big-endian 4/8-byte integer (Spring DLT).</summary>
    Number,
}
