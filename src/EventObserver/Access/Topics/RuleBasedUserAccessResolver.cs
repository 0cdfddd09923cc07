using System.Security.Claims;

using EventObserver.Access.Options;
using EventObserver.Core.Access;

using Microsoft.Extensions.Options;

namespace EventObserver.Access.Topics;

/// <summary>
/// A principal's roles (its <see cref="ClaimTypes.Role"/> claims, which the claims transformation adds from direct roles
/// and <c>Auth:Roles</c>), its groups (<see cref="AccessClaimTypes.Group"/>) and, from those, its topics under
/// <c>Auth:TopicAccess</c>. Without a sign-in, Mode None's user holds Viewer to Admin (today's behaviour on loopback);
/// in the other modes it holds nothing and reads nothing. Raw values only for a signed-in Unmask or Admin.
/// </summary>
public sealed class RuleBasedUserAccessResolver(IOptions<AuthOptions> options, TopicAccessRules rules) : IUserAccessResolver
{
    public const string AnonymousName = "anonymous";

    private static readonly string[] AnonymousRoles = [AccessRoles.Viewer, AccessRoles.Operator, AccessRoles.Publisher, AccessRoles.Admin];

    private readonly AuthMode _mode = options.Value.Mode;

    public UserAccess Resolve(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return _mode == AuthMode.None
                ? new UserAccess(AnonymousName, isAuthenticated: false, AnonymousRoles, AllTopics.Instance, seesRawValues: false)
                : new UserAccess(AnonymousName, isAuthenticated: false, [], NoTopics.Instance, seesRawValues: false);
        }

        var name = identity.Name ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unnamed";
        var held = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();

        // UserAccess expands implied roles; the rules match on the expanded set (a Viewer rule applies to an Operator too).
        var expanded = new HashSet<string>(held.SelectMany(AccessRoles.Implied), StringComparer.Ordinal);
        var groups = new HashSet<string>(user.FindAll(AccessClaimTypes.Group).Select(c => c.Value), StringComparer.Ordinal);
        var seesRaw = expanded.Contains(AccessRoles.Unmask) || expanded.Contains(AccessRoles.Admin);
        return new UserAccess(name, isAuthenticated: true, held, rules.For(expanded, groups), seesRaw);
    }
}
