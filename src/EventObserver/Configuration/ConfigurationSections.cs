namespace EventObserver.Configuration;

/// <summary>Where each options class lives in configuration; validators use these to name a bad setting.</summary>
public static class ConfigurationSections
{
    public const string Root = "EventObserver";
    public const string Storage = Root + ":Storage";
    public const string Kafka = Root + ":Kafka";
    public const string Demo = Root + ":Demo";
    public const string Lineage = Root + ":Lineage";
    public const string Decoding = Root + ":Decoding";
    public const string Groups = Root + ":Groups";
    public const string Monitoring = Root + ":Monitoring";
}
