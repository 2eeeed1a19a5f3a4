// Styles of the shadow root: compact, in the sites' own system font, with light and dark palettes.

export default `
:host {
  all: initial;
  display: block;
  font: 13px/16px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  --muted: rgb(83, 100, 113);
  --near: rgb(163, 104, 0);
  --over: rgb(212, 13, 29);
}
:host([data-theme="dark"]) {
  --muted: rgb(139, 152, 165);
  --near: rgb(255, 212, 0);
  --over: rgb(255, 94, 102);
}
/* A fixed-size, contained row: a changing count never makes the browser lay out the editor again. */
.bar {
  display: flex;
  justify-content: flex-end;
  align-items: center;
  gap: 8px;
  box-sizing: border-box;
  height: 20px;
  contain: strict;
  padding: 2px 4px;
  color: var(--muted);
  pointer-events: none;
  user-select: none;
}
[data-stratege="counter"] {
  font-variant-numeric: tabular-nums;
  pointer-events: auto;
  white-space: nowrap;
}
[data-stratege="counter"][data-state="near"] { color: var(--near); }
[data-stratege="counter"][data-state="over"] { color: var(--over); font-weight: 700; }
[data-stratege="counter"] .limit { opacity: 0.75; }
[data-stratege="counter"] .note { margin-left: 6px; font-weight: 400; }
.cut { pointer-events: auto; white-space: nowrap; }
.sr-only {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
`;
