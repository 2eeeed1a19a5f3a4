//! The hashtags of a post as the checks read them: found per platform, located in UTF-16 offsets, split into words
//! and judged for spelling with the lexicons given (`crate::checks` turns them into problems: spelling,
//! readability, duplicates, the per-post limit, tags cut short). Without a lexicon, tags are still found and say
//! their spelling was not checked.

mod accents;
mod allowlist;
mod case;
mod extract;
pub mod fuzzy;
pub mod lexicon;
mod packed;
mod segment;
mod spelling;
pub mod words;

pub use case::camel_case;

use crate::lang::Lang;
use crate::platform::Platform;
use crate::report::Hashtag;
use crate::text::Utf16Cursor;
use crate::twitter::entities::Entities;
use lexicon::Lexicon;
use spelling::Judgement;

/// Longest tag body whose spelling is checked, in characters: beyond, no split is attempted (bounded time).
pub const MAX_CHECKED_CHARS: usize = 60;

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
    /// Whether the spelling was judged (false: no lexicon loaded, another script, or longer than checked).
    pub spelling_checked: bool,
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

/// Finds and reads the hashtags of the text of `entities` (the entity scan the whole check shares) on `platform`, a post in `post_lang` (None: unknown). `lexicon` gives the
/// loaded lexicon of a language; `users` says whether a lowercase word is one of the user's (never flagged).
pub fn read<'a>(
    entities: &Entities,
    platform: Platform,
    post_lang: Option<Lang>,
    lexicon: impl Fn(Lang) -> Option<&'a Lexicon>,
    users: &dyn Fn(&str) -> bool,
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
    for f in &found {
        let tag = &text[f.start..f.end];
        let body = &tag[tag.chars().next().map_or(0, char::len_utf8)..];
        let (start, end) = (cursor.at(f.start), cursor.at(f.end));
        let lower = body.to_lowercase();
        let without_digits: String = lower.chars().filter(|c| !c.is_numeric()).collect();
        let whole_accepted = accepted(&lower) || accepted(&without_digits);
        let checkable = !lexicons.is_empty() && body.chars().count() <= MAX_CHECKED_CHARS && is_checkable(body);
        let spelling = if whole_accepted {
            Judgement { words: vec![lower.clone()], fix: None, words_known: true }
        } else if checkable {
            spelling::judge(&lexicons, body, known_lang, &accepted)
        } else {
            Judgement { words: Vec::new(), fix: None, words_known: false }
        };
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
            cut,
        });
    }
    Tags { tags, languages: lexicons.iter().map(|l| l.lang).collect() }
}
