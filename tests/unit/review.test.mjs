// The content script's pure review logic: which marks a report yields and how they follow later edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  HASHTAG_KINDS,
  hashtagCard,
  marksOf,
  shiftMarks,
  toneCard,
  withChecks,
} from '../../extension/content/review.js';
import { installLocale } from '../support/i18n.mjs';

installLocale('en');

const TEXT = 'Tips for #SocialMeida managers #marketing';
const REPORT = {
  hashtags: [
    {
      tag: '#SocialMeida',
      start: 9,
      end: 21,
      problems: [{ kind: 'readability' }, { kind: 'spelling', suggestion: '#SocialMedia', message: 'Misspelt' }],
    },
    { tag: '#marketing', start: 31, end: 41, problems: [] },
  ],
  tone: {
    checked: true,
    level: 'hostile',
    score: 0.9,
    reasons: [
      { kind: 'insult', start: 0, end: 4 },
      { kind: 'shouting', start: 5, end: 5 },
    ],
  },
};

test('one mark per flagged hashtag, of its most serious kind, and one per tone reason with a span', () => {
  const marks = marksOf(REPORT, TEXT);
  assert.deepEqual(
    marks.map((m) => [m.kind, m.start, m.end, m.text]),
    [
      ['tone', 0, 4, 'Tips'],
      ['hashtag-spelling', 9, 21, '#SocialMeida'],
    ],
  );
});

test('no tone marks when tone is ok or was not checked', () => {
  for (const tone of [
    { ...REPORT.tone, level: 'ok' },
    { ...REPORT.tone, checked: false },
  ]) {
    assert.ok(marksOf({ ...REPORT, tone }, TEXT).every((m) => m.kind !== 'tone'));
  }
});

test('marks before an edit stay, after it shift, and the ones it touches go', () => {
  const marks = [
    { kind: 'a', start: 0, end: 4, text: 'Tips' },
    { kind: 'b', start: 9, end: 21, text: '#SocialMeida' },
    { kind: 'c', start: 31, end: 41, text: '#marketing' },
  ];
  const insertedBefore = 'Great tips for #SocialMeida managers #marketing';
  assert.deepEqual(
    shiftMarks(marks, TEXT, TEXT.replace('for', 'for all')).map((m) => [m.kind, m.start, m.end]),
    [
      ['a', 0, 4],
      ['b', 13, 25],
      ['c', 35, 45],
    ],
  );
  // Text typed right against a mark may join it ("a#tag" is no hashtag): that mark goes until the next review.
  assert.deepEqual(
    shiftMarks(marks, TEXT, `New${TEXT}`).map((m) => m.kind),
    ['b', 'c'],
  );
  assert.deepEqual(
    shiftMarks(marks, TEXT, `New: ${TEXT}`).map((m) => m.kind),
    ['a', 'b', 'c'],
  );
  assert.deepEqual(
    shiftMarks(marks, TEXT, insertedBefore).map((m) => [m.kind, m.start]),
    [
      ['b', 15],
      ['c', 37],
    ],
  );
  // Typing into a tag or right after it drops its mark (the tag changed); typing after a space keeps it.
  assert.deepEqual(
    shiftMarks(marks, TEXT, TEXT.replace('Meida', 'Meidaa')).map((m) => m.kind),
    ['a', 'c'],
  );
  assert.deepEqual(
    shiftMarks(marks, TEXT, `${TEXT}s`).map((m) => m.kind),
    ['a', 'b'],
  );
  assert.deepEqual(
    shiftMarks(marks, TEXT, `${TEXT} `).map((m) => m.kind),
    ['a', 'b', 'c'],
  );
});

test('a hashtag card offers each distinct fix, "add to my dictionary" for spelling, in plain words', () => {
  const [, mark] = marksOf(REPORT, TEXT);
  const applied = [];
  const added = [];
  const card = hashtagCard(mark, { apply: (v) => applied.push(v), addWord: (w) => added.push(w) });
  assert.equal(card.title, 'Hashtag spelling');
  const apply = card.actions.filter((a) => a.stratege === 'apply');
  assert.deepEqual(
    apply.map((a) => a.value),
    ['#SocialMedia'],
  );
  apply[0].run();
  card.actions.find((a) => /dictionary/.test(a.label)).run();
  assert.deepEqual(applied, ['#SocialMedia']);
  assert.deepEqual(added, ['SocialMeida']);
  assert.ok(card.lines.includes('#SocialMeida looks misspelt: did you mean #SocialMedia?'), card.lines.join('|'));
});

test('a tone card lists each reason with its words and tip', () => {
  const card = toneCard({ level: 'hostile' }, [
    { kind: 'contempt', text: 'learn to read', tip: 'Point to the detail instead.' },
  ]);
  assert.match(card.title, /hostile/);
  assert.deepEqual(card.lines[0].parts, [{ strong: 'Condescension' }, ': “learn to read”']);
  assert.deepEqual(card.lines[1].parts, ['Point to the detail instead.']);
});

test("the hashtag kinds are the core's, each with a title", () => {
  const report = readFileSync(new URL('../../src/report.rs', import.meta.url), 'utf8');
  const body = report.match(/pub enum HashtagProblemKind \{([^}]*)\}/)[1];
  const core = [...body.matchAll(/^\s*(\w+),/gm)].map((m) => m[1].toLowerCase());
  assert.ok(core.length >= 5, 'the enum is read');
  assert.deepEqual(HASHTAG_KINDS.map((k) => k.kind).sort(), core.sort());
  assert.ok(HASHTAG_KINDS.every((k) => k.title() && !k.title().startsWith('hashtag')));
});

test('a mark of each hashtag kind has the data-kind of the report problem, hashtag-<kind>', () => {
  for (const { kind, title } of HASHTAG_KINDS) {
    const report = { hashtags: [{ tag: '#a', start: 0, end: 2, problems: [{ kind }] }] };
    const [mark] = marksOf(report, '#a');
    assert.equal(mark.kind, `hashtag-${kind}`);
    assert.equal(mark.label, `${title()}: #a`);
  }
});

test('cards speak the interface language: French words, French quotes, the limit from the report', () => {
  installLocale('fr');
  try {
    const report = {
      hashtags: ['#a', '#b', '#c'].map((tag, i) => ({
        tag,
        start: i * 3,
        end: i * 3 + 2,
        problems: i === 2 ? [{ kind: 'limit', message: 'English from the core' }] : [],
      })),
    };
    const [mark] = marksOf(report, '#a #b #c');
    assert.equal(mark.label, 'Trop de hashtags\u00a0: #c');
    assert.deepEqual(hashtagCard(mark, {}).lines, ['#c est le hashtag n° 3 : la limite est de 2 par message.']);
    const tone = toneCard({ level: 'hostile' }, [{ kind: 'insult', text: 'idiot', tip: 'Conseil du cœur' }]);
    assert.equal(tone.title, 'Cette réponse peut paraître hostile');
    assert.deepEqual(tone.lines[0].parts, [{ strong: 'Insulte' }, '\u00a0: «\u00a0idiot\u00a0»']);
  } finally {
    installLocale('en');
  }
});

test('a check switched off leaves no mark and no problem; the others stay', () => {
  const report = {
    ...REPORT,
    problems: [
      { kind: 'hashtag-spelling', severity: 'warning' },
      { kind: 'length', severity: 'error' },
    ],
  };
  const off = withChecks(report, { 'hashtag-spelling': false });
  assert.deepEqual(
    off.problems.map((p) => p.kind),
    ['length'],
  );
  const marks = marksOf(off, TEXT);
  assert.deepEqual(
    marks.map((m) => m.kind),
    ['tone', 'hashtag-readability'],
  );
  assert.deepEqual(
    marksOf(withChecks(report, {}), TEXT).map((m) => m.kind),
    ['tone', 'hashtag-spelling'],
  );
});
