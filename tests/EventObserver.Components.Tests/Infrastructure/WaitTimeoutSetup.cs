using System.Runtime.CompilerServices;

using Bunit;

namespace EventObserver.Components.Tests.Infrastructure;

/// <summary>
/// bUnit's WaitFor* calls give up after 1 s unless a test says otherwise. In CI this assembly runs beside the Core tests
/// on two cores, where a render through the dispatcher can take longer than that and fail a test whose condition comes
/// true a moment later. A wait ends as soon as its condition holds, so the longer limit costs only a failing test time.
/// </summary>
internal static class WaitTimeoutSetup
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    [ModuleInitializer]
    internal static void RaiseDefaultWaitTimeout() => BunitContext.DefaultWaitTimeout = Default;
}
