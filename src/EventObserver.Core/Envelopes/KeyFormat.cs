namespace EventObserver.Core.Envelopes;

public enum KeyFormat
{
    None = 0,
    Text = 1,
    Hex = 2,
}
