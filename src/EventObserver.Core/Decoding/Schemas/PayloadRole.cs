namespace EventObserver.Core.Decoding.Schemas;

/// <summary>Which part of a record is being decoded (Schema Registry subjects and local bindings differ for each).</summary>
public enum PayloadRole
{
    Value = 0,
    Key = 1,
}
