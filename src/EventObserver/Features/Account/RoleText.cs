using System.Reflection;

using EventObserver.Access;

using Microsoft.AspNetCore.Authorization;

namespace EventObserver.Features.Account;

/// <summary>How roles read in the UI.</summary>
public static class RoleText
{
    /// <summary>The highest of Viewer, Operator, Publisher, Admin the user holds, or null when none.</summary>
    public static string? Highest(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return ((string[])[AccessRoles.Admin, AccessRoles.Publisher, AccessRoles.Operator, AccessRoles.Viewer]).FirstOrDefault(access.IsInRole);
    }

    /// <summary>The roles a page's <c>[Authorize(Policy = …)]</c> asks for, e.g. "Operator".</summary>
    public static string Required(Type? pageType)
    {
        var policies = pageType?.GetCustomAttributes<AuthorizeAttribute>(inherit: true)
            .Select(a => a.Policy ?? a.Roles)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList() ?? [];
        return policies.Count == 0 ? "required" : string.Join(" and ", policies);
    }
}
