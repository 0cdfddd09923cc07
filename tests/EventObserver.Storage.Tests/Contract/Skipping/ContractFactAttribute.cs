using Xunit.Sdk;

namespace EventObserver.Storage.Tests.Contract.Skipping;

/// <summary>
/// A fact of the index contract suite: skipped, with the reason, when the test class's
/// <c>EngineSkipReason</c> (see <see cref="EngineSkip"/>) is not null.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("EventObserver.Storage.Tests.Contract.Skipping.ContractFactDiscoverer", "EventObserver.Storage.Tests")]
public sealed class ContractFactAttribute : FactAttribute;
