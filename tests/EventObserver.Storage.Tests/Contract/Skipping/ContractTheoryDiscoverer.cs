using Xunit.Abstractions;
using Xunit.Sdk;

namespace EventObserver.Storage.Tests.Contract.Skipping;

/// <summary>
/// Discovers <see cref="ContractTheoryAttribute"/> tests: as theories, or as one skipped case when the engine is
/// unavailable (its data is then never enumerated: member data may need the engine).
/// </summary>
public sealed class ContractTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        return EngineSkip.ReasonFor(testMethod) is { } reason
            ? [new EngineSkippedTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
    }
}
