namespace EventObserver.Access.Authentication.Oidc;

/// <summary>Source-generated log messages of the OpenID Connect sign-in.</summary>
internal static partial class OidcSignInLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing in with the OpenID Connect provider failed: {Reason}")]
    public static partial void SignInFailed(ILogger logger, string reason, Exception? exception);
}
