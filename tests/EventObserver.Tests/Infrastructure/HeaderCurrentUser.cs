using EventObserver.Access;

using Microsoft.AspNetCore.Http;

namespace EventObserver.Tests.Infrastructure;

/// <summary>
/// Stands in for sign-in in a test host: the request header <see cref="Header"/> names one of the given users; without
/// it (or with an unknown name) the caller is <see cref="UserAccess.System"/>. One host then serves an unrestricted and a
/// restricted caller, so their answers can be compared.
/// </summary>
public sealed class HeaderCurrentUser(IHttpContextAccessor http, IReadOnlyDictionary<string, UserAccess> users) : ICurrentUser
{
    public const string Header = "X-Test-User";

    public UserAccess Access =>
        http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } name && users.TryGetValue(name, out var access)
            ? access
            : UserAccess.System;
}
