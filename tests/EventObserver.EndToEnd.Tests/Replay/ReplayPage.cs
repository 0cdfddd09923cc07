using System.Globalization;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Replay;

/// <summary>What the replay tests read from and do on the page.</summary>
internal static partial class ReplayPage
{
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        // Prerendered HTML says "Connecting…"; only the live circuit turns it into "Live".
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
    }

    public static async Task<long> SelectedCountAsync(IPage page)
    {
        var text = await page.GetByTestId("selection-count").InnerTextAsync();
        var match = LeadingNumber().Match(text);
        return match.Success ? long.Parse(match.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : -1;
    }

    public static async Task<long> ProcessedAsync(IPage page)
    {
        var text = await page.GetByTestId("run-processed").InnerTextAsync();
        return long.Parse(LeadingNumber().Match(text).Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    /// <summary>The run's own total (fixed when it started; the selection's count may have grown since with live traffic).</summary>
    public static async Task<long> RunTotalAsync(IPage page)
    {
        var text = await page.GetByTestId("run-processed").InnerTextAsync();
        return long.Parse(text[(text.IndexOf('/', StringComparison.Ordinal) + 1)..].Trim().Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    /// <summary>The projection editor once Monaco has replaced the prerendered textarea.</summary>
    public static async Task<ILocator> MonacoAsync(IPage page)
    {
        var editor = page.Locator("[data-testid=editor-script][data-editor=monaco][data-ready=true]");
        await Assertions.Expect(editor).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(editor.Locator(".monaco-editor .view-lines")).ToBeVisibleAsync();
        return editor;
    }

    /// <summary>The editor's whole text as the browser holds it (Monaco shows only the lines in view).</summary>
    public static async Task<string> ScriptAsync(IPage page)
    {
        await MonacoAsync(page);
        return await page.EvaluateAsync<string>("() => { const m = window.monaco.editor.getModels(); return m.length === 1 ? m[0].getValue() : 'models: ' + m.length; }");
    }

    /// <summary>Selects all and types <paramref name="script"/> (one line) key by key, as a user would.</summary>
    public static async Task TypeScriptAsync(IPage page, string script)
    {
        await SelectAllAsync(page);
        await page.Keyboard.TypeAsync(script);
        // Monaco closes brackets as they are typed; what it closed that the script closes again is left after the cursor.
        await page.Keyboard.PressAsync("Shift+End");
        await page.Keyboard.PressAsync("Delete");
    }

    /// <summary>Selects all and pastes <paramref name="script"/> (a paste keeps the text as it is; typing would indent it).</summary>
    public static async Task PasteScriptAsync(IPage page, string script)
    {
        await SelectAllAsync(page);
        await page.EvaluateAsync(
            """
            text => {
              const data = new DataTransfer();
              data.setData("text/plain", text);
              document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """,
            script);
    }

    private static async Task SelectAllAsync(IPage page)
    {
        var editor = await MonacoAsync(page);
        await editor.Locator(".monaco-editor .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
    }

    /// <summary>Opens a MudBlazor select, clicks the item whose text starts with <paramref name="itemText"/> and waits until the select shows it.</summary>
    public static Task ChooseAsync(IPage page, string testId, string itemText) =>
        ChooseAsync(page, testId, new Regex("^\\s*" + Regex.Escape(itemText)));

    /// <summary>Opens a MudBlazor select, clicks the first item whose text matches <paramref name="item"/> and waits until the select shows it.</summary>
    public static async Task ChooseAsync(IPage page, string testId, Regex item)
    {
        var select = page.GetByTestId(testId);
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = item }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Assertions.Expect(select).ToHaveTextAsync(item);
    }

    public static Task<string> StateTextAsync(IPage page) => page.GetByTestId("state-tree").InnerTextAsync();

    public static Task ScreenshotAsync(IPage page, string path) => BrowserPages.ScreenshotAsync(page, path, 1440, 1400);

    public static Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 30) =>
        BrowserPages.WaitForAsync(condition, what, seconds);

    [GeneratedRegex(@"^\s*[\d,]+")]
    private static partial Regex LeadingNumber();
}
