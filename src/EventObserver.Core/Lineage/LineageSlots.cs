namespace EventObserver.Core.Lineage;

/// <summary>Maps the public <see cref="LineageField"/> of a user mapping to the decoder's slot.</summary>
internal static class LineageSlots
{
    public const int Count = (int)LineageSlot.DeadLetterError + 1;

    public static LineageSlot? For(LineageField field) => field switch
    {
        LineageField.MessageId => LineageSlot.MessageId,
        LineageField.MessageType => LineageSlot.MessageType,
        LineageField.Kind => LineageSlot.KindHint,
        LineageField.CorrelationId => LineageSlot.CorrelationId,
        LineageField.CausationId => LineageSlot.CausationId,
        LineageField.Source => LineageSlot.Source,
        LineageField.Subject => LineageSlot.Subject,
        _ => null,
    };
}
