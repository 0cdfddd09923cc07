namespace EventObserver.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The default demo app and one browser for the browser tests of a class (<c>IClassFixture&lt;LiveAppFixture&gt;</c>).
/// </summary>
public sealed class LiveAppFixture() : AppBrowserFixture;
