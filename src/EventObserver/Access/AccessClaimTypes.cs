namespace EventObserver.Access;

/// <summary>
/// The claims access control reads. Roles are standard role claims (<see cref="System.Security.Claims.ClaimTypes.Role"/>);
/// groups, wherever they come from (an identity provider's group or role claim, a local user, an API key), are
/// normalised into <see cref="Group"/> claims at sign-in so topic rules and role mapping read one claim type.
/// </summary>
public static class AccessClaimTypes
{
    public const string Group = "eventobserver:group";

    /// <summary>"cookie", "oidc", "apikey": how the user signed in (shown in the UI, written to the audit log).</summary>
    public const string Method = "eventobserver:method";
}
