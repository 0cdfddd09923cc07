namespace EventObserver.Core.Masking;

/// <summary>Which part of an event a <see cref="MaskedField"/> names.</summary>
public enum MaskedFieldKind
{
    /// <summary>Values of the JSON payload selected by a JSON path rule.</summary>
    JsonPath,

    /// <summary>A header (every occurrence of its name).</summary>
    Header,

    /// <summary>Text matched by a pattern rule in a text payload or in string values of a JSON payload.</summary>
    Pattern,
}
