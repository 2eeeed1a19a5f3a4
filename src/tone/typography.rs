//! Tone read from the writing rather than the words, in any language: runs of capitals (shouting), piled-up
//! punctuation ("?!?!", "!!!"), the "/s" sarcasm tag and two gestures drawn as emoji (the middle finger, rolling
//! eyes). Spans are UTF-16 offsets into the text.

use super::kinds::Kind;

/// A span of the text and what it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

const SHOUT_MIN_WORDS: usize = 3;
const SHOUT_MIN_LETTERS: usize = 10;

/// The middle finger (U+1F595, "reversed hand with middle finger extended", with or without a skin tone): an
/// insult said to the reader, whatever the words around it.
const MIDDLE_FINGER: char = '\u{1F595}';
/// The face with rolling eyes (U+1F644): scorn for what the other person said. A sarcasm cue, which alone never
/// makes a caution at the default sensitivity ("Monday mood 🙄 coffee first!"), but adds to the words it follows.
const ROLLING_EYES: char = '\u{1F644}';

/// Every shouting run, punctuation pile, "/s" tag and gesture of `text`, rule by rule, each in text order.
pub fn marks(text: &str) -> Vec<Mark> {
    let mut marks = shouting(text);
    marks.extend(punctuation(text));
    marks.extend(sarcasm_tag(text));
    marks.extend(gestures(text));
    marks
}

/// Whether `text` shows the middle finger (the reply is then aimed at someone, even with no word for them).
pub fn gives_the_finger(text: &str) -> bool {
    text.contains(MIDDLE_FINGER)
}

/// A word (letters only) of two letters or more, with its span and whether all its letters are capitals.
fn words(text: &str) -> Vec<(usize, usize, usize, bool)> {
    let mut out = Vec::new();
    let (mut at, mut start, mut letters, mut upper) = (0, 0, 0, true);
    for c in text.chars().chain([' ']) {
        if c.is_alphabetic() {
            if letters == 0 {
                start = at;
                upper = true;
            }
            letters += 1;
            upper &= c.is_uppercase();
        } else if letters > 0 {
            if letters >= 2 {
                out.push((start, at, letters, upper));
            }
            letters = 0;
        }
        at += c.len_utf16();
    }
    out
}

/// Runs of at least three words in capitals with ten letters or more between them ("STOP LYING TO US").
/// Short acronyms alone (FAQ, USA) never make a run.
fn shouting(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut run: Vec<(usize, usize, usize)> = Vec::new();
    let mut flush = |run: &mut Vec<(usize, usize, usize)>| {
        let letters: usize = run.iter().map(|w| w.2).sum();
        if run.len() >= SHOUT_MIN_WORDS && letters >= SHOUT_MIN_LETTERS {
            out.push(Mark { kind: Kind::Shouting, start: run[0].0, end: run[run.len() - 1].1 });
        }
        run.clear();
    };
    for (start, end, letters, upper) in words(text) {
        if upper {
            run.push((start, end, letters));
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// Three or more `!`/`?` in a row, or two that mix both ("?!").
fn punctuation(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let (mut at, mut start, mut len, mut bangs, mut asks) = (0, 0, 0, 0, 0);
    for c in text.chars().chain([' ']) {
        let (bang, ask) = (matches!(c, '!' | '\u{ff01}'), matches!(c, '?' | '\u{ff1f}'));
        if bang || ask {
            if len == 0 {
                start = at;
            }
            len += 1;
            bangs += usize::from(bang);
            asks += usize::from(ask);
        } else {
            if len >= 3 || (bangs > 0 && asks > 0) {
                out.push(Mark { kind: Kind::Punctuation, start, end: at });
            }
            (len, bangs, asks) = (0, 0, 0);
        }
        at += c.len_utf16();
    }
    out
}

/// "/s" standing alone after a space (or at the start) and before a space, punctuation or the end.
fn sarcasm_tag(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    for (byte, _) in text.match_indices("/s") {
        let before = text[..byte].chars().next_back();
        let after = text[byte + 2..].chars().next();
        if before.is_none_or(char::is_whitespace) && after.is_none_or(|c| !c.is_alphanumeric()) {
            let start = crate::text::utf16_len(&text[..byte]);
            out.push(Mark { kind: Kind::Sarcasm, start, end: start + 2 });
        }
    }
    out
}

/// Each middle finger (an insult) and each face with rolling eyes (sarcasm), with the skin tone (U+1F3FB to
/// U+1F3FF) the finger may carry, so that the span covers the emoji as drawn.
fn gestures(text: &str) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    let mut at = 0;
    for c in text.chars() {
        let kind = match c {
            MIDDLE_FINGER => Some(Kind::Insult),
            ROLLING_EYES => Some(Kind::Sarcasm),
            _ => None,
        };
        let units = c.len_utf16();
        if let Some(kind) = kind {
            out.push(Mark { kind, start: at, end: at + units });
        } else if ('\u{1F3FB}'..='\u{1F3FF}').contains(&c) {
            if let Some(finger) = out.last_mut().filter(|m| m.kind == Kind::Insult && m.end == at) {
                finger.end += units;
            }
        }
        at += units;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&'static str, String)> {
        let units: Vec<u16> = text.encode_utf16().collect();
        marks(text).into_iter().map(|m| (m.kind.id(), String::from_utf16(&units[m.start..m.end]).unwrap())).collect()
    }

    #[test]
    fn capitals_in_runs_are_shouting_but_acronyms_are_not() {
        assert_eq!(spans("why do you NEVER READ MY MESSAGES"), [("shouting", "NEVER READ MY MESSAGES".to_owned())]);
        assert_eq!(spans("ARRÊTEZ DE MENTIR, vraiment"), [("shouting", "ARRÊTEZ DE MENTIR".to_owned())]);
        assert!(spans("See the FAQ on our USA site").is_empty());
        assert!(spans("中文 日本語 한국어 텍스트").is_empty());
    }

    #[test]
    fn piled_punctuation_and_the_sarcasm_tag() {
        assert_eq!(spans("Really?!?! Wow!!!"), [("punctuation", "?!?!".to_owned()), ("punctuation", "!!!".to_owned())]);
        assert_eq!(spans("Vraiment ?!"), [("punctuation", "?!".to_owned())]);
        assert!(spans("Great! Thanks? See you.").is_empty());
        assert_eq!(spans("love waiting 3 weeks /s"), [("sarcasm", "/s".to_owned())]);
        assert!(spans("see example.com/shop and and/sb").is_empty());
    }

    #[test]
    fn the_middle_finger_and_rolling_eyes() {
        assert_eq!(spans("ok 🖕🏽"), [("insult", "🖕🏽".to_owned())]);
        assert_eq!(spans("Sure 🙄 …🖕"), [("sarcasm", "🙄".to_owned()), ("insult", "🖕".to_owned())]);
        assert!(gives_the_finger("🖕🏿") && !gives_the_finger("👍 🙄"));
        assert!(spans("Love this 😍 👋").is_empty());
    }
}
