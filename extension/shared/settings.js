// The one settings store of Stratège (chrome.storage.local), shared by the content script, popup and options page.

import { platformFacts, siteIds } from './facts.js';
import { LEXICON_LANGUAGES } from './languages.js';

/** Tone sensitivities, from quietest to most watchful. */
export const SENSITIVITIES = ['off', 'relaxed', 'strict'];

/** What a problem kind does when Post is pressed: hold the post for a review, list it only, or ignore it. */
export const GATE_ACTIONS = ['hold', 'note', 'ignore'];

/**
 * The problem kinds the review before posting knows (the core's problem kinds, report.rs, plus `tone`, the reply
 * tone), each holding the post by default. Only warnings and errors ever hold or show (contracts.md §3).
 */
export const GATE_KINDS = [
  'length',
  'hashtag-spelling',
  'hashtag-broken',
  'hashtag-duplicate',
  'hashtag-limit',
  'tone',
  'invalid-char',
  'lone-surrogate',
  'media-crop',
  'media-size',
  'media-count',
  'media-format',
  'media-alt',
];

/**
 * The checks the user can switch off one by one (the core's hashtag problem kinds); the length is always
 * measured, and the tone has its own sensitivity per site, where `off` switches it off.
 */
export const CHECKS = [
  'hashtag-spelling',
  'hashtag-broken',
  'hashtag-duplicate',
  'hashtag-limit',
  'hashtag-readability',
];

/**
 * The version of these defaults, stored with the settings: 2 added `gate`, 3 `checks`. Stored settings of an older version
 * get the new keys' defaults through `withDefaults`.
 */
export const SETTINGS_VERSION = 3;

/** Defaults: every site on, no X Premium, tone checked on replies. Later capabilities add their keys here. */
export const DEFAULTS = Object.freeze({
  version: SETTINGS_VERSION,
  premium: false,
  /** Every site of data/sites.json, on. */
  sites: Object.freeze(Object.fromEntries(siteIds().map((id) => [id, true]))),
  /** Tone sensitivity per site. */
  tone: Object.freeze(Object.fromEntries(siteIds().map((id) => [id, 'relaxed']))),
  /** Check the tone of new posts too, not only of replies and comments. */
  tonePosts: false,
  /** The language of posts: 'auto' (detected per post), 'en' or 'fr'. */
  language: 'auto',
  /** Most hashtags per Instagram post: Instagram's own rule (data/platforms.json). */
  instagramHashtagLimit: platformFacts('instagram').hashtags.max,
  /** The user's own words, never flagged as misspelt. */
  dictionary: Object.freeze([]),
  /** Each check of CHECKS, on. */
  checks: Object.freeze(Object.fromEntries(CHECKS.map((kind) => [kind, true]))),
  /** The review before posting, per problem kind: 'hold', 'note' or 'ignore' (GATE_ACTIONS). */
  gate: Object.freeze(Object.fromEntries(GATE_KINDS.map((kind) => [kind, 'hold']))),
});

const KEY = 'settings';

/** The languages a post may be set to (besides 'auto', detected per post): those the core has lexicons for. */
export const LANGUAGES = ['auto', ...LEXICON_LANGUAGES];
/** The Instagram hashtag limits a user may set: Instagram's own is 5 (data/platforms.json), its old one 30. */
export const HASHTAG_LIMIT_RANGE = [1, 30];
/** Bounds on the user's dictionary as stored: a corrupt or runaway list is cut, never sent whole to the core. */
const MAX_WORDS = 5000;
const MAX_WORD_LENGTH = 100;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Each key of `defaults` with the stored value when `valid(value)` says it is one, else the default's. */
function each(defaults, stored, valid) {
  const own = isObject(stored) ? stored : {};
  return Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, valid(own[key]) ? own[key] : value]));
}

/**
 * Stored values over the defaults, each checked against what it may be, so that storage written by an older
 * version, by hand or corrupted gives working settings: a missing, mistyped or unknown value takes its default,
 * and keys no version knows are dropped.
 */
export function withDefaults(stored) {
  const own = isObject(stored) ? stored : {};
  const flag = (key) => (typeof own[key] === 'boolean' ? own[key] : DEFAULTS[key]);
  const limit = own.instagramHashtagLimit;
  const [least, most] = HASHTAG_LIMIT_RANGE;
  const words = Array.isArray(own.dictionary) ? own.dictionary : [];
  return {
    version: SETTINGS_VERSION,
    premium: flag('premium'),
    sites: each(DEFAULTS.sites, own.sites, (v) => typeof v === 'boolean'),
    tone: each(DEFAULTS.tone, own.tone, (v) => SENSITIVITIES.includes(v)),
    tonePosts: flag('tonePosts'),
    language: LANGUAGES.includes(own.language) ? own.language : DEFAULTS.language,
    instagramHashtagLimit:
      Number.isInteger(limit) && limit >= least && limit <= most ? limit : DEFAULTS.instagramHashtagLimit,
    dictionary: words
      .filter((word) => typeof word === 'string' && word.length > 0 && word.length <= MAX_WORD_LENGTH)
      .slice(0, MAX_WORDS),
    checks: each(DEFAULTS.checks, own.checks, (v) => typeof v === 'boolean'),
    gate: each(DEFAULTS.gate, own.gate, (v) => GATE_ACTIONS.includes(v)),
  };
}

/** The stored settings, or the defaults where the browser cannot read its storage. */
export async function loadSettings() {
  const stored = await chrome.storage.local.get(KEY).catch(() => ({}));
  return withDefaults(stored[KEY]);
}

/** Saves a partial change (merged over the current settings) and returns the new settings. */
export async function saveSettings(change) {
  const current = await loadSettings();
  const next = withDefaults({ ...current, ...change });
  await chrome.storage.local.set({ [KEY]: next });
  return next;
}

/** Adds a word to the user's dictionary unless it is there already (in any case). */
export async function addToDictionary(word) {
  const current = await loadSettings();
  if (current.dictionary.some((w) => w.toLowerCase() === word.toLowerCase())) return current;
  return saveSettings({ dictionary: [...current.dictionary, word] });
}

/** Calls `listener(settings)` whenever the settings change, in any tab or page. */
export function onSettingsChanged(listener) {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[KEY]) listener(withDefaults(changes[KEY].newValue));
  });
}
