// The languages Stratège checks: those with a hashtag lexicon (data/hashtags/<lang>/, packed by `make build` into
// dist/chrome/lexicon/<lang>.bin) and a tone model. Shared by the settings and the review Worker, which loads each.

/** The core's languages, in the order the review Worker loads their lexicons. */
export const LEXICON_LANGUAGES = Object.freeze(['en', 'fr']);
