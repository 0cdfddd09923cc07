// Pan and zoom for the lineage graph and the flow map, entirely in the browser: Blazor renders the SVG once
// per graph change; wheel and drag only change the transform of <g class="eo-lg-viewport">, which Blazor
// never renders, so its diffs leave it alone.

const MIN_SCALE = 0.15;
const MAX_SCALE = 3;
const MARGIN = 16;

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

// options.wheel: "zoom" (the wheel zooms around the pointer) or "scroll" (the wheel pans, Ctrl/⌘ + wheel or a
// pinch zooms). options.urlParam: a query parameter the view (x,y,scale) is written to after every change, with
// history.replaceState, so coming back to the page can restore it.
export function attach(host, options) {
  const wheelMode = options?.wheel === "scroll" ? "scroll" : "zoom";
  const urlParam = options?.urlParam || null;
  const state = { x: 0, y: 0, scale: 1, drag: null, moved: false, timer: 0 };
  const path = window.location.pathname;
  const svg = () => host.querySelector("svg.eo-lg");
  const size = () => {
    const element = svg();
    return {
      width: parseFloat(element?.dataset.width || "0"),
      height: parseFloat(element?.dataset.height || "0"),
      viewWidth: host.clientWidth || 800,
      viewHeight: host.clientHeight || 500,
    };
  };

  const persist = () => {
    if (!urlParam) {
      return;
    }
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      // Never write into the address of a page the user went on to.
      if (window.location.pathname !== path) {
        return;
      }
      const url = new URL(window.location.href);
      url.searchParams.set(urlParam, `${Math.round(state.x)},${Math.round(state.y)},${state.scale.toFixed(3)}`);
      history.replaceState(history.state, "", url.toString());
    }, 250);
  };

  const apply = () => {
    const viewport = host.querySelector(".eo-lg-viewport");
    if (viewport) {
      viewport.setAttribute("transform", `translate(${state.x.toFixed(1)} ${state.y.toFixed(1)}) scale(${state.scale.toFixed(4)})`);
    }
    host.dataset.scale = state.scale.toFixed(4);
    persist();
  };

  const zoomAround = (px, py, factor) => {
    const scale = clamp(state.scale * factor, MIN_SCALE, MAX_SCALE);
    // Keep the point (px, py) of the view where it is.
    state.x = px - (px - state.x) * (scale / state.scale);
    state.y = py - (py - state.y) * (scale / state.scale);
    state.scale = scale;
    apply();
  };

  const onWheel = (e) => {
    e.preventDefault();
    const rect = host.getBoundingClientRect();
    const lines = e.deltaMode === 1 ? 16 : 1;
    if (wheelMode === "scroll" && !e.ctrlKey && !e.metaKey) {
      const dx = e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX;
      const dy = e.shiftKey && !e.deltaX ? 0 : e.deltaY;
      state.x -= dx * lines;
      state.y -= dy * lines;
      apply();
      return;
    }
    zoomAround(e.clientX - rect.left, e.clientY - rect.top, Math.exp(-e.deltaY * lines * 0.0015 * (e.ctrlKey && wheelMode === "scroll" ? 4 : 1)));
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
    // The whole drawing, centred, when it fits at `readable` or more (at most 100 %). Otherwise, with `box`
    // ([x, y, width, height], the main part): its width at a readable scale, its top-left corner in view, the rest
    // reached by scrolling; with `focus` ([x, y]): that point centred at `focusScale`.
    fit(fitOptions) {
      const { width, height, viewWidth, viewHeight } = size();
      if (!width || !height) {
        return;
      }
      const readable = fitOptions?.readable ?? 0;
      const whole = Math.min(1, (viewWidth - 2 * MARGIN) / width, (viewHeight - 2 * MARGIN) / height);
      const box = fitOptions?.box;
      const focus = fitOptions?.focus;
      if (whole >= readable || (!box && !focus)) {
        state.scale = Math.max(MIN_SCALE, whole);
        state.x = (viewWidth - width * state.scale) / 2;
        state.y = (viewHeight - height * state.scale) / 2;
      } else if (box) {
        const [bx, by, bw, bh] = box;
        state.scale = clamp((viewWidth - 2 * MARGIN) / bw, readable, 1);
        state.x = bw * state.scale <= viewWidth - 2 * MARGIN
          ? (viewWidth - bw * state.scale) / 2 - bx * state.scale
          : MARGIN - bx * state.scale;
        state.y = bh * state.scale <= viewHeight - 2 * MARGIN
          ? (viewHeight - bh * state.scale) / 2 - by * state.scale
          : MARGIN - by * state.scale;
      } else {
        // Centre on the focus, but never leave empty space beside the drawing where more of it could show.
        state.scale = fitOptions?.focusScale ?? 1;
        const scaledWidth = width * state.scale;
        const scaledHeight = height * state.scale;
        state.x = scaledWidth <= viewWidth
          ? (viewWidth - scaledWidth) / 2
          : clamp(viewWidth / 2 - focus[0] * state.scale, viewWidth - scaledWidth, 0);
        state.y = scaledHeight <= viewHeight
          ? (viewHeight - scaledHeight) / 2
          : clamp(viewHeight / 2 - focus[1] * state.scale, viewHeight - scaledHeight, 0);
      }
      apply();
    },
    // Brings `box` ([x, y, width, height]) into view: zooms out only as far as needed, then pans as little as possible.
    reveal(box) {
      const { viewWidth, viewHeight } = size();
      const [bx, by, bw, bh] = box;
      state.scale = clamp(Math.min(state.scale, (viewWidth - 2 * MARGIN) / bw, (viewHeight - 2 * MARGIN) / bh), MIN_SCALE, MAX_SCALE);
      const place = (offset, start, length, view) => {
        const low = start * state.scale + offset;
        const high = low + length * state.scale;
        if (length * state.scale > view - 2 * MARGIN) {
          return (view - length * state.scale) / 2 - start * state.scale;
        }
        if (low < MARGIN) {
          return offset + (MARGIN - low);
        }
        if (high > view - MARGIN) {
          return offset - (high - (view - MARGIN));
        }
        return offset;
      };
      state.x = place(state.x, bx, bw, viewWidth);
      state.y = place(state.y, by, bh, viewHeight);
      apply();
    },
    // Zooms around the centre of what is shown of the drawing (not of empty canvas beside it).
    zoom(factor) {
      const { width, height, viewWidth, viewHeight } = size();
      const left = Math.max(0, state.x);
      const right = Math.min(viewWidth, state.x + width * state.scale);
      const top = Math.max(0, state.y);
      const bottom = Math.min(viewHeight, state.y + height * state.scale);
      const visible = width && height && right > left && bottom > top;
      zoomAround(visible ? (left + right) / 2 : viewWidth / 2, visible ? (top + bottom) / 2 : viewHeight / 2, factor);
    },
    setView(x, y, scale) {
      state.x = x;
      state.y = y;
      state.scale = clamp(scale, MIN_SCALE, MAX_SCALE);
      apply();
    },
    // Writes the current view to the address again (after Blazor navigated and replaced it).
    remember() {
      persist();
    },
    dispose() {
      clearTimeout(state.timer);
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
