namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>The google.protobuf types whose canonical JSON is not a plain object of their fields.</summary>
internal enum ProtoWellKnown
{
    None = 0,
    Timestamp,
    Duration,

    /// <summary>DoubleValue, StringValue, ...: the JSON of their single field <c>value</c>.</summary>
    Wrapper,
    Struct,
    Value,
    ListValue,
    Any,
    FieldMask,
}
