using System.Runtime.CompilerServices;

using Microsoft.Playwright;

// Each browser test class starts its own app, embedded broker and Chromium; run in parallel on two cores they
// starve each other past any timeout, so the assembly runs one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace EventObserver.EndToEnd.Tests.Infrastructure;

/// <summary>Playwright settings for every test of the assembly, set once before any test runs.</summary>
internal static class AssemblySetup
{
    /// <summary>The page's own default (BrowserSession) for web-first assertions too, instead of Playwright's 5 s.</summary>
    public const float ExpectTimeoutMs = 20_000;

    [ModuleInitializer]
    internal static void Initialize() => Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
}
