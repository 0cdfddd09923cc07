namespace EventObserver.Core.Decoding.Schemas;

/// <summary>Thrown by the format decoders when bytes or schema do not allow a JSON view; carries the status to record.</summary>
public sealed class PayloadDecodeException : Exception
{
    public PayloadDecodeException(DecodeStatus status, string message, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
    }

    public DecodeStatus Status { get; }
}
