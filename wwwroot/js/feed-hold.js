// The live feed holds still while the user reads it: this module watches the list of rows (pointer over it, scrolled
// away from the top, a row focused) and reports each change of that state to the server, which stops adding rows
// until all three are over. It also moves the keyboard focus between rows (arrow keys), since the rows are links.

const TOP_SLACK_PX = 4;

export function attach(body, dotnet) {
  const state = { pointer: body.matches(":hover"), scrolled: body.scrollTop > TOP_SLACK_PX, focus: body.contains(document.activeElement) };
  let reported = "";
  let disposed = false;

  const report = () => {
    const key = `${state.pointer}|${state.scrolled}|${state.focus}`;
    if (disposed || key === reported) {
      return;
    }
    reported = key;
    dotnet.invokeMethodAsync("Report", state.pointer, state.scrolled, state.focus).catch(() => {
      // The circuit is gone: nothing to hold any more.
    });
  };

  const isRow = (el) => el instanceof HTMLElement && el.matches("[data-testid=feed-row]");
  const onEnter = () => { state.pointer = true; report(); };
  const onLeave = () => { state.pointer = false; report(); };
  const onScroll = () => {
    state.scrolled = body.scrollTop > TOP_SLACK_PX;
    // A focused row scrolled out of the rendered range is removed without a focusout in some browsers.
    state.focus = body.contains(document.activeElement);
    report();
  };
  const onFocusIn = () => { state.focus = true; report(); };
  const onFocusOut = (e) => {
    state.focus = e.relatedTarget instanceof Node && body.contains(e.relatedTarget);
    report();
  };

  const onKey = (e) => {
    if (!isRow(e.target) || e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    let next = null;
    if (e.key === "ArrowDown") {
      next = e.target.nextElementSibling;
    } else if (e.key === "ArrowUp") {
      next = e.target.previousElementSibling;
    } else {
      return;
    }
    e.preventDefault();
    if (isRow(next)) {
      next.focus({ preventScroll: true });
      next.scrollIntoView({ block: "nearest" });
    }
  };

  body.addEventListener("pointerenter", onEnter);
  body.addEventListener("pointerleave", onLeave);
  body.addEventListener("scroll", onScroll, { passive: true });
  body.addEventListener("focusin", onFocusIn);
  body.addEventListener("focusout", onFocusOut);
  body.addEventListener("keydown", onKey);
  report();

  return {
    // Back to live: the newest rows are at the top.
    scrollToTop() {
      body.scrollTop = 0;
      state.scrolled = false;
      report();
    },
    dispose() {
      disposed = true;
      body.removeEventListener("pointerenter", onEnter);
      body.removeEventListener("pointerleave", onLeave);
      body.removeEventListener("scroll", onScroll);
      body.removeEventListener("focusin", onFocusIn);
      body.removeEventListener("focusout", onFocusOut);
      body.removeEventListener("keydown", onKey);
    },
  };
}
