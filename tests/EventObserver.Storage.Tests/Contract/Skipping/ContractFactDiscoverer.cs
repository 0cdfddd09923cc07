using Xunit.Abstractions;
using Xunit.Sdk;

namespace EventObserver.Storage.Tests.Contract.Skipping;

/// <summary>Discovers <see cref="ContractFactAttribute"/> tests: as facts, or as one skipped case when the engine is unavailable.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        return EngineSkip.ReasonFor(testMethod) is { } reason
            ? [new EngineSkippedTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
