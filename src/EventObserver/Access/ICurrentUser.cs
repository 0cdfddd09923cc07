namespace EventObserver.Access;

/// <summary>
/// The user of the current request, circuit or hub call (a scoped service). Pages and endpoints read
/// <see cref="Access"/> and pass it to their feature's query service.
/// </summary>
public interface ICurrentUser
{
    UserAccess Access { get; }
}
