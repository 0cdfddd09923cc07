// Pan and zoom for the lineage graph, entirely in the browser: Blazor renders the SVG once per
// graph change; wheel and drag only change the transform of <g class="eo-lg-viewport">, which
// Blazor never renders, so its diffs leave it alone.

const MIN_SCALE = 0.15;
const MAX_SCALE = 3;
const READABLE_SCALE = 0.75;

export function attach(host) {
  const state = { x: 0, y: 0, scale: 1, drag: null, moved: false };
  const svg = () => host.querySelector("svg.eo-lg");
  const apply = () => {
    const viewport = host.querySelector(".eo-lg-viewport");
    if (viewport) {
      viewport.setAttribute("transform", `translate(${state.x.toFixed(1)} ${state.y.toFixed(1)}) scale(${state.scale.toFixed(4)})`);
    }
  };

  const onWheel = (e) => {
    e.preventDefault();
    const rect = host.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015));
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, state.scale * factor));
    // Keep the point under the cursor where it is.
    state.x = px - (px - state.x) * (scale / state.scale);
    state.y = py - (py - state.y) * (scale / state.scale);
    state.scale = scale;
    apply();
  };

  const onDown = (e) => {
    if (e.button !== 0) {
      return;
    }
    state.drag = { x: e.clientX, y: e.clientY, startX: state.x, startY: state.y, id: e.pointerId };
    state.moved = false;
  };

  const onMove = (e) => {
    const drag = state.drag;
    if (!drag) {
      return;
    }
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!state.moved && Math.hypot(dx, dy) < 4) {
      return;
    }
    if (!state.moved) {
      state.moved = true;
      host.setPointerCapture?.(drag.id);
      host.classList.add("eo-lg-panning");
    }
    state.x = drag.startX + dx;
    state.y = drag.startY + dy;
    apply();
  };

  const onUp = () => {
    if (state.drag && state.moved) {
      host.releasePointerCapture?.(state.drag.id);
    }
    state.drag = null;
    host.classList.remove("eo-lg-panning");
  };

  // A drag that ends on a node must not select it: swallow that click before Blazor sees it.
  const onClick = (e) => {
    if (state.moved) {
      e.stopPropagation();
      e.preventDefault();
      state.moved = false;
    }
  };

  host.addEventListener("wheel", onWheel, { passive: false });
  host.addEventListener("pointerdown", onDown);
  host.addEventListener("pointermove", onMove);
  host.addEventListener("pointerup", onUp);
  host.addEventListener("pointercancel", onUp);
  host.addEventListener("click", onClick, true);

  return {
    // Whole graph when it fits at a readable scale; otherwise readable and centred on the focus point (the root).
    fit(focus) {
      const element = svg();
      const width = parseFloat(element?.dataset.width || "0");
      const height = parseFloat(element?.dataset.height || "0");
      const viewWidth = host.clientWidth || 800;
      const viewHeight = host.clientHeight || 500;
      if (!width || !height) {
        return;
      }
      const whole = Math.min(1, viewWidth / width, viewHeight / height);
      if (whole >= READABLE_SCALE || !focus) {
        state.scale = Math.max(MIN_SCALE, whole);
        state.x = width * state.scale <= viewWidth ? (viewWidth - width * state.scale) / 2 : 0;
        state.y = height * state.scale <= viewHeight ? (viewHeight - height * state.scale) / 2 : 0;
      } else {
        // Centre on the focus, but never leave empty space beside the graph where more of it could show.
        const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
        state.scale = READABLE_SCALE;
        const scaledWidth = width * state.scale;
        const scaledHeight = height * state.scale;
        state.x = clamp(viewWidth / 2 - focus[0] * state.scale, viewWidth - scaledWidth, 0);
        state.y = scaledHeight <= viewHeight
          ? (viewHeight - scaledHeight) / 2
          : clamp(viewHeight / 2 - focus[1] * state.scale, viewHeight - scaledHeight, 0);
      }
      apply();
    },
    zoom(factor) {
      const cx = (host.clientWidth || 800) / 2;
      const cy = (host.clientHeight || 500) / 2;
      const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, state.scale * factor));
      state.x = cx - (cx - state.x) * (scale / state.scale);
      state.y = cy - (cy - state.y) * (scale / state.scale);
      state.scale = scale;
      apply();
    },
    dispose() {
      host.removeEventListener("wheel", onWheel);
      host.removeEventListener("pointerdown", onDown);
      host.removeEventListener("pointermove", onMove);
      host.removeEventListener("pointerup", onUp);
      host.removeEventListener("pointercancel", onUp);
      host.removeEventListener("click", onClick, true);
    },
  };
}

// The graph as a standalone SVG file: the whole graph at scale 1, with the .eo-lg-* rules of
// lineage.css embedded so colours survive outside the page.
export function exportSvg(host, fileName) {
  const source = host.querySelector("svg.eo-lg");
  if (!source) {
    return;
  }
  const width = source.dataset.width || "800";
  const height = source.dataset.height || "600";
  const clone = source.cloneNode(true);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", width);
  clone.setAttribute("height", height);
  clone.setAttribute("viewBox", `0 0 ${width} ${height}`);
  clone.querySelector(".eo-lg-viewport")?.removeAttribute("transform");

  const rules = [];
  for (const sheet of document.styleSheets) {
    let cssRules;
    try {
      cssRules = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet
    }
    for (const rule of cssRules) {
      if (rule.selectorText && rule.selectorText.includes(".eo-lg") && !rule.selectorText.includes("eo-lg-canvas")) {
        rules.push(rule.cssText);
      }
    }
  }
  const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
  style.textContent = `svg { font-family: Roboto, Helvetica, Arial, sans-serif; background: #fff; }\n${rules.join("\n")}`;
  clone.insertBefore(style, clone.firstChild);

  const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  const link = document.createElement("a");
  link.href = url;
  // The server already names it safely (ExportFileName); this keeps any other caller to the same characters.
  const safe = String(fileName || "").replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 120);
  link.download = /^[A-Za-z0-9]/.test(safe) ? safe : "lineage.svg";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
