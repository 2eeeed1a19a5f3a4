// From a review report to what the page shows: the marks (one per flagged hashtag, one per tone reason), how
// they follow edits made after the review, and the contents of their cards in plain words, in the interface's
// language (the tone tips come from the core, asked for that language: `ui_lang`).

import { msg } from '../shared/i18n.js';

/**
 * The kinds of a hashtag's problems (the core's `HashtagProblemKind`, report.rs), most serious first: when a
 * hashtag has several, its mark shows the first. The mark's `data-kind` is the report's problem kind,
 * `hashtag-<kind>`. `title()` names the kind; `line(mark, problem)` says what is wrong.
 */
export const HASHTAG_KINDS = Object.freeze([
  {
    kind: 'spelling',
    title: () => msg('hashtagSpelling'),
    line: (mark, p) => msg('hashtagSpellingLine', mark.text, p.suggestion),
  },
  {
    kind: 'broken',
    title: () => msg('hashtagBroken'),
    line: (mark, p) => msg('hashtagBrokenLine', mark.text, p.suggestion),
  },
  {
    kind: 'duplicate',
    title: () => msg('hashtagDuplicate'),
    line: (mark) => msg('hashtagDuplicateLine', mark.text),
  },
  {
    kind: 'limit',
    title: () => msg('hashtagLimit'),
    line: (mark) => msg('hashtagLimitLine', mark.text, mark.position, mark.limit),
  },
  {
    kind: 'readability',
    title: () => msg('hashtagReadability'),
    line: (mark, p) => msg('hashtagReadabilityLine', mark.text, p.suggestion),
  },
]);
const HASHTAG_ORDER = HASHTAG_KINDS.map((k) => k.kind);
const hashtagKind = (kind) => HASHTAG_KINDS.find((k) => k.kind === kind);
const hashtagTitle = (kind) => hashtagKind(kind)?.title() ?? kind;
/** The core's tone reason kinds (src/tone/kinds.rs), in words. */
const TONE_LABELS = {
  insult: () => msg('toneKindInsult'),
  profanity: () => msg('toneKindProfanity'),
  contempt: () => msg('toneKindContempt'),
  blame: () => msg('toneKindBlame'),
  threat: () => msg('toneKindThreat'),
  shouting: () => msg('toneKindShouting'),
  punctuation: () => msg('toneKindPunctuation'),
  sarcasm: () => msg('toneKindSarcasm'),
  dismissive: () => msg('toneKindDismissive'),
  offensive: () => msg('toneKindOffensive'),
};

/**
 * The report without the problems of the checks the user switched off (`checks`: kind → on, settings.js CHECKS;
 * a kind not listed stays): neither marked, nor carded, nor held.
 */
export function withChecks(report, checks) {
  const on = (kind) => checks?.[kind] !== false;
  return {
    ...report,
    hashtags: (report.hashtags || []).map((tag) => ({
      ...tag,
      problems: (tag.problems || []).filter((p) => on(`hashtag-${p.kind}`)),
    })),
    problems: (report.problems || []).filter((p) => on(p.kind)),
    hashtags_not_checked: on('hashtag-spelling') ? report.hashtags_not_checked || 0 : 0,
  };
}

/** The marks of a review of `text`: `{ kind, start, end, text, label, ... }`, sorted by position. */
export function marksOf(report, text) {
  const marks = [];
  const tags = report.hashtags || [];
  // The limit is how many hashtags come before the first one past it.
  const limit = tags.findIndex((tag) => (tag.problems || []).some((p) => p.kind === 'limit'));
  for (const [index, tag] of tags.entries()) {
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
      // Worded when read (a mark drawn, a card): a pasted list of thousands of tags is marked without a
      // message lookup per tag.
      get label() {
        return msg('markLabel', hashtagTitle(top), tag.tag);
      },
      tag,
      problems,
      position: index + 1,
      limit,
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
        label: msg('markLabel', toneLabel(reason.kind), text.slice(reason.start, reason.end)),
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
  return TONE_LABELS[kind]?.() ?? kind;
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
      // Copied with its accessors: a label not read yet stays unworded.
      const moved = Object.defineProperties({}, Object.getOwnPropertyDescriptors(mark));
      out.push(Object.assign(moved, { start: mark.start + delta, end: mark.end + delta }));
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
    lines.push(hashtagKind(problem.kind)?.line(mark, problem) ?? hashtagTitle(problem.kind));
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
    actions.push({ label: msg('cardAddWord', word), run: () => addWord(word) });
  }
  return { title: hashtagTitle(mark.problems[0].kind), lines, actions };
}

/** The card of the tone indicator (all reasons) or of one tone mark: why, the words, and a calmer phrasing. */
export function toneCard(tone, reasons) {
  const title = tone.level === 'hostile' ? msg('cardToneHostile') : msg('cardToneCaution');
  const lines = [];
  for (const reason of reasons) {
    const parts = [{ strong: toneLabel(reason.kind) }];
    if (reason.text) parts.push(msg('cardToneWords', reason.text));
    lines.push({ parts });
    if (reason.tip) lines.push({ className: 'tip', parts: [reason.tip] });
  }
  if (!reasons.length) lines.push(msg('cardToneWhole'));
  return { title, lines, actions: [] };
}
