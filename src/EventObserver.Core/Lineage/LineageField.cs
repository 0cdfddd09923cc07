namespace EventObserver.Core.Lineage;

/// <summary>The envelope fields a user mapping can fill.</summary>
public enum LineageField
{
    MessageId,
    MessageType,
    Kind,
    CorrelationId,
    CausationId,
    Source,
    Subject,
}
