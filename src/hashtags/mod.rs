//! The hashtags of a post and what is wrong with them: extraction per platform, spelling with fixes in the user's
//! case style, CamelCase for screen readers, duplicates, the per-post limit, and tags cut short by punctuation.
//! `crate::check` calls [`analyse`]. Spelling and readability (which needs the tag's words) use the lexicons
//! installed ([`lexicon::install`]); without one, extraction, duplicates, limits and broken tags still run and the
//! tags say their spelling was not checked.

mod allowlist;
mod case;
mod extract;
pub mod fuzzy;
pub mod lexicon;
mod segment;
mod spelling;

use crate::lang::{self, Lang};
use crate::platform::Platform;
use crate::report::{Hashtag, HashtagProblem, Problem, Severity};
use crate::text::Utf16Cursor;
use crate::twitter::entities::Entities;
use spelling::Judgement;

/// Longest tag body whose spelling is checked, in characters: beyond, no split is attempted (bounded time).
pub const MAX_CHECKED_CHARS: usize = 60;
/// Instagram's hashtags per post since December 2025 (platforms.md §A, §E).
pub const INSTAGRAM_LIMIT: u32 = 5;
/// X's best practice: "no more than 2 hashtags per Tweet" (platforms.md §E).
pub const X_ADVISED: u32 = 2;

/// What the request says about hashtags.
pub struct Settings<'a> {
    pub platform: Platform,
    /// The language the user chose, if any.
    pub lang: Option<Lang>,
    /// The user's own limit of hashtags per post.
    pub limit: Option<u32>,
    /// The user's own words, never flagged.
    pub dictionary: &'a [String],
}

#[derive(Default)]
pub struct Analysis {
    pub hashtags: Vec<Hashtag>,
    /// The same problems, located in the text, for `report.problems`.
    pub problems: Vec<Problem>,
    /// The language of the post: chosen, else detected.
    pub lang: Option<Lang>,
    /// The languages whose lexicon judged the spelling (empty: no lexicon installed for the post's languages).
    pub languages: Vec<Lang>,
}

/// The per-post limit that applies: (limit, severity above it, why).
fn limit_rule(settings: &Settings) -> Option<(u32, Severity, String)> {
    match (settings.platform, settings.limit) {
        // The setting follows Instagram's rule by default; a user who learns the rule changed can follow it.
        (Platform::Instagram, None) => Some((
            INSTAGRAM_LIMIT,
            Severity::Error,
            format!("Instagram takes at most {INSTAGRAM_LIMIT} hashtags per post (since December 2025)"),
        )),
        (Platform::Instagram, Some(n)) => {
            Some((n, Severity::Error, format!("your Instagram limit is {n} hashtags per post")))
        }
        (_, Some(n)) => Some((n, Severity::Warning, format!("your limit is {n} hashtags per post"))),
        (Platform::X, None) => {
            Some((X_ADVISED, Severity::Info, format!("X advises no more than {X_ADVISED} hashtags per post")))
        }
        // Facebook and the others publish no per-post cap or advice: no limit unless the user sets one.
        _ => None,
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Letters of the scripts the lexicons cover (Latin with its accents), digits and `_`: anything else is not judged.
fn is_checkable(body: &str) -> bool {
    body.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || (c.is_alphabetic() && ('\u{C0}'..='\u{24F}').contains(&c)))
}

/// Analyses the hashtags of the text of `entities` (the entity scan the whole check shares).
pub fn analyse(entities: &Entities, settings: &Settings) -> Analysis {
    let text = entities.text();
    let found = extract::hashtags(settings.platform, entities);
    let post_lang = settings.lang.or_else(|| lang::detect(text));
    let order = match post_lang {
        Some(Lang::Fr) => [Lang::Fr, Lang::En],
        _ => [Lang::En, Lang::Fr],
    };
    let installed: Vec<_> =
        if found.is_empty() { Vec::new() } else { order.iter().filter_map(|&l| lexicon::installed(l)).collect() };
    let lexicons: Vec<&lexicon::Lexicon> = installed.iter().map(|l| &**l).collect();
    let known_lang = post_lang.is_some_and(|l| lexicons.first().is_some_and(|lex| lex.lang == l));
    let user_words: Vec<String> =
        settings.dictionary.iter().map(|w| w.trim_start_matches(['#', '＃']).to_lowercase()).collect();
    let accepted = |lower: &str| allowlist::contains(lower) || user_words.iter().any(|w| w == lower);
    let limit = limit_rule(settings);

    let mut cursor = Utf16Cursor::new(text);
    let mut seen: Vec<String> = Vec::new();
    let mut analysis = Analysis {
        hashtags: Vec::new(),
        problems: Vec::new(),
        lang: post_lang,
        languages: lexicons.iter().map(|l| l.lang).collect(),
    };
    for (index, f) in found.iter().enumerate() {
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
        let mut problems = Vec::new();
        let mut add = |kind: &'static str, severity, message: String, suggestion: Option<String>, span_end: usize| {
            analysis.problems.push(Problem {
                kind: match kind {
                    "spelling" => "hashtag-spelling",
                    "readability" => "hashtag-readability",
                    "duplicate" => "hashtag-duplicate",
                    "limit" => "hashtag-limit",
                    "broken" => "hashtag-broken",
                    other => unreachable!("no hashtag problem kind {other}"),
                },
                severity,
                message: message.clone(),
                start,
                end: span_end,
                suggestion: suggestion.clone(),
            });
            problems.push(HashtagProblem { kind: kind.to_owned(), suggestion, message, severity });
        };
        if let Some(fix) = &spelling.fix {
            let suggestion = format!("#{fix}");
            add(
                "spelling",
                Severity::Warning,
                format!("{tag} looks misspelt: did you mean {suggestion}?"),
                Some(suggestion),
                end,
            );
        }
        let letter_words = spelling.words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count();
        if spelling.words_known && letter_words >= 2 && !body.chars().any(char::is_uppercase) {
            let words: Vec<&str> = spelling.words.iter().map(String::as_str).collect();
            let suggestion = format!("#{}", case::camel_case(&words));
            let message = format!("Screen readers read {tag} as one word: capitalise each word, {suggestion}");
            add("readability", Severity::Info, message, Some(suggestion), end);
        }
        if seen.contains(&lower) {
            add(
                "duplicate",
                Severity::Warning,
                format!("{tag} is already in this post (hashtags ignore case)"),
                None,
                end,
            );
        }
        seen.push(lower);
        if let Some((max, severity, why)) = &limit {
            if index >= *max as usize {
                add("limit", *severity, format!("{tag} is the {} hashtag: {why}", ordinal(index + 1)), None, end);
            }
        }
        if let Some(cut_end) = f.cut_end {
            let meant = &text[f.start..cut_end];
            let connector = match text[f.end..].chars().next() {
                Some('-') => "hyphen",
                _ => "apostrophe",
            };
            let suggestion = join_cut(meant);
            let message = format!("{meant} stops at the {connector}: the hashtag is only {tag}. Write {suggestion}");
            add("broken", Severity::Warning, message, Some(suggestion), cursor.at(cut_end));
        }
        analysis.hashtags.push(Hashtag {
            tag: tag.to_owned(),
            start,
            end,
            problems,
            words: spelling.words,
            spelling_checked: whole_accepted || checkable,
        });
    }
    analysis
}

/// The tag the user meant, as one tag: `#don't` → #dont, `#social-media` → #SocialMedia (hyphenated lowercase
/// words become CamelCase, which screen readers read word by word).
fn join_cut(meant: &str) -> String {
    let parts: Vec<&str> = meant.split(['-', '\'', '\u{2019}']).collect();
    let hyphenated_lowercase = meant.contains('-') && !meant.chars().any(char::is_uppercase);
    if hyphenated_lowercase {
        let words: Vec<&str> =
            parts.iter().map(|p| p.trim_start_matches(['#', '＃'])).filter(|p| !p.is_empty()).collect();
        format!("#{}", case::camel_case(&words))
    } else {
        parts.concat()
    }
}
