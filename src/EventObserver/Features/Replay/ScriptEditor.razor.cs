using BlazorMonaco.Editor;

using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventObserver.Features.Replay;

/// <summary>
/// A JavaScript editor bound to <see cref="Script"/>. Monaco keeps its text in the browser, so typing is not sent
/// on every key: the text is read on blur and whenever <see cref="FlushAsync"/> is called, which callers do before
/// they use the script (run, save, compare), so what runs is what the user sees.
/// </summary>
public sealed partial class ScriptEditor : IAsyncDisposable
{
    public const string ModulePath = "./js/monaco-loader.js";

    private readonly string _id = "eo-script-" + Guid.NewGuid().ToString("N");
    private IJSObjectReference? _module;
    private StandaloneCodeEditor? _editor;
    private bool _monaco;
    private bool _initialized;
    private bool _dirty;
    private Task _reading = Task.CompletedTask;

    // The text the editor and Script last agreed on: a Script different from it came from outside (a template, a load).
    private string _known = "";

    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired] public required string Script { get; set; }

    [Parameter] public EventCallback<string> ScriptChanged { get; set; }

    [Parameter] public string AriaLabel { get; set; } = "Script (JavaScript)";

    [Parameter] public string TestId { get; set; } = "script-editor";

    /// <summary>Reads the editor's text if it changed since the last read, raising <see cref="ScriptChanged"/>.</summary>
    public Task FlushAsync()
    {
        if (_dirty)
        {
            _dirty = false;
            _reading = ReadAsync();
        }

        // A read already under way (e.g. started by the blur of the click that asked for this) is awaited too.
        return _reading;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the browser with it.
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_initialized && _editor is not null && Script != _known)
        {
            _known = Script;
            _dirty = false;
            await CallEditorAsync(e => e.SetValue(Script));
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _monaco = _module is not null && await _module.InvokeAsync<bool>("loadMonaco");
        }
        catch (JSException)
        {
            // Blocked or missing: the textarea stays, and works.
            _monaco = false;
        }

        if (_monaco)
        {
            StateHasChanged();
        }
    }

    private StandaloneEditorConstructionOptions Options(StandaloneCodeEditor editor)
    {
        _known = Script;
        return new StandaloneEditorConstructionOptions
        {
            Value = Script,
            Language = "javascript",
            // The app has one, light, theme.
            Theme = "vs",
            AutomaticLayout = true,
            Minimap = new EditorMinimapOptions { Enabled = false },
            ScrollBeyondLastLine = false,
            LineNumbersMinChars = 3,
            // Suggestions and hovers are not cut off by the resizable frame around the editor.
            FixedOverflowWidgets = true,
            FontSize = 13,
            TabSize = 2,
            AriaLabel = AriaLabel,
        };
    }

    private async Task OnInitAsync()
    {
        _initialized = true;
        // A template or load chosen while Monaco was starting.
        if (Script != _known)
        {
            _known = Script;
            await CallEditorAsync(e => e.SetValue(Script));
        }
    }

    private void OnContentChanged(ModelContentChangedEvent _) => _dirty = true;

    private async Task ReadAsync()
    {
        string? value = null;
        await CallEditorAsync(async e => value = await e.GetValue(preserveBOM: false, lineEnding: "\n"));
        if (value is null)
        {
            return;
        }

        if (value != _known)
        {
            _known = value;
            await ScriptChanged.InvokeAsync(value);
        }
    }

    private async Task OnPlainChanged(ChangeEventArgs e)
    {
        _known = e.Value as string ?? "";
        await ScriptChanged.InvokeAsync(_known);
    }

    private async Task CallEditorAsync(Func<StandaloneCodeEditor, Task> call)
    {
        if (_editor is not { } editor)
        {
            return;
        }

        try
        {
            await call(editor);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The editor is gone (failed, or the circuit closed): Script keeps the last text read.
        }
    }
}
