using System.ComponentModel;

using Xunit.Abstractions;
using Xunit.Sdk;

namespace EventObserver.Storage.Tests.Contract.Skipping;

/// <summary>
/// A contract test whose engine is not available: reported as skipped with the engine's reason. The reason is
/// serialized with the case, since runners discover in one step and run (possibly elsewhere) in another.
/// </summary>
public sealed class EngineSkippedTestCase : XunitTestCase
{
    private string _reason = string.Empty;

    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public EngineSkippedTestCase()
    {
    }

    public EngineSkippedTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        string reason)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        _reason = reason;
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue(EngineSkip.PropertyName, _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _reason = data.GetValue<string>(EngineSkip.PropertyName);
        base.Deserialize(data);
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;
}
