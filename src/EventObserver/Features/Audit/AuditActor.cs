using EventObserver.Access;

namespace EventObserver.Features.Audit;

/// <summary>Who does something the audit log records: the user's name and, for a request, the client's address.</summary>
public sealed record AuditActor(string Name, string? RemoteAddress = null)
{
    /// <summary>Work nobody asked for by name (tests, tools).</summary>
    public static AuditActor System { get; } = new(UserAccess.System.Name);

    /// <summary>The user of a page (a circuit has no reliable client address).</summary>
    public static AuditActor Of(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new AuditActor(access.Name);
    }

    /// <summary>The user of an API request, with the request's client address.</summary>
    public static AuditActor Of(UserAccess access, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(http);
        return new AuditActor(access.Name, http.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>An entry by this actor; its time is set by the log.</summary>
    public AuditEntry Entry(AuditAction action, string? target, string? detail, bool succeeded = true) => new()
    {
        Action = action,
        Actor = Name,
        Target = target,
        Detail = detail,
        Succeeded = succeeded,
        RemoteAddress = RemoteAddress,
    };
}
