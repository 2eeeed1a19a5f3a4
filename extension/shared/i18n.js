// The interface's words: every string a person sees comes from extension/_locales/<lang>/messages.json through
// chrome.i18n, which follows the browser's language (French or English; English otherwise). Keys are grouped by
// where they show: `card…`, `gate…`, `popup…`, `options…`, `media…`, `schedule…`, `notify…`.

/**
 * The message `key` in the browser's language, with `$1`…`$9` replaced by `substitutions` (strings or numbers).
 * A key missing from the locale files shows as the key itself, which tests/unit/locales.test.mjs forbids.
 */
export function msg(key, ...substitutions) {
  const text = globalThis.chrome?.i18n?.getMessage(key, substitutions.map(String));
  return text || key;
}

/** The interface's language as a BCP 47 tag the browser chose from the locales shipped (`fr` or `en`). */
export function uiLanguage() {
  return msg('@@ui_locale').startsWith('fr') ? 'fr' : 'en';
}
