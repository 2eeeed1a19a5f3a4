// chrome.i18n for unit tests in Node: getMessage reads the extension's own locale files (the language given, as
// a browser in that language would) and fills `$1`…`$9` as Chrome does; getUILanguage answers that language.
import { readFileSync } from 'node:fs';

/** Installs `globalThis.chrome.i18n` in `lang` ('en' or 'fr'); returns the messages table. */
export function installLocale(lang) {
  const table = JSON.parse(
    readFileSync(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url), 'utf8'),
  );
  globalThis.chrome = {
    ...globalThis.chrome,
    i18n: {
      getUILanguage: () => lang,
      getMessage(key, substitutions = []) {
        if (key === '@@ui_locale') return lang;
        const entry = table[key];
        if (!entry) return '';
        return entry.message.replace(/\$(\d|\$)/g, (_, n) => (n === '$' ? '$' : (substitutions[n - 1] ?? '')));
      },
    },
  };
  return table;
}
