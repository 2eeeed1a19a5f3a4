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

/**
 * Puts the words into a page: an element's `data-i18n` key becomes its text (with the facts named in its
 * `data-facts`, space-separated, as the substitutions: `fact(name)` gives each), a `data-i18n-label` key its
 * aria-label; the document takes the interface's language.
 */
export function localize(root, fact = (name) => name) {
  document.documentElement.lang = uiLanguage();
  for (const element of root.querySelectorAll('[data-i18n]')) {
    const facts = (element.dataset.facts || '').split(' ').filter(Boolean).map(fact);
    element.textContent = msg(element.dataset.i18n, ...facts);
  }
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', msg(element.dataset.i18nLabel));
  }
}
