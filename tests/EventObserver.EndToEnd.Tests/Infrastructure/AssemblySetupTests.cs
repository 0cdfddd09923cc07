using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Infrastructure;

public sealed class AssemblySetupTests
{
    [ChromiumFact]
    public async Task Expect_ElementAppearsAfterPlaywrightsOwnDefault_StillPasses()
    {
        // Playwright's own expect timeout is 5 s; on a loaded machine pages take longer than that.
        await using var browser = await BrowserSession.StartAsync(new Uri("http://127.0.0.1/"));
        await browser.Page.SetContentAsync("<script>setTimeout(() => { document.body.innerHTML = '<p id=late>late</p>'; }, 6000)</script>");

        await Assertions.Expect(browser.Page.Locator("#late")).ToBeVisibleAsync();
    }
}
