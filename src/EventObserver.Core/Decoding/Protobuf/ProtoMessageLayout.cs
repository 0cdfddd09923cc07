namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>A compiled message: its fields in declaration order and a lookup by field number.</summary>
internal sealed class ProtoMessageLayout
{
    private const int DenseLimit = 128;

    private ProtoFieldLayout?[] _dense = [];
    private Dictionary<int, ProtoFieldLayout> _sparse = [];

    public ProtoMessageLayout(string fullName, bool isMapEntry)
    {
        FullName = fullName;
        IsMapEntry = isMapEntry;
        WellKnown = WellKnownOf(fullName);
    }

    public string FullName { get; }
    public bool IsMapEntry { get; }
    public ProtoWellKnown WellKnown { get; }
    public ProtoFieldLayout[] Fields { get; private set; } = [];
    public int OneofCount { get; private set; }

    public void SetFields(ProtoFieldLayout[] fields, int oneofCount)
    {
        Fields = fields;
        OneofCount = oneofCount;
        var max = fields.Length == 0 ? 0 : fields.Max(f => f.Number);
        _dense = new ProtoFieldLayout?[Math.Min(max, DenseLimit - 1) + 1];
        foreach (var field in fields)
        {
            if (field.Number < DenseLimit)
            {
                _dense[field.Number] = field;
            }
            else
            {
                _sparse[field.Number] = field;
            }
        }
    }

    public ProtoFieldLayout? Find(int number)
    {
        if ((uint)number < (uint)_dense.Length)
        {
            return _dense[number];
        }

        return _sparse.GetValueOrDefault(number);
    }

    private static ProtoWellKnown WellKnownOf(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" => ProtoWellKnown.Timestamp,
        "google.protobuf.Duration" => ProtoWellKnown.Duration,
        "google.protobuf.DoubleValue" or "google.protobuf.FloatValue" or "google.protobuf.Int64Value"
            or "google.protobuf.UInt64Value" or "google.protobuf.Int32Value" or "google.protobuf.UInt32Value"
            or "google.protobuf.BoolValue" or "google.protobuf.StringValue" or "google.protobuf.BytesValue" => ProtoWellKnown.Wrapper,
        "google.protobuf.Struct" => ProtoWellKnown.Struct,
        "google.protobuf.Value" => ProtoWellKnown.Value,
        "google.protobuf.ListValue" => ProtoWellKnown.ListValue,
        "google.protobuf.Any" => ProtoWellKnown.Any,
        "google.protobuf.FieldMask" => ProtoWellKnown.FieldMask,
        _ => ProtoWellKnown.None,
    };
}
