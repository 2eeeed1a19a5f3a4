//! The hashtags of a post as the checks read them: found per platform, located in UTF-16 offsets, split into words
//! and judged for spelling with the lexicons given (`crate::checks` turns them into problems: spelling,
//! readability, duplicates, the per-post limit, tags cut short). Without a lexicon, tags are still found and say
//! their spelling was not checked.

mod accents;
mod affixes;
mod allowlist;
mod case;
mod dictionary;
mod extract;
pub mod fuzzy;
pub mod lexicon;
pub mod packed;
mod phrases;
mod segment;
mod spelling;
pub mod words;

pub use case::camel_case;

use std::collections::{HashMap, VecDeque};

use crate::lang::Lang;
use crate::platform::Platform;
use crate::report::{Hashtag, NotChecked};
use crate::text::Utf16Cursor;
use crate::twitter::entities::Entities;
use lexicon::Lexicon;
use spelling::Judgement;

/// Longest tag body whose spelling is checked, in characters: beyond, no split is attempted (bounded time).
pub const MAX_CHECKED_CHARS: usize = 60;
/// Most hashtags whose spelling is judged in one check; the rest are `not_checked: too-many`. Far above what any
/// platform takes or advises (Instagram 5, X 2: data/platforms.json), it bounds a pasted list of thousands: one
/// tag of 60 random letters costs about 70 ms in wasm (README, hashtag figures), so 100 stay within seconds.
pub const MAX_JUDGED_TAGS: usize = 100;
/// Verdicts kept between checks (`Verdicts`): well above `MAX_JUDGED_TAGS`, about 2 MB at 60-letter tags.
pub const MAX_KEPT_VERDICTS: usize = 4_096;

/// How much one check may judge: at most `MAX_JUDGED_TAGS` tags, and no new verdict once `expired` says the time
/// given is up (the caller's clock: the core has none). Kept verdicts are used whatever the time.
pub struct Budget<'a> {
    pub expired: &'a dyn Fn() -> bool,
}

impl Budget<'_> {
    /// No time limit (the CLI, tests): only the number of tags is bounded.
    pub const UNTIMED: Budget<'static> = Budget { expired: &|| false };
}

/// The spelling verdicts of tags already judged, so that the checks of a text being typed do not judge its tags
/// again, and a check cut by its time goes on where it stopped. Keyed by the tag body and how it was judged (the
/// lexicons' order, the post's language known); valid for one set of lexicons and user words (the `Checker`
/// empties it when they change). The oldest are dropped past `MAX_KEPT_VERDICTS`.
#[derive(Default)]
pub struct Verdicts {
    kept: HashMap<VerdictKey, Judgement>,
    order: VecDeque<VerdictKey>,
}

type VerdictKey = (String, Option<Lang>, bool);

impl Verdicts {
    pub fn clear(&mut self) {
        self.kept.clear();
        self.order.clear();
    }

    fn get(&self, key: &VerdictKey) -> Option<&Judgement> {
        self.kept.get(key)
    }

    fn keep(&mut self, key: VerdictKey, judgement: Judgement) {
        if self.kept.len() >= MAX_KEPT_VERDICTS {
            if let Some(oldest) = self.order.pop_front() {
                self.kept.remove(&oldest);
            }
        }
        if self.kept.insert(key.clone(), judgement).is_none() {
            self.order.push_back(key);
        }
    }
}

/// One hashtag of a post.
#[derive(Clone, Debug)]
pub struct Tag {
    /// As written, `#` included.
    pub tag: String,
    /// UTF-16 offsets of the tag in the post.
    pub start: usize,
    pub end: usize,
    /// The tag without its `#`, lowercase: hashtags ignore case.
    pub lower: String,
    /// Its words, lowercase and corrected (`#socialmeidatips` → social, media, tips); empty when not split.
    pub words: Vec<String>,
    /// Every word is a dictionary word or a number: the tag can be offered in CamelCase.
    pub words_known: bool,
    /// The corrected tag body, in the case style typed, when it looks misspelt.
    pub fix: Option<String>,
    /// Whether the spelling was judged (false: no lexicon loaded, another script, or `not_checked`).
    pub spelling_checked: bool,
    /// Why a tag the lexicons could judge was not (the check's bounds).
    pub not_checked: Option<NotChecked>,
    /// The tag stops at an apostrophe or a hyphen inside a word (`#don't` is only #don).
    pub cut: Option<Cut>,
}

impl Tag {
    /// The tag as the report lists it, before the checks add its problems.
    pub fn to_report(&self) -> Hashtag {
        Hashtag {
            tag: self.tag.clone(),
            start: self.start,
            end: self.end,
            problems: Vec::new(),
            words: self.words.clone(),
            spelling_checked: self.spelling_checked,
            not_checked: self.not_checked,
        }
    }
}

/// Where the word a tag was cut from ends.
#[derive(Clone, Debug)]
pub struct Cut {
    /// UTF-16 offset of the end of the word meant.
    pub end: usize,
    /// The word meant, `#` included (`#don't`).
    pub meant: String,
    /// "apostrophe" or "hyphen".
    pub connector: &'static str,
}

/// The hashtags of a post and the languages whose lexicon judged them.
#[derive(Default)]
pub struct Tags {
    pub tags: Vec<Tag>,
    /// Empty when no lexicon was loaded for the post's languages, or when the post has no hashtag.
    pub languages: Vec<Lang>,
}

/// A word of the user's dictionary as tags are compared with it: without `#`, lowercase.
pub fn dictionary_word(word: &str) -> String {
    word.trim_start_matches(['#', '＃']).to_lowercase()
}

/// Letters of the scripts the lexicons cover (Latin with its accents), digits and `_`: anything else is not judged.
fn is_checkable(body: &str) -> bool {
    body.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || (c.is_alphabetic() && ('\u{C0}'..='\u{24F}').contains(&c)))
}

/// Finds and reads the hashtags of the text of `entities` (the entity scan the whole check shares) on `platform`, a
/// post in `post_lang` (None: unknown). `lexicon` gives the loaded lexicon of a language; `users` says whether a
/// lowercase word is one of the user's (never flagged). Spelling is judged within `budget`, with the verdicts of `kept`
/// (None: none kept, none used).
pub fn read<'a>(
    entities: &Entities,
    platform: Platform,
    post_lang: Option<Lang>,
    lexicon: impl Fn(Lang) -> Option<&'a Lexicon>,
    users: &dyn Fn(&str) -> bool,
    budget: &Budget,
    mut kept: Option<&mut Verdicts>,
) -> Tags {
    let text = entities.text();
    let found = extract::hashtags(platform, entities);
    if found.is_empty() {
        return Tags::default();
    }
    let order = match post_lang {
        Some(Lang::Fr) => [Lang::Fr, Lang::En],
        _ => [Lang::En, Lang::Fr],
    };
    let lexicons: Vec<&Lexicon> = order.into_iter().filter_map(lexicon).collect();
    let known_lang = post_lang.is_some_and(|l| lexicons.first().is_some_and(|lex| lex.lang == l));
    let accepted = |lower: &str| allowlist::contains(lower) || users(lower);

    let mut cursor = Utf16Cursor::new(text);
    let mut tags = Vec::with_capacity(found.len());
    let mut judged = 0;
    for f in &found {
        let tag = &text[f.start..f.end];
        let body = &tag[tag.chars().next().map_or(0, char::len_utf8)..];
        let (start, end) = (cursor.at(f.start), cursor.at(f.end));
        let lower = body.to_lowercase();
        let without_digits: String = lower.chars().filter(|c| !c.is_numeric()).collect();
        let whole_accepted = accepted(&lower) || accepted(&without_digits);
        let unjudged = || Judgement { words: Vec::new(), fix: None, words_known: false };
        let (spelling, not_checked) = if whole_accepted {
            (Judgement { words: vec![lower.clone()], fix: None, words_known: true }, None)
        } else if lexicons.is_empty() || !is_checkable(body) {
            (unjudged(), None)
        } else if body.chars().count() > MAX_CHECKED_CHARS {
            (unjudged(), Some(NotChecked::TooLong))
        } else if judged >= MAX_JUDGED_TAGS {
            (unjudged(), Some(NotChecked::TooMany))
        } else {
            let key = (body.to_owned(), lexicons.first().map(|l| l.lang), known_lang);
            match kept.as_deref().and_then(|k| k.get(&key)) {
                Some(verdict) => {
                    judged += 1;
                    (verdict.clone(), None)
                }
                None if (budget.expired)() => (unjudged(), Some(NotChecked::TimeBudget)),
                None => {
                    judged += 1;
                    let verdict = spelling::judge(&lexicons, body, known_lang, &accepted);
                    if let Some(k) = kept.as_deref_mut() {
                        k.keep(key, verdict.clone());
                    }
                    (verdict, None)
                }
            }
        };
        let checkable = !lexicons.is_empty() && is_checkable(body) && not_checked.is_none();
        let cut = f.cut_end.map(|cut_end| Cut {
            end: cursor.at(cut_end),
            meant: text[f.start..cut_end].to_owned(),
            connector: match text[f.end..].chars().next() {
                Some('-') => "hyphen",
                _ => "apostrophe",
            },
        });
        tags.push(Tag {
            tag: tag.to_owned(),
            start,
            end,
            lower,
            words: spelling.words,
            words_known: spelling.words_known,
            fix: spelling.fix,
            spelling_checked: whole_accepted || checkable,
            not_checked,
            cut,
        });
    }
    Tags { tags, languages: lexicons.iter().map(|l| l.lang).collect() }
}
