// From a review report to what the page shows: the marks (one per flagged hashtag, one per tone reason), how
// they follow edits made after the review, and the contents of their cards in plain words.

/**
 * The kinds of a hashtag's problems (the core's `HashtagProblemKind`, report.rs), most serious first: when a
 * hashtag has several, its mark shows the first. The mark's `data-kind` is the report's problem kind,
 * `hashtag-<kind>`.
 */
export const HASHTAG_KINDS = Object.freeze([
  { kind: 'spelling', title: 'Hashtag spelling' },
  { kind: 'broken', title: 'Hashtag cut short' },
  { kind: 'duplicate', title: 'Repeated hashtag' },
  { kind: 'limit', title: 'Too many hashtags' },
  { kind: 'readability', title: 'Hashtag readability' },
]);
const HASHTAG_ORDER = HASHTAG_KINDS.map((k) => k.kind);
const hashtagTitle = (kind) => HASHTAG_KINDS.find((k) => k.kind === kind)?.title;
const TONE_LABELS = {
  insult: 'Insult',
  profanity: 'Strong language',
  contempt: 'Condescension',
  blame: 'Blame',
  threat: 'Threat',
  shouting: 'Shouting',
  punctuation: 'Aggressive punctuation',
  sarcasm: 'Sarcasm',
  dismissive: 'Dismissive',
};

/** The marks of a review of `text`: `{ kind, start, end, text, label, ... }`, sorted by position. */
export function marksOf(report, text) {
  const marks = [];
  for (const tag of report.hashtags || []) {
    const problems = [...(tag.problems || [])].sort(
      (a, b) => rank(HASHTAG_ORDER, a.kind) - rank(HASHTAG_ORDER, b.kind),
    );
    if (!problems.length) continue;
    const top = problems[0].kind;
    marks.push({
      kind: `hashtag-${top}`,
      start: tag.start,
      end: tag.end,
      text: tag.tag,
      label: `${hashtagTitle(top) || top}: ${tag.tag}`,
      tag,
      problems,
    });
  }
  const tone = report.tone;
  if (tone?.checked && tone.level !== 'ok') {
    for (const reason of tone.reasons || []) {
      if (reason.end <= reason.start) continue;
      marks.push({
        kind: 'tone',
        start: reason.start,
        end: reason.end,
        text: text.slice(reason.start, reason.end),
        label: `${toneLabel(reason.kind)}: ${text.slice(reason.start, reason.end)}`,
        reason,
      });
    }
  }
  return marks.sort((a, b) => a.start - b.start || a.end - b.end);
}

function rank(order, kind) {
  const i = order.indexOf(kind);
  return i < 0 ? order.length : i;
}

function toneLabel(kind) {
  return TONE_LABELS[kind] || kind.charAt(0).toUpperCase() + kind.slice(1);
}

/**
 * Marks of `before` moved into `after`: the edit is the span between their common prefix and suffix; marks
 * wholly before it stay, marks wholly after it shift by the change in length, marks it touches are dropped.
 */
export function shiftMarks(marks, before, after) {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const out = [];
  const joins = (c) => c !== undefined && /[\p{L}\p{N}\p{M}_&]/u.test(c);
  for (const mark of marks) {
    // Text typed right against a mark may join its word ("#tag" + "s", "a" + "#tag"): that mark goes too.
    if (mark.end < prefix || (mark.end === prefix && !joins(after[prefix]))) out.push(mark);
    else if (mark.start > editEnd || (mark.start === editEnd && !joins(after[mark.start + delta - 1]))) {
      out.push({ ...mark, start: mark.start + delta, end: mark.end + delta });
    }
  }
  return out;
}

/** The card of a flagged hashtag: every problem in plain words, its fixes, and "add to my dictionary". */
export function hashtagCard(mark, { apply, addWord }) {
  const lines = [];
  const actions = [];
  const seen = new Set();
  for (const problem of mark.problems) {
    lines.push(problem.message || `${hashtagTitle(problem.kind) || problem.kind}.`);
    if (problem.suggestion && !seen.has(problem.suggestion)) {
      seen.add(problem.suggestion);
      actions.push({
        label: problem.suggestion,
        value: problem.suggestion,
        stratege: 'apply',
        primary: actions.length === 0,
        run: () => apply(problem.suggestion),
      });
    }
  }
  if (mark.problems.some((p) => p.kind === 'spelling')) {
    const word = mark.text.replace(/^[#＃]/, '');
    actions.push({ label: `Add “${word}” to my dictionary`, run: () => addWord(word) });
  }
  return { title: hashtagTitle(mark.problems[0].kind) || 'Hashtag', lines, actions };
}

/** The card of the tone indicator (all reasons) or of one tone mark: why, the words, and a calmer phrasing. */
export function toneCard(tone, reasons) {
  const title = tone.level === 'hostile' ? 'This reply may read as hostile' : 'Check the tone of this reply';
  const lines = [];
  for (const reason of reasons) {
    const parts = [{ strong: toneLabel(reason.kind) }];
    if (reason.text) parts.push(`: “${reason.text}”`);
    if (reason.message) parts.push(` — ${reason.message}`);
    lines.push({ parts });
    if (reason.tip) lines.push({ className: 'tip', parts: [reason.tip] });
  }
  if (!reasons.length) lines.push('The wording as a whole reads as hostile.');
  return { title, lines, actions: [] };
}
