// Styles of the shadow root: compact, in the sites' own system font, with light, dim and dark palettes whose
// text keeps a WCAG AA contrast (4.5:1) on each theme's surfaces; visible keyboard focus; motion only when wanted.

export default `
:host {
  all: initial;
  display: block;
  font: 13px/16px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  --muted: rgb(83, 100, 113);
  --near: rgb(140, 88, 0);
  --over: rgb(200, 12, 28);
  --tone: rgb(160, 76, 0);
  --mark-spelling: rgb(212, 13, 29);
  --mark-info: rgb(29, 155, 240);
  --mark-tone: rgb(230, 120, 0);
  --card-bg: rgb(255, 255, 255);
  --card-fg: rgb(15, 20, 25);
  --card-border: rgba(0, 0, 0, 0.15);
  --accent: rgb(0, 96, 191);
  --on-accent: rgb(255, 255, 255);
}
/* X's Dim, Facebook's dark mode: dark blue-grey surfaces (up to Facebook's #3a3b3c comment field). */
:host([data-theme="dim"]) {
  --muted: rgb(170, 184, 194);
  --near: rgb(255, 212, 0);
  --over: rgb(255, 130, 135);
  --tone: rgb(255, 170, 60);
  --mark-spelling: rgb(255, 94, 102);
  --mark-tone: rgb(255, 170, 60);
  --card-bg: rgb(21, 32, 43);
  --card-fg: rgb(247, 249, 249);
  --card-border: rgb(56, 68, 77);
  --accent: rgb(29, 155, 240);
  --on-accent: rgb(15, 20, 25);
}
/* X's Lights out, Instagram's dark mode: black. */
:host([data-theme="dark"]) {
  --muted: rgb(139, 152, 165);
  --near: rgb(255, 212, 0);
  --over: rgb(255, 94, 102);
  --tone: rgb(255, 170, 60);
  --mark-spelling: rgb(255, 94, 102);
  --mark-tone: rgb(255, 170, 60);
  --card-bg: rgb(0, 0, 0);
  --card-fg: rgb(231, 233, 234);
  --card-border: rgb(62, 65, 68);
  --accent: rgb(29, 155, 240);
  --on-accent: rgb(15, 20, 25);
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
[data-stratege="counter"] .note { margin-left: 6px; font-weight: 400; }
.cut { pointer-events: auto; white-space: nowrap; }
.sr-only {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
/* The overlay layer: zero-size, fixed; marks and cards are placed in it with transforms. */
.layer {
  position: fixed;
  left: 0;
  top: 0;
  width: 0;
  height: 0;
  z-index: 2147483000;
}
[data-stratege="mark"] {
  position: absolute;
  left: 0;
  top: 0;
  height: 5px;
  cursor: pointer;
  pointer-events: auto;
  background: linear-gradient(var(--mark-color), var(--mark-color)) left bottom / 100% 2px no-repeat;
  --mark-color: var(--mark-spelling);
}
[data-stratege="mark"][data-kind="hashtag-readability"],
[data-stratege="mark"][data-kind="hashtag-limit"] { --mark-color: var(--mark-info); }
[data-stratege="mark"][data-kind="tone"] {
  background: repeating-linear-gradient(90deg, var(--mark-tone) 0 4px, transparent 4px 6px) left bottom / 100% 2px no-repeat;
}
[data-stratege="mark"]:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
[data-stratege="mark"] .more {
  position: absolute;
  left: 0;
  top: 0;
  height: 5px;
  background: inherit;
}
.mirror {
  position: absolute;
  visibility: hidden;
  pointer-events: none;
  overflow: hidden;
  word-wrap: break-word;
}
[data-stratege="card"] {
  position: absolute;
  left: 0;
  top: 0;
  box-sizing: border-box;
  width: max-content;
  max-width: min(340px, calc(100vw - 16px));
  padding: 10px 12px;
  border: 1px solid var(--card-border);
  border-radius: 10px;
  background: var(--card-bg);
  color: var(--card-fg);
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.18);
  pointer-events: auto;
  user-select: none;
}
[data-stratege="card"] p { margin: 0 0 6px; }
[data-stratege="card"] .title { font-weight: 700; }
[data-stratege="card"] .tip { color: var(--muted); }
[data-stratege="card"] .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
[data-stratege="card"] button {
  font: inherit;
  padding: 4px 10px;
  border-radius: 999px;
  border: 1px solid var(--card-border);
  background: transparent;
  color: inherit;
  cursor: pointer;
}
[data-stratege="card"] button.primary { background: var(--accent); border-color: var(--accent); color: var(--on-accent); font-weight: 700; }
[data-stratege="card"] button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
[data-stratege="tone"] {
  pointer-events: auto;
  cursor: pointer;
  white-space: nowrap;
  margin-right: auto;
  font-weight: 700;
}
[data-stratege="tone"][data-level="caution"] { color: var(--tone); }
[data-stratege="tone"]:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
[data-stratege="tone"][data-level="hostile"] { color: var(--over); }
[data-stratege="tone"]::before { content: "⚠\\FE0E  "; }
/* The review before posting: an alertdialog beside the composer, clear of the site's Post button and counter. */
[data-stratege="gate"] {
  position: absolute;
  left: 0;
  top: 0;
  box-sizing: border-box;
  width: max-content;
  max-width: min(360px, calc(100vw - 16px));
  padding: 12px 14px;
  border: 1px solid var(--card-border);
  border-radius: 12px;
  background: var(--card-bg);
  color: var(--card-fg);
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.22);
  pointer-events: auto;
}
[data-stratege="gate"] p { margin: 0 0 6px; }
[data-stratege="gate"] .title { font-weight: 700; font-size: 14px; }
[data-stratege="gate"] .intro { color: var(--muted); }
[data-stratege="gate"] ul { margin: 0; padding: 0 0 0 16px; }
[data-stratege="gate-item"] { margin: 4px 0; }
[data-stratege="gate-item"][data-hold="false"] { color: var(--muted); }
[data-stratege="gate"] .actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 6px; margin-top: 10px; }
[data-stratege="gate"] button {
  font: inherit;
  padding: 4px 12px;
  border-radius: 999px;
  border: 1px solid var(--card-border);
  background: transparent;
  color: inherit;
  cursor: pointer;
}
[data-stratege="gate"] button.primary { background: var(--accent); border-color: var(--accent); color: var(--on-accent); font-weight: 700; }
/* The focus the dialog moves to its first button is shown whether it came from a click or a key. */
[data-stratege="gate"] button:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
/* Cards and the dialog fade in, unless the user asked for less motion. */
[data-stratege="card"], [data-stratege="gate"] { animation: stratege-in 120ms ease-out; }
@keyframes stratege-in { from { opacity: 0; } }
@media (prefers-reduced-motion: reduce) {
  [data-stratege="card"], [data-stratege="gate"] { animation: none; }
}
[hidden] { display: none !important; }
`;
