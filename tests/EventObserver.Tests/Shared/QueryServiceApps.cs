using EventObserver.Shared;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventObserver.Tests.Shared;

/// <summary>Two apps for <see cref="QueryServiceAnswersTests"/>: one that has opened no index, one whose query services meet a broken index.</summary>
public sealed class QueryServiceApps : IDisposable
{
    private readonly SeededAppFactory _withoutIndex = new();
    private readonly SeededAppFactory _withBrokenIndex = new(builder => builder.ConfigureTestServices(services =>
        services.AddSingleton(sp => new IndexReads(new BrokenIndex(), sp.GetRequiredService<ILogger<IndexReads>>()))));

    public QueryServiceApps()
    {
        WithoutIndex = _withoutIndex.CreateClient();
        WithBrokenIndex = _withBrokenIndex.CreateClient();
    }

    public HttpClient WithoutIndex { get; }

    public HttpClient WithBrokenIndex { get; }

    public void Dispose()
    {
        _withoutIndex.Dispose();
        _withBrokenIndex.Dispose();
    }
}
