namespace EventObserver.Core.Envelopes;

public enum PayloadFormat
{
    Empty = 0,
    Json = 1,
    Text = 2,
    Binary = 3,
    Tombstone = 4,
}
