namespace EventObserver.Core.Projections;

public enum JsonChangeKind
{
    Added = 0,
    Removed = 1,
    Changed = 2,
}
