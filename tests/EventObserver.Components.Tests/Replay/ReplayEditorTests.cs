using System.Text.Json;

using BlazorMonaco.Editor;

using Bunit;

using EventObserver.Core.Projections;
using EventObserver.Features.Replay;

using Microsoft.JSInterop;

namespace EventObserver.Components.Tests.Replay;

/// <summary>
/// The projection editor with Monaco loaded (its JavaScript answered by bUnit) and without it. Monaco keeps typed
/// text in the browser: these tests check that run, save and compare use what the editor shows, not a stale copy.
/// </summary>
public sealed class ReplayEditorTests : ReplayTestContext
{
    private const string Typed = "({ $init: () => ({ typed: true, total: 0 }), $any: (s, e) => { s.total++; } })";
    private const string Monaco = "[data-testid=editor-script][data-editor=monaco][data-ready=true]";

    private IRenderedComponent<ReplayPage> RenderWithMonaco(string url, string editorText)
    {
        Context.JSInterop.Setup<string>("blazorMonaco.editor.getValue", _ => true).SetResult(editorText);
        var page = RenderWithMonacoLoaded(url);
        page.WaitForAssertion(() => Assert.NotNull(page.Find(Monaco)), TimeSpan.FromSeconds(10));
        return page;
    }

    private IRenderedComponent<ReplayPage> RenderWithMonacoLoaded(string url)
    {
        Context.JSInterop.SetupModule(ScriptEditor.ModulePath).Setup<bool>("loadMonaco").SetResult(true);
        return RenderPage(url);
    }

    /// <summary>What Monaco reports on each edit (BlazorMonaco forwards it to the component).</summary>
    private static Task TypeAsync(IRenderedComponent<ReplayPage> page) =>
        page.InvokeAsync(() => page.FindComponent<StandaloneCodeEditor>().Instance
            .EventCallback("OnDidChangeModelContent", """{"changes":[],"eol":"\n","versionId":2,"isUndoing":false,"isRedoing":false,"isFlush":false}"""));

    [Fact]
    public void Editor_MonacoLoaded_ReplacesTheTextareaAsAJavaScriptEditorHoldingTheScript()
    {
        var page = RenderWithMonaco("replay", editorText: "");

        Assert.Empty(page.FindAll("textarea[data-testid=editor-script]"));
        var create = Assert.Single(Context.JSInterop.Invocations["blazorMonaco.editor.create"]);
        // BlazorMonaco sends the options as JSON, leaving out what is not set.
        var options = Assert.IsType<JsonElement>(create.Arguments[1]);
        Assert.Equal("javascript", options.GetProperty("language").GetString());
        Assert.Equal(ProjectionTemplates.CountByType.Script, options.GetProperty("value").GetString());
        Assert.False(options.GetProperty("minimap").GetProperty("enabled").GetBoolean());
        Assert.True(options.GetProperty("automaticLayout").GetBoolean());
    }

    [Fact]
    public async Task Editor_TemplateChosenWithMonaco_PutsTheTemplateIntoTheEditor()
    {
        var page = RenderWithMonaco("replay", editorText: "");

        await ChooseAsync(page, "editor-template", ProjectionTemplates.OrderLifecycle.Title);

        var set = Assert.Single(Context.JSInterop.Invocations["blazorMonaco.editor.setValue"]);
        Assert.Equal(ProjectionTemplates.OrderLifecycle.Script, set.Arguments[1]);
        Assert.Equal(ProjectionTemplates.OrderLifecycle.Title, page.Find("[data-testid=editor-origin]").TextContent);
    }

    [Fact]
    public async Task Run_TextTypedInMonaco_RunsWhatTheEditorShows()
    {
        SeedOrders(2);
        var page = RenderWithMonaco("replay?topic=orders.events", Typed);
        WaitForCount(page);

        await TypeAsync(page);
        await ClickAsync(page, "start-run");

        var run = Assert.Single(Manager.List());
        Assert.Equal(Typed, run.Script);
        var snapshot = await FinishedAsync(run);
        Assert.Equal(true, (bool?)snapshot.State?["typed"]);
        Assert.Equal(10, (int?)snapshot.State?["total"]);
        Assert.Contains("(edited)", run.Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NothingTyped_RunsTheTemplateWithoutAskingTheBrowser()
    {
        SeedOrders(1);
        var page = RenderWithMonaco("replay?topic=orders.events", "not what is shown");
        WaitForCount(page);

        await ClickAsync(page, "start-run");

        Assert.Equal(ProjectionTemplates.CountByType.Script, Assert.Single(Manager.List()).Script);
        Assert.Empty(Context.JSInterop.Invocations["blazorMonaco.editor.getValue"]);
    }

    [Fact]
    public async Task Save_TextTypedInMonaco_SavesWhatTheEditorShows()
    {
        var page = RenderWithMonaco("replay", Typed);

        await TypeAsync(page);
        await page.InvokeAsync(() => page.Find("input[data-testid=editor-name]").Input("typed"));
        await ClickAsync(page, "editor-save");

        page.WaitForAssertion(() => Assert.Contains("Saved as typed v1", page.Find("[data-testid=editor-note]").TextContent, StringComparison.Ordinal));
        Assert.Equal(Typed, Store.Get("typed", 1)?.Script);
    }

    [Fact]
    public async Task Compare_TextTypedInMonaco_ComparesWhatTheEditorShows()
    {
        SeedOrders(2);
        Store.Save("counts", ProjectionTemplates.CountByType.Script, null, Time.GetUtcNow());
        var page = RenderWithMonaco("replay?topic=orders.events", Typed);
        WaitForCount(page);

        await TypeAsync(page);
        await ChooseAsync(page, "compare-left", "counts v1");
        await ChooseAsync(page, "compare-right", "the editor");
        await ClickAsync(page, "compare-run");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=compare-result]")), TimeSpan.FromSeconds(30));
        var paths = page.FindAll("[data-testid=compare-changes] [data-testid=change-row]").Select(r => r.GetAttribute("data-path")).ToList();
        Assert.Contains("/typed", paths);
        Assert.Contains("/byType", paths);
    }

    [Fact]
    public async Task Editor_MonacoFailsToLoad_KeepsAWorkingTextarea()
    {
        SeedOrders(1);
        Context.JSInterop.SetupModule(ScriptEditor.ModulePath).Setup<bool>("loadMonaco").SetException(new JSException("blocked"));
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);

        Assert.Equal("plain", page.Find("[data-testid=editor-script]").GetAttribute("data-editor"));
        Assert.Empty(page.FindComponents<StandaloneCodeEditor>());
        await ChangeAsync(page, "editor-script", Typed);
        await ClickAsync(page, "start-run");

        Assert.Equal(Typed, Assert.Single(Manager.List()).Script);
    }

    [Fact]
    public async Task Editor_MonacoFailsToStart_FallsBackToAWorkingTextarea()
    {
        SeedOrders(1);
        Context.JSInterop.SetupVoid("blazorMonaco.editor.create", _ => true).SetException(new JSException("monaco is not defined"));
        var page = RenderWithMonacoLoaded("replay?topic=orders.events");
        WaitForCount(page);

        page.WaitForAssertion(() => Assert.Equal("plain", page.Find("[data-testid=editor-script]").GetAttribute("data-editor")));
        await ChangeAsync(page, "editor-script", Typed);
        await ClickAsync(page, "start-run");

        Assert.Equal(Typed, Assert.Single(Manager.List()).Script);
    }
}
