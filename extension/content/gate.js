// The review before posting (contracts.md §3 `gate`): catches the site's own submit (a click on its Post / Reply /
// Share / Comment button, or its keyboard submit) in the capture phase, before the site's handlers, and holds it
// when the composer's latest report has open problems the user wants to see first. The site's button and editor
// are never changed: a held submission is replayed once, as the same click or key, when the user posts anyway.
// Fail-open: whatever goes wrong inside Stratège (an exception, a review that does not come back in time), the
// submission goes through untouched. A clean, freshly reviewed post is never delayed (no await on that path).

/** A stale report is checked again first, within this budget; past it the post goes through (issue 11). */
export const RECHECK_BUDGET_MS = 150;
/** Severities that may hold a post; `info` never does (contracts.md §3). */
const HOLDING_SEVERITIES = new Set(['warning', 'error']);
/** A hostile reply is a warning; a cautious one is only shown while typing. */
const TONE_SEVERITY = { hostile: 'warning', caution: 'info' };

/**
 * Test-only fault injection, documented in tests/e2e/README.md: when chrome.storage.local holds
 * `testFaults: { gateThrows: true }`, the gate throws as it reads a submission, so that the browser tests can prove
 * the submission goes through anyway; with `sessionThrows: true`, a composer's session throws as it starts
 * (main.js), so that they can prove the composer is left to the site. Pages cannot write the extension's storage
 * (only the extension itself and a test harness driving its service worker can), and the faults can only make
 * Stratège let a post through or leave a composer alone.
 */
export const FAULTS_KEY = 'testFaults';

/**
 * The problems of a review the gate lists, in text order: `{ kind, severity, start, end, text, suggestion?,
 * hold }`, from `report.problems` and the reply tone, keeping warnings and errors whose kind the user has not set
 * to ignore (`actions`: kind → 'hold' | 'note' | 'ignore'; unknown kinds hold) and that the user has not
 * dismissed in the composer (`dismissed(problem)` → true). The gate opens when one of them holds.
 */
export function gateItems(report, text, actions, dismissed = () => false) {
  const items = [];
  for (const problem of report.problems || []) {
    items.push({
      kind: problem.kind,
      severity: problem.severity,
      start: problem.start ?? 0,
      end: problem.end ?? 0,
      suggestion: problem.suggestion,
    });
  }
  const tone = report.tone;
  if (tone?.checked && TONE_SEVERITY[tone.level]) {
    const first = (tone.reasons || []).filter((r) => r.end > r.start).sort((a, b) => a.start - b.start)[0];
    items.push({
      kind: 'tone',
      severity: TONE_SEVERITY[tone.level],
      level: tone.level,
      start: first?.start ?? 0,
      end: first?.end ?? 0,
    });
  }
  const action = (kind) => actions?.[kind] ?? 'hold';
  return items
    .filter((item) => HOLDING_SEVERITIES.has(item.severity) && action(item.kind) !== 'ignore')
    .map((item) => ({ ...item, text: text.slice(item.start, item.end), hold: action(item.kind) === 'hold' }))
    .filter((item) => !dismissed(item))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether a key event is one of a composer's keyboard submits (`keys` of data/sites.json). */
export function isSubmitKey(keys, event) {
  if (event.isComposing) return false;
  return (keys || []).some((rule) => {
    if (event.key !== rule.key) return false;
    if (rule.modifier === 'ctrl-or-meta') return (event.ctrlKey || event.metaKey) && !event.altKey;
    return !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
  });
}

/** The submit button of `submit` (data/sites.json) that `element` is in, or null. */
export function submitButton(submit, element) {
  const button = submit?.buttons ? element.closest(submit.buttons) : null;
  if (!button || !submit.labels) return button;
  const names = [button.getAttribute('aria-label'), button.textContent].map((s) => (s || '').trim());
  return names.some((name) => submit.labels.includes(name)) ? button : null;
}

export class SubmitGate {
  /**
   * @param {{ sessionAt(element: Element): object | null, sessionNear(element: Element): object | null }} sessions
   *   the composer sessions: the one whose editor holds an element, the one nearest a button
   * @param {object} site the site adapter, whose composer rules say how each composer submits
   * @param {() => object} settings the current settings (`gate`: kind → action)
   */
  constructor(sessions, site, settings) {
    this.sessions = sessions;
    this.buttons = site.composers
      .map((rule) => rule.submit?.buttons)
      .filter(Boolean)
      .join(', ');
    this.settings = settings;
    this.faults = {};
    this.bypass = false; // true while Stratège replays a held submission: that one goes through
    this.checking = new WeakSet(); // sessions whose held submission waits for a new review
    this.onClick = (event) => this.intercept(event, 'click');
    this.onKey = (event) => this.intercept(event, 'key');
    this.onFaults = (changes, area) => {
      if (area === 'local' && changes[FAULTS_KEY]) this.faults = changes[FAULTS_KEY].newValue || {};
    };
  }

  start() {
    addEventListener('click', this.onClick, true);
    addEventListener('keydown', this.onKey, true);
    chrome.storage.local.get(FAULTS_KEY).then((stored) => {
      this.faults = stored[FAULTS_KEY] || {};
    });
    chrome.storage.onChanged.addListener(this.onFaults);
  }

  stop() {
    removeEventListener('click', this.onClick, true);
    removeEventListener('keydown', this.onKey, true);
    chrome.storage.onChanged.removeListener(this.onFaults);
  }

  /**
   * The capture-phase listener. Synchronous up to the decision: a clean, fresh report lets the event go on at once;
   * a report with holding problems stops it and opens the dialog; a stale one stops it and checks again first.
   */
  intercept(event, type) {
    if (this.bypass || !(event.target instanceof Element)) return;
    let found;
    try {
      found = type === 'click' ? this.clickedSubmit(event) : this.keyedSubmit(event);
      if (!found) return;
      if (this.faults.gateThrows) throw new Error('Stratège test fault: the gate throws');
      found.verdict = found.session.gateVerdict(this.settings().gate);
    } catch (error) {
      console.warn('Stratège let a post through after an error:', error);
      return;
    }
    const { session, verdict } = found;
    if (verdict.state === 'clean' && !this.checking.has(session)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    // A second press while the first one is checked again is the same submission: it goes (or is held) once.
    if (this.checking.has(session)) return;
    const replay = this.replayOf(event, type, found);
    if (verdict.state === 'hold') {
      this.open(session, verdict.items, replay);
      return;
    }
    this.checking.add(session);
    session
      .recheck(this.settings().gate, RECHECK_BUDGET_MS)
      .finally(() => this.checking.delete(session))
      .then((next) => (next.state === 'hold' ? this.open(session, next.items, replay) : replay()))
      .catch(() => replay());
  }

  clickedSubmit(event) {
    if (!this.buttons || !event.target.closest(this.buttons)) return null;
    const session = this.sessions.sessionNear(event.target);
    const button = session && submitButton(session.rule.submit, event.target);
    return button ? { session, button } : null;
  }

  keyedSubmit(event) {
    const session = this.sessions.sessionAt(event.target);
    return session && isSubmitKey(session.rule.submit?.keys, event) ? { session } : null;
  }

  open(session, items, replay) {
    try {
      session.openGate(items, replay);
    } catch (error) {
      console.warn('Stratège let a post through after an error:', error);
      replay();
    }
  }

  /**
   * The held submission, replayed once: the same button clicked again (found again near the editor if the site
   * re-rendered it, as Facebook does when its comment box loses focus), or the same key pressed in the editor.
   */
  replayOf(event, type, { session, button }) {
    const key = type === 'key' && {
      key: event.key,
      code: event.code,
      keyCode: event.keyCode,
      which: event.which,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
    };
    const target = event.target;
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      const editor = session.editor;
      // The dialog took the focus (and gave it to the page when it closed): give it back to the composer first,
      // and let the site re-render what depends on it (Facebook shows its comment button only then).
      const focus = document.activeElement;
      if (editor.isConnected && (!focus || focus === document.body || focus.localName === 'stratege-ui')) {
        editor.focus({ preventScroll: true });
        await new Promise((resolve) => setTimeout(resolve));
      }
      const pass = (fire) => {
        this.bypass = true;
        try {
          fire();
        } finally {
          this.bypass = false;
        }
      };
      if (key) {
        const on = target.isConnected ? target : editor;
        pass(() =>
          on.dispatchEvent(new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true, composed: true })),
        );
      } else {
        const again = button.isConnected ? button : session.findSubmitButton();
        if (again) pass(() => again.click());
      }
    };
  }
}
