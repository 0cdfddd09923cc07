namespace EventObserver.TestSupport.Oidc;

/// <summary>
/// A user of <see cref="TestIdentityProvider"/>: signs in with <see cref="Name"/> and <see cref="Password"/> on its
/// login form; the id token carries <c>preferred_username</c> = <see cref="Name"/>, <c>name</c> =
/// <see cref="DisplayName"/> and a <c>groups</c> claim with <see cref="Groups"/>.
/// </summary>
public sealed record TestIdentityUser(string Name, string Password, string DisplayName, IReadOnlyList<string> Groups);
