// Loads the Monaco editor shipped by the BlazorMonaco package on first use, so only the Replay page pays for
// its ~3 MB (script tags in App.razor would load it on every page). Resolves false instead of throwing when
// any part is missing or blocked: the page then keeps its plain textarea.
const BASE = "_content/BlazorMonaco";
let loading;

function addScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error("could not load " + src));
    document.head.appendChild(script);
  });
}

async function load() {
  if (!window.blazorMonaco) {
    await addScript(`${BASE}/jsInterop.js`);
  }
  // jsInterop.js leaves a plain config object in `require`; the AMD loader replaces it with a function.
  if (typeof window.require !== "function") {
    await addScript(`${BASE}/lib/monaco-editor/min/vs/loader.js`);
  }
  window.require.config({ paths: { vs: `${BASE}/lib/monaco-editor/min/vs` } });
  await new Promise((resolve, reject) => window.require(["vs/editor/editor.main"], resolve, reject));
  return typeof window.monaco?.editor?.create === "function" && typeof window.blazorMonaco?.editor?.create === "function";
}

export function loadMonaco() {
  loading ??= load().catch(error => {
    console.warn("Monaco editor unavailable, keeping the plain editor:", error);
    loading = undefined;
    return false;
  });
  return loading;
}
