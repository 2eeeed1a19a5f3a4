// The review lane's own thread: a dedicated Worker that holds the `Checker` with the spelling dictionaries (loaded
// once, at the first review) and the user's words, and answers full reviews (hashtag spelling, tone), so that a
// long review never holds up the counter's `count` checks, answered by the extension's background (worker.js).
// Started by review-lane.js: from Firefox's event page directly, from Chrome's service worker through an
// offscreen document (review-host.js; a service worker cannot start a Worker). Messages: `{dictionary}` sets the
// user's words; `{id, text, options}` answers `{id, report}` or `{id, error}`.

import init, { Checker } from './pkg/stratege.js';
import { LEXICON_LANGUAGES } from './shared/languages.js';

/**
 * Time one review may spend judging hashtags anew (ms): the tags not reached by then are reported `not_checked:
 * "time-budget"`, the verdicts reached are kept, and the composer asks again at once, so that a pasted list of
 * thousands is judged in slices whose answers show progress, while each review of a usual post (a few tags, about
 * 1 ms each) is whole. A little under twice the pause after which a review starts (content/composer.js REVIEW_DELAY_MS).
 */
const REVIEW_BUDGET_MS = 250;

const ready = init({ module_or_path: new URL('./pkg/stratege_bg.wasm', import.meta.url) }).then(() => new Checker());
let lexicons = null; // the loading of both dictionaries, started by the first review

/** A language whose dictionary cannot load is reviewed without spelling (the report says so), never blocked. */
const loadLexicons = (checker) =>
  Promise.allSettled(
    LEXICON_LANGUAGES.map(async (lang) => {
      const response = await fetch(new URL(`./lexicon/${lang}.bin`, import.meta.url));
      checker.load_lexicon(lang, new Uint8Array(await response.arrayBuffer()));
    }),
  );

self.onmessage = async ({ data }) => {
  if (data.dictionary) {
    (await ready).set_dictionary(data.dictionary);
    return;
  }
  const { id, text, options } = data;
  try {
    const checker = await ready;
    lexicons ??= loadLexicons(checker);
    await lexicons;
    self.postMessage({ id, report: checker.check(String(text), options || {}, REVIEW_BUDGET_MS) });
  } catch (error) {
    self.postMessage({ id, error: error?.message || String(error) });
  }
};
