using System.Text.Json;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>An enum's value names by number, JSON-encoded once.</summary>
internal sealed class ProtoEnumLayout
{
    private readonly Dictionary<int, JsonEncodedText> _names = [];

    public ProtoEnumLayout(string fullName)
    {
        FullName = fullName;
        IsNullValue = fullName == "google.protobuf.NullValue";
    }

    public string FullName { get; }

    /// <summary>google.protobuf.NullValue is JSON's null whatever its number.</summary>
    public bool IsNullValue { get; }

    /// <summary>With allow_alias several names share a number; the first declared is the one shown, as protoc does.</summary>
    public void Add(int number, string name) => _names.TryAdd(number, JsonEncodedText.Encode(name));

    public bool TryGetName(int number, out JsonEncodedText name) => _names.TryGetValue(number, out name);
}
