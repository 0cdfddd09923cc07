using Xunit.Abstractions;
using Xunit.Sdk;

namespace EventObserver.Storage.Tests.Contract.Skipping;

/// <summary>
/// The skip of contract tests whose engine is unavailable, checked on the discoverers themselves: a skipped test proves
/// nothing by being skipped, so these run sample classes through discovery, serialization and the xunit runner.
/// </summary>
public sealed class ContractDiscovererTests
{
    private const string Reason = "no engine on this machine (sample)";

    [Fact]
    public void DiscoverFact_ClassWithSkipReason_GivesOneCaseSkippedWithThatReason()
    {
        var method = MethodOf(typeof(UnavailableEngine), nameof(UnavailableEngine.Fact));

        var cases = new ContractFactDiscoverer(new NullMessageSink()).Discover(Options(), method, Attribute<ContractFactAttribute>(method)).ToList();

        Assert.Equal(Reason, Assert.Single(cases).SkipReason);
    }

    [Theory]
    [InlineData(typeof(AvailableEngine))]
    [InlineData(typeof(NoEngineProperty))]
    public void DiscoverFact_NullOrMissingSkipReason_GivesOneRunnableCase(Type testClass)
    {
        var method = MethodOf(testClass, "Fact");

        var cases = new ContractFactDiscoverer(new NullMessageSink()).Discover(Options(), method, Attribute<ContractFactAttribute>(method)).ToList();

        Assert.Null(Assert.Single(cases).SkipReason);
    }

    [Fact]
    public void DiscoverTheory_ClassWithSkipReason_GivesOneSkippedCaseWithoutReadingItsData()
    {
        var method = MethodOf(typeof(UnavailableEngine), nameof(UnavailableEngine.Theory));

        // The member data throws when read: discovery would report that failure instead of a skip.
        var cases = new ContractTheoryDiscoverer(new NullMessageSink()).Discover(Options(), method, Attribute<ContractTheoryAttribute>(method)).ToList();

        var skipped = Assert.Single(cases);
        Assert.Equal(Reason, skipped.SkipReason);
        Assert.Null(skipped.TestMethodArguments);
    }

    [Fact]
    public void DiscoverTheory_AvailableEngine_GivesOneRunnableCasePerDataRow()
    {
        var method = MethodOf(typeof(AvailableEngine), nameof(AvailableEngine.Theory));

        var cases = new ContractTheoryDiscoverer(new NullMessageSink()).Discover(Options(), method, Attribute<ContractTheoryAttribute>(method)).ToList();

        Assert.Equal([1, 2], cases.Select(c => (int)c.TestMethodArguments[0]));
        Assert.All(cases, c => Assert.Null(c.SkipReason));
    }

    [Fact]
    public void SkippedCase_SerializedAndReadBack_KeepsTheReason()
    {
        var method = MethodOf(typeof(UnavailableEngine), nameof(UnavailableEngine.Fact));
        var skipped = new ContractFactDiscoverer(new NullMessageSink()).Discover(Options(), method, Attribute<ContractFactAttribute>(method)).Single();

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(skipped));

        Assert.IsType<EngineSkippedTestCase>(copy);
        Assert.Equal(Reason, copy.SkipReason);
        Assert.Equal(skipped.UniqueID, copy.UniqueID);
    }

    [Fact]
    public async Task RunAsync_SkippedCase_ReportsTheSkipWithTheReasonAndNeverRunsTheTest()
    {
        var method = MethodOf(typeof(UnavailableEngine), nameof(UnavailableEngine.Fact));
        var skipped = new ContractFactDiscoverer(new NullMessageSink()).Discover(Options(), method, Attribute<ContractFactAttribute>(method)).Single();
        using var bus = new CollectingBus();
        using var cancellation = new CancellationTokenSource();

        var summary = await skipped.RunAsync(new NullMessageSink(), bus, [], new ExceptionAggregator(), cancellation);

        Assert.Equal((1, 1, 0), (summary.Total, summary.Skipped, summary.Failed));
        Assert.Equal(Reason, Assert.Single(bus.Messages.OfType<ITestSkipped>()).Reason);
        Assert.Empty(bus.Messages.OfType<ITestFailed>());
    }

    private static TestMethod MethodOf(Type type, string name)
    {
        var assembly = new TestAssembly(Reflector.Wrap(type.Assembly));
        var testClass = new TestClass(new TestCollection(assembly, null, "contract samples"), Reflector.Wrap(type));
        return new TestMethod(testClass, Reflector.Wrap(type.GetMethod(name)!));
    }

    private static IAttributeInfo Attribute<T>(ITestMethod method) => method.Method.GetCustomAttributes(typeof(T)).Single();

    private static ITestFrameworkDiscoveryOptions Options() => new DefaultOptions();

    // The samples are abstract, so xunit never collects them as tests of this assembly: only these tests run them.
    public abstract class UnavailableEngine
    {
        public static string? EngineSkipReason => Reason;

        public static IEnumerable<object[]> Rows => throw new InvalidOperationException("the data of a skipped theory was read");

        [ContractFact]
        public void Fact() => throw new InvalidOperationException("a skipped test ran");

        [ContractTheory]
        [MemberData(nameof(Rows))]
        public void Theory(int row) => throw new InvalidOperationException($"a skipped theory ran row {row}");
    }

    public abstract class AvailableEngine
    {
        public static string? EngineSkipReason => null;

        [ContractFact]
        public void Fact()
        {
        }

        [ContractTheory]
        [InlineData(1)]
        [InlineData(2)]
        public void Theory(int row) => Assert.InRange(row, 1, 2);
    }

    public abstract class NoEngineProperty
    {
        [ContractFact]
        public void Fact()
        {
        }
    }

    // Every option at its default, as a runner without configuration gives them.
    private sealed class DefaultOptions : ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;

        public void SetValue<TValue>(string name, TValue value) => throw new NotSupportedException();
    }

    private sealed class CollectingBus : IMessageBus
    {
        private readonly List<IMessageSinkMessage> _messages = [];

        public IReadOnlyList<IMessageSinkMessage> Messages => _messages;

        public bool QueueMessage(IMessageSinkMessage message)
        {
            _messages.Add(message);
            return true;
        }

        public void Dispose()
        {
        }
    }
}
