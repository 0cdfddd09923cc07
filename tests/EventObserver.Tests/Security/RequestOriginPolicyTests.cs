using EventObserver.Configuration;
using EventObserver.Security;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace EventObserver.Tests.Security;

public sealed class RequestOriginPolicyTests
{
    private static readonly RequestOriginPolicy Policy = new(Options.Create(new SecurityOptions
    {
        AllowedOrigins = ["https://Proxy.Example", "http://localhost:3000/"],
    }));

    [Theory]
    [InlineData("localhost:5177", "http://localhost:5177", null)]
    [InlineData("LOCALHOST:5177", "http://localhost:5177", null)]
    [InlineData("localhost", "http://localhost", null)]
    [InlineData("localhost:80", "http://localhost", null)]
    [InlineData("observer.example", "https://observer.example", null)]
    [InlineData("[::1]:5177", "http://[::1]:5177", null)]
    [InlineData("127.0.0.1:5177", null, null)]
    [InlineData("127.0.0.1:5177", null, "same-origin")]
    [InlineData("127.0.0.1:5177", null, "none")]
    [InlineData("127.0.0.1:5177", "https://proxy.example", "cross-site")]
    [InlineData("127.0.0.1:5177", "http://localhost:3000", null)]
    public void Refusal_OwnOriginAllowedOriginOrNoBrowser_IsNone(string host, string? origin, string? site)
    {
        Assert.Null(Policy.Refusal(Request(host, origin, site)));
    }

    [Theory]
    [InlineData("localhost:5177", "http://localhost:5178", null)]
    [InlineData("localhost:5177", "http://127.0.0.1:5177", null)]
    [InlineData("localhost", "https://localhost:8443", null)]
    [InlineData("observer.example:8080", "https://observer.example", null)]
    [InlineData("localhost:5177", "null", null)]
    [InlineData("localhost:5177", "http://localhost:5177/path", null)]
    [InlineData("localhost:5177", "file://", null)]
    [InlineData("localhost:5177", "http://localhost:3001", null)]
    [InlineData("localhost:5177", "http://proxy.example", null)]
    [InlineData("localhost:5177", null, "same-site")]
    [InlineData("localhost:5177", null, "cross-site")]
    public void Refusal_AnotherOriginOrSite_SaysWhy(string host, string? origin, string? site)
    {
        var refusal = Policy.Refusal(Request(host, origin, site));

        Assert.NotNull(refusal);
        Assert.Contains("EventObserver:Security:AllowedOrigins", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_TwoOriginHeaders_IsRefused()
    {
        var request = Request("localhost:5177", "http://localhost:5177", null);
        request.Headers.Append("Origin", "http://evil.example");

        Assert.NotNull(Policy.Refusal(request));
    }

    [Theory]
    [InlineData("https://observer.example", true)]
    [InlineData("http://localhost:5177/", true)]
    [InlineData("*", false)]
    [InlineData("null", false)]
    [InlineData("observer.example", false)]
    [InlineData("https://observer.example/app", false)]
    [InlineData("https://user@observer.example", false)]
    [InlineData("ftp://observer.example", false)]
    [InlineData("", false)]
    public void Validator_AllowedOrigin_AcceptsOnlyOrigins(string origin, bool valid)
    {
        var result = new SecurityOptionsValidator().Validate(null, new SecurityOptions { AllowedOrigins = [origin] });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("EventObserver:Security:AllowedOrigins:0", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    private static HttpRequest Request(string host, string? origin, string? site)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = HttpMethods.Post;
        request.Host = new HostString(host);
        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }

        if (site is not null)
        {
            request.Headers["Sec-Fetch-Site"] = site;
        }

        return request;
    }
}
