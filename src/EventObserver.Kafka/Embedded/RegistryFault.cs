namespace EventObserver.Kafka.Embedded;

/// <summary>How the embedded schema registry misbehaves, for tests of a registry that is down or slow.</summary>
public enum RegistryFault
{
    None = 0,

    /// <summary>Every request is answered 500 with the registry's error body.</summary>
    ServerError = 1,

    /// <summary>Every request is held until <see cref="EmbeddedSchemaRegistry.StallFor"/> passes or the server stops.</summary>
    Stall = 2,
}
