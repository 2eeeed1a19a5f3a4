// The one settings store of Stratège (chrome.storage.local), shared by the content script, popup and options page.

import { platformFacts, siteIds } from './facts.js';

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

/** Merges stored values over the defaults, one level deep, so a new key always has a value. */
export function withDefaults(stored) {
  const merged = { ...DEFAULTS, ...(stored || {}) };
  for (const [key, value] of Object.entries(DEFAULTS)) {
    const own = stored?.[key];
    if (Array.isArray(value)) merged[key] = Array.isArray(own) ? [...own] : [...value];
    else if (value && typeof value === 'object') merged[key] = { ...value, ...(own || {}) };
  }
  merged.version = SETTINGS_VERSION;
  return merged;
}

export async function loadSettings() {
  const stored = await chrome.storage.local.get(KEY);
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
