using EventObserver.Core.Decoding;
using EventObserver.Core.Lineage;
using EventObserver.Tests.Infrastructure;

namespace EventObserver.Tests.Lineage;

/// <summary>The app with every family's records decoded by the real <see cref="EnvelopeDecoder"/> and indexed.</summary>
public sealed class ConventionFamiliesFixture : IDisposable
{
    public ConventionFamiliesFixture()
    {
        var decoder = new EnvelopeDecoder(new LineageOptions());
        Factory.Seed([.. ConventionFamilies.Names.SelectMany(ConventionFamilies.Records).Select(decoder.Decode)]);
        Client = Factory.CreateClient();
    }

    public SeededAppFactory Factory { get; } = new();

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
