using System.Net;
using System.Text.RegularExpressions;

using EventObserver.Access.Authentication;

namespace EventObserver.Tests.Access;

/// <summary>What a browser does on the sign-in page: read the form's hidden fields, post the user's name and password.</summary>
public static partial class BrowserSession
{
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password, string? returnUrl = null)
    {
        var path = AccessSchemes.SignInPath + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var page = await client.GetStringAsync(path);
        var fields = HiddenFields(page);
        fields["Input.Name"] = name;
        fields["Input.Password"] = password;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in and checks it worked (a redirect away from the sign-in page).</summary>
    public static async Task SignInOrFailAsync(HttpClient client, string name, string password)
    {
        using var response = await SignInAsync(client, name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The antiforgery token a page rendered for the current user (the layout's sign-out form carries one).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path = "/")
    {
        var page = await client.GetStringAsync(path);
        return HiddenFields(page).TryGetValue("__RequestVerificationToken", out var token)
            ? token
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    public static Dictionary<string, string> HiddenFields(string html) =>
        Hidden().Matches(html)
            .Select(m => (Name: NameOf().Match(m.Value).Groups[1].Value, Value: ValueOf().Match(m.Value).Groups[1].Value))
            .Where(f => f.Name.Length > 0)
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Value), StringComparer.Ordinal);

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*>""")]
    private static partial Regex Hidden();

    [GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial Regex NameOf();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueOf();
}
