using System.Security.Claims;

namespace EventObserver.Access.Authentication;

/// <summary>The answer to one local sign-in: the principal to put in the session, or the message to show.</summary>
public sealed record LocalSignInResult(ClaimsPrincipal? Principal, string? Message, string AuditDetail)
{
    public bool Succeeded => Principal is not null;
}
