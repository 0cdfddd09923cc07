using System.Buffers.Text;

using EventObserver.Access.Options;

using Microsoft.Extensions.Options;

namespace EventObserver.Access.Authentication;

/// <summary>
/// Checks <c>EventObserver:Auth</c> at start-up (sign-in, users, API keys, role names); each message names the setting
/// and says how to fix it. Topic rules are checked by the topic access part.
/// </summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    private const string S = AuthOptions.Section;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckMode(options, failures);
        CheckUsers(options.Users, failures);
        CheckApiKeys(options.ApiKeys, failures);
        CheckRoleMapping(options.Roles, failures);
        if (options.Lockout.MaxFailedAttempts < 1)
        {
            failures.Add($"{S}:Lockout:MaxFailedAttempts must be at least 1 (it is {options.Lockout.MaxFailedAttempts}).");
        }

        if (options.Lockout.Duration <= TimeSpan.Zero)
        {
            failures.Add($"{S}:Lockout:Duration must be positive, e.g. 00:05:00 (it is {options.Lockout.Duration}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The role of that name (any case), or null when there is none.</summary>
    public static string? KnownRole(string? role) =>
        AccessRoles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>True for an ASP.NET Core Identity password hash (format marker 0x00 or 0x01, as <c>hash-password</c> prints).</summary>
    public static bool IsPasswordHash(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash) || !Base64.IsValid(hash.AsSpan(), out var length) || length < 17)
        {
            return false;
        }

        var bytes = Convert.FromBase64String(hash);
        return bytes[0] is 0x00 or 0x01;
    }

    private static void CheckMode(AuthOptions options, List<string> failures)
    {
        switch (options.Mode)
        {
            case AuthMode.Local when options.Users.Count == 0:
                failures.Add($"{S}:Mode is Local but {S}:Users has no user: add at least one (Name, PasswordHash from "
                    + "'dotnet run --project src/EventObserver -- hash-password', Roles).");
                break;
            case AuthMode.Oidc:
                if (string.IsNullOrWhiteSpace(options.Oidc.Authority))
                {
                    failures.Add($"{S}:Oidc:Authority is required when {S}:Mode is Oidc (the provider's issuer URL, e.g. https://keycloak.example.com/realms/shop).");
                }
                else if (!Uri.TryCreate(options.Oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
                {
                    failures.Add($"{S}:Oidc:Authority must be an absolute http(s) URL; '{options.Oidc.Authority}' is not.");
                }
                else if (authority.Scheme == "http" && options.Oidc.RequireHttpsMetadata)
                {
                    failures.Add($"{S}:Oidc:Authority must use https; set {S}:Oidc:RequireHttpsMetadata=false only for a provider on plain HTTP in development.");
                }

                if (string.IsNullOrWhiteSpace(options.Oidc.ClientId))
                {
                    failures.Add($"{S}:Oidc:ClientId is required when {S}:Mode is Oidc (the client registered for EventObserver at the provider).");
                }

                break;
        }
    }

    private static void CheckUsers(List<LocalUserOptions> users, List<string> failures)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            var at = $"{S}:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                failures.Add($"{at}:Name is required.");
            }
            else if (!names.Add(user.Name.Trim()))
            {
                failures.Add($"{at}:Name '{user.Name}' is used by another user (names ignore case).");
            }

            if (!IsPasswordHash(user.PasswordHash))
            {
                failures.Add($"{at}:PasswordHash is not a password hash: make one with 'dotnet run --project src/EventObserver -- hash-password'.");
            }

            CheckRoles($"{at}:Roles", user.Roles, failures);
        }
    }

    private static void CheckApiKeys(List<ApiKeyOptions> keys, List<string> failures)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var at = $"{S}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"{at}:Name is required (it is who the audit log and the UI name).");
            }
            else if (!names.Add(key.Name.Trim()))
            {
                failures.Add($"{at}:Name '{key.Name}' is used by another key (names ignore case).");
            }

            var hash = key.Sha256?.Trim() ?? "";
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            {
                failures.Add($"{at}:Sha256 must be the 64 hex characters of the key's SHA-256 (printf %s \"$KEY\" | sha256sum); "
                    + $"it has {hash.Length} characters{(hash.All(char.IsAsciiHexDigit) ? "" : ", not all of them hex")}.");
            }
            else if (!hashes.Add(hash))
            {
                failures.Add($"{at}:Sha256 is the same as another key's: each client needs its own key.");
            }

            CheckRoles($"{at}:Roles", key.Roles, failures);
        }
    }

    private static void CheckRoleMapping(Dictionary<string, List<string>> roles, List<string> failures)
    {
        foreach (var (role, groups) in roles)
        {
            if (KnownRole(role) is null)
            {
                failures.Add($"{S}:Roles:{role} is not a role; roles are {string.Join(", ", AccessRoles.All)}.");
            }
            else if (groups.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{S}:Roles:{role} lists an empty group name.");
            }
        }
    }

    private static void CheckRoles(string at, List<string> roles, List<string> failures)
    {
        foreach (var role in roles.Where(r => KnownRole(r) is null))
        {
            failures.Add($"{at}: '{role}' is not a role; roles are {string.Join(", ", AccessRoles.All)}.");
        }
    }
}
