// The one settings store of Stratège (chrome.storage.local), shared by the content script, popup and options page.

/** Defaults: every site on, no X Premium. Later capabilities add their keys here. */
export const DEFAULTS = Object.freeze({
  premium: false,
  sites: Object.freeze({ x: true, facebook: true, instagram: true }),
});

const KEY = 'settings';

/** Merges stored values over the defaults, one level deep, so a new key always has a value. */
export function withDefaults(stored) {
  const merged = { ...DEFAULTS, ...(stored || {}) };
  for (const [key, value] of Object.entries(DEFAULTS)) {
    if (value && typeof value === 'object') merged[key] = { ...value, ...((stored || {})[key] || {}) };
  }
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

/** Calls `listener(settings)` whenever the settings change, in any tab or page. */
export function onSettingsChanged(listener) {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[KEY]) listener(withDefaults(changes[KEY].newValue));
  });
}
