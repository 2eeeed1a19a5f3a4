//! Folds a text into the lowercase tokens the analyser reads, undoing the usual ways of hiding a word: accents,
//! look-alike letters from other scripts, full-width forms, l33t digits, stretched letters ("stuuupid") and
//! letters spaced out ("i d i o t"). Each token keeps its UTF-16 span in the original text.
//! tools/train_tone.py mirrors this folding exactly; data/tone/parity.tsv checks the two agree.

use unicode_normalization::char::{canonical_combining_class, decompose_compatible};

/// One word of the folded text and where it stands in the original (UTF-16, end exclusive).
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The token starts the text, a sentence or a clause (after `.`, `!`, `?`, `;`, `:`, `,`, a line break,
    /// a mention or a link).
    pub clause_start: bool,
}

/// Letters of Cyrillic and Greek that look like Latin ones, as they are used to slip words past filters.
const CONFUSABLES: &[(char, char)] = &[
    ('а', 'a'),
    ('в', 'b'),
    ('е', 'e'),
    ('ё', 'e'),
    ('і', 'i'),
    ('ї', 'i'),
    ('ј', 'j'),
    ('к', 'k'),
    ('м', 'm'),
    ('н', 'h'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('т', 't'),
    ('у', 'y'),
    ('х', 'x'),
    ('ѕ', 's'),
    ('ԁ', 'd'),
    ('α', 'a'),
    ('β', 'b'),
    ('ε', 'e'),
    ('ι', 'i'),
    ('κ', 'k'),
    ('ν', 'v'),
    ('ο', 'o'),
    ('ρ', 'p'),
    ('τ', 't'),
    ('υ', 'u'),
    ('χ', 'x'),
    ('ω', 'w'),
];

/// Digits and signs read as letters inside a word that has at least one letter ("1d10t", "a$$").
fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        '8' => 'b',
        _ => return None,
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '*' || c == '@' || c == '$'
}

/// A character of the folded text and the UTF-16 span of the original character it came from.
struct Folded {
    c: char,
    start: usize,
    end: usize,
}

/// Appends `text` lowercased, accents removed, compatibility forms (full-width, ligatures) and look-alikes mapped
/// to Latin, each character with the span of the original it came from (UTF-16, from `base`).
fn fold_chars(text: &str, base: usize, out: &mut Vec<Folded>) {
    let mut at = base;
    for c in text.chars() {
        let end = at + c.len_utf16();
        if c.is_ascii() {
            out.push(Folded { c: c.to_ascii_lowercase(), start: at, end });
            at = end;
            continue;
        }
        let mut push = |d: char| {
            if canonical_combining_class(d) != 0 {
                return;
            }
            for l in d.to_lowercase() {
                let l = CONFUSABLES.iter().find(|(from, _)| *from == l).map_or(l, |&(_, to)| to);
                out.push(Folded { c: l, start: at, end });
            }
        };
        decompose_compatible(c, &mut push);
        at = end;
    }
}

/// A chunk between spaces that names someone or links somewhere: left out of the analysis.
fn is_mention_or_link(chunk: &str) -> bool {
    let starts = |prefix: &str| chunk.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    chunk.starts_with('@') || starts("http") || starts("www.")
}

/// The tokens of `text`, in order. Apostrophes split words ("t'es" → "t", "es"; "don't" → "don", "t").
pub fn tokens(text: &str) -> Vec<Token> {
    let mut raw: Vec<Token> = Vec::with_capacity(text.len() / 4);
    let mut at = 0;
    let mut clause_start = true;
    let mut folded: Vec<Folded> = Vec::with_capacity(32);
    for chunk in text.split_inclusive(char::is_whitespace) {
        let len = crate::text::utf16_len(chunk);
        if is_mention_or_link(chunk.trim_end()) {
            clause_start = true;
        } else {
            folded.clear();
            fold_chars(chunk, at, &mut folded);
            let mut word_from = 0;
            for (i, f) in folded.iter().enumerate() {
                if !is_word_char(f.c) {
                    push_word(&mut raw, &folded[word_from..i], &mut clause_start);
                    word_from = i + 1;
                    clause_start |= matches!(f.c, '.' | '!' | '?' | ';' | ':' | ',' | '\n' | '\u{2026}');
                }
            }
            push_word(&mut raw, &folded[word_from..], &mut clause_start);
        }
        at += len;
    }
    join_spelled_out(raw, text)
}

/// Reads one word: l33t signs become letters when the word has a letter, runs of three or more of one
/// character shrink to one, and a word of only signs ("***", "$$") is dropped.
fn push_word(out: &mut Vec<Token>, chars: &[Folded], clause_start: &mut bool) {
    let (Some(first), Some(last)) = (chars.first(), chars.last()) else { return };
    let has_letter = chars.iter().any(|f| f.c.is_alphabetic());
    let mut text = String::with_capacity(chars.len());
    let (mut previous, mut run, mut alphanumeric) = (None, 0, false);
    for f in chars {
        let c = if has_letter { leet(f.c).unwrap_or(f.c) } else { f.c };
        run = if previous == Some(c) { run + 1 } else { 1 };
        previous = Some(c);
        match run {
            1 | 2 => text.push(c),
            // A third in a row: the run shrinks to one.
            3 => _ = text.pop(),
            _ => {}
        }
        alphanumeric |= c.is_alphanumeric();
    }
    if alphanumeric {
        out.push(Token { text, start: first.start, end: last.end, clause_start: *clause_start });
        *clause_start = false;
    }
}

/// Joins three or more one-letter tokens separated only by spaces, dots, dashes or underscores ("i d i o t").
/// Tokens are moved, not copied; the separators are read from `text` only between one-letter tokens.
fn join_spelled_out(mut raw: Vec<Token>, text: &str) -> Vec<Token> {
    let single = |t: &Token| t.text.chars().count() == 1 && t.text.chars().all(char::is_alphabetic);
    if !raw.windows(2).any(|w| single(&w[0]) && single(&w[1])) {
        return raw;
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    let separated_lightly = |a: &Token, b: &Token| {
        b.start >= a.end
            && b.start - a.end <= 3
            && units[a.end..b.start].iter().all(|&u| matches!(u, 0x20 | 0x2E | 0x2D | 0x5F))
    };
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let mut j = i + 1;
        if single(&raw[i]) {
            while j < raw.len() && single(&raw[j]) && separated_lightly(&raw[j - 1], &raw[j]) {
                j += 1;
            }
        }
        if j - i >= 3 {
            let text: String = raw[i..j].iter().map(|t| t.text.as_str()).collect();
            out.push(Token { text, start: raw[i].start, end: raw[j - 1].end, clause_start: raw[i].clause_start });
        } else {
            out.extend(raw[i..j].iter_mut().map(|t| Token { text: std::mem::take(&mut t.text), ..*t }));
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn folds_case_accents_and_full_width_forms() {
        assert_eq!(words("Ça VA être Génial"), ["ca", "va", "etre", "genial"]);
        assert_eq!(words("ＩＤＩＯＴ"), ["idiot"]);
    }

    #[test]
    fn undoes_leet_stretching_look_alikes_and_spacing() {
        assert_eq!(words("1d10t"), ["idiot"]);
        assert_eq!(words("stuuuupid"), ["stupid"]);
        assert_eq!(words("іdіоt"), ["idiot"]); // Cyrillic і and о
        assert_eq!(words("you are an i d i o t"), ["you", "are", "an", "idiot"]);
        assert_eq!(words("a-b-r-u-t-i"), ["abruti"]);
        assert_eq!(words("a$$hole"), ["asshole"]);
    }

    #[test]
    fn numbers_stay_numbers_and_links_and_mentions_are_skipped() {
        assert_eq!(words("Order 1234 ships in 3 days"), ["order", "1234", "ships", "in", "3", "days"]);
        assert_eq!(words("@brand see https://x.co/a!b"), ["see"]);
    }

    #[test]
    fn spans_are_utf16_offsets_in_the_original() {
        let t = tokens("😀 Ｉdiot l'idiot");
        assert_eq!((t[0].start, t[0].end), (3, 8));
        assert_eq!(t.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(), ["idiot", "l", "idiot"]);
        assert_eq!((t[2].start, t[2].end), (11, 16));
        let spaced = tokens("an i d i o t!");
        assert_eq!((spaced[1].start, spaced[1].end), (3, 12));
    }

    #[test]
    fn marks_the_words_that_start_a_clause() {
        let starts: Vec<bool> = tokens("Whatever. I said: fine, ok @you no").iter().map(|t| t.clause_start).collect();
        assert_eq!(starts, [true, true, false, true, true, true]);
    }
}
