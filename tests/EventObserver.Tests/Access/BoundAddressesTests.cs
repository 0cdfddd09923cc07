using EventObserver.Access.Authentication;

using Microsoft.Extensions.Configuration;

namespace EventObserver.Tests.Access;

public sealed class BoundAddressesTests
{
    [Theory]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://127.0.0.2:8080", true)]
    [InlineData("https://[::1]:5001", true)]
    [InlineData("http://unix:/tmp/eo.sock", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://[::]:5000", false)]
    [InlineData("http://192.168.1.10:5000", false)]
    [InlineData("http://eventobserver.internal:5000", false)]
    public void IsLoopback_Address_IsOnlyTrueForThisMachine(string url, bool loopback) =>
        Assert.Equal(loopback, BoundAddresses.IsLoopback(url));

    [Fact]
    public void Configured_Nothing_IsKestrelsLocalhostDefault() =>
        Assert.Equal([BoundAddresses.KestrelDefault], BoundAddresses.Configured(Config()));

    [Fact]
    public void Configured_UrlsAndPorts_UrlsWin()
    {
        var configured = BoundAddresses.Configured(Config(("urls", "http://localhost:5000; http://0.0.0.0:5001"), ("http_ports", "8080")));

        Assert.Equal(["http://localhost:5000", "http://0.0.0.0:5001"], configured);
    }

    [Fact]
    public void Configured_PortsOnly_BindEveryInterface() =>
        Assert.Equal(["http://*:8080"], BoundAddresses.Configured(Config(("http_ports", "8080"))));

    [Fact]
    public void Configured_KestrelEndpoints_WinOverUrls()
    {
        var configured = BoundAddresses.Configured(Config(("urls", "http://0.0.0.0:5000"), ("Kestrel:Endpoints:Web:Url", "http://127.0.0.1:5000")));

        Assert.Equal(["http://127.0.0.1:5000"], configured);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
