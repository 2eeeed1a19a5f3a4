// The review before posting's pure rules: which problems of a report hold a post, and which keys submit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gateItems, isSubmitKey } from '../../extension/content/gate.js';

const TEXT = 'You are an idiot. #SocialMeida #tbt';
const REPORT = {
  length: { count: 35, limit: 280, over: false },
  problems: [
    { kind: 'hashtag-spelling', severity: 'warning', start: 18, end: 30, suggestion: '#SocialMedia' },
    { kind: 'hashtag-readability', severity: 'info', start: 31, end: 35, suggestion: '#Tbt' },
  ],
  tone: {
    checked: true,
    level: 'hostile',
    reasons: [
      { kind: 'shouting', start: 16, end: 17 },
      { kind: 'insult', start: 11, end: 16 },
    ],
  },
};

test('warnings, errors and a hostile tone hold, in text order; info never shows', () => {
  const items = gateItems(REPORT, TEXT, {});
  assert.deepEqual(
    items.map((i) => [i.kind, i.text, i.hold]),
    [
      ['tone', 'idiot', true],
      ['hashtag-spelling', '#SocialMeida', true],
    ],
  );
  assert.equal(items[1].suggestion, '#SocialMedia');
});

test('a kind set to ignore is left out, one set to note is listed without holding', () => {
  const items = gateItems(REPORT, TEXT, { tone: 'ignore', 'hashtag-spelling': 'note' });
  assert.deepEqual(
    items.map((i) => [i.kind, i.hold]),
    [['hashtag-spelling', false]],
  );
});

test('a cautious tone and problems the user dismissed do not hold', () => {
  const caution = { ...REPORT, problems: [], tone: { ...REPORT.tone, level: 'caution' } };
  assert.deepEqual(gateItems(caution, TEXT, {}), []);
  assert.deepEqual(
    gateItems(REPORT, TEXT, {}, (item) => item.kind === 'tone').map((i) => i.kind),
    ['hashtag-spelling'],
  );
});

test('over the limit is an error that holds', () => {
  const report = {
    length: { count: 290, limit: 280, over: true },
    problems: [{ kind: 'length', severity: 'error', start: 280, end: 290 }],
  };
  assert.deepEqual(
    gateItems(report, 'a'.repeat(290), {}).map((i) => [i.kind, i.start, i.hold]),
    [['length', 280, true]],
  );
});

test('keyboard submits: Ctrl or Cmd + Enter, or a bare Enter, never while composing', () => {
  const ctrl = [{ key: 'Enter', modifier: 'ctrl-or-meta' }];
  const bare = [{ key: 'Enter', modifier: 'none' }];
  const key = (init) => ({ key: 'Enter', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init });
  assert.equal(isSubmitKey(ctrl, key({ ctrlKey: true })), true);
  assert.equal(isSubmitKey(ctrl, key({ metaKey: true })), true);
  assert.equal(isSubmitKey(ctrl, key({})), false);
  assert.equal(isSubmitKey(bare, key({})), true);
  assert.equal(isSubmitKey(bare, key({ shiftKey: true })), false);
  assert.equal(isSubmitKey(bare, key({ isComposing: true })), false);
  assert.equal(isSubmitKey(bare, key({ key: 'a' })), false);
  assert.equal(isSubmitKey(undefined, key({})), false);
});
