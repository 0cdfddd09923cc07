namespace EventObserver.Core.Envelopes;

public enum TimestampKind
{
    NotAvailable = 0,
    CreateTime = 1,
    LogAppendTime = 2,
}
