namespace EventObserver.Access;

/// <summary>
/// Authorization policy names. Every endpoint, hub and page names one of these (or allows anonymous access
/// explicitly); <c>EndpointAuthorizationMatrixTests</c> fails for one that does not.
/// </summary>
public static class AccessPolicies
{
    public const string Viewer = AccessRoles.Viewer;
    public const string Operator = AccessRoles.Operator;
    public const string Publisher = AccessRoles.Publisher;
    public const string Admin = AccessRoles.Admin;
}
