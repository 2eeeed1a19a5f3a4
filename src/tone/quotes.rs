//! Reported speech: the stretches of a text between double quotation marks ("…", “…”, «…»), so that the lists do
//! not read a quoted insult or threat as the writer's own ("If I see a comment like "you people make me sick", I
//! will report it"). A text that is nothing but a quotation is read as the writer's own words. Spans are UTF-16
//! offsets into the text.

/// The quoted stretches of `text` (the marks included) as UTF-16 `start..end`, when some letter lies outside them.
pub fn quoted(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let mut at = 0;
    for c in text.chars() {
        match (open, c) {
            (None, '"' | '\u{201c}' | '\u{ab}') => open = Some((c, at)),
            (Some(('"', start)), '"')
            | (Some(('\u{201c}', start)), '\u{201d}')
            | (Some(('\u{ab}', start)), '\u{bb}') => {
                spans.push((start, at + 1));
                open = None;
            }
            _ => {}
        }
        at += c.len_utf16();
    }
    let mut at = 0;
    let mut letter_outside = false;
    for c in text.chars() {
        letter_outside |= c.is_alphabetic() && !spans.iter().any(|&(start, end)| start <= at && at < end);
        at += c.len_utf16();
    }
    if letter_outside {
        spans
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_inside_a_text_are_found_in_every_style() {
        let text = "He wrote \"you disgust me\" and I reported it.";
        assert_eq!(quoted(text), [(9, 25)]);
        assert_eq!(quoted("Dire « je vous hais » est inacceptable"), [(5, 21)]);
        assert_eq!(quoted("So \u{201c}idiot\u{201d} is fine?"), [(3, 10)]);
    }

    #[test]
    fn a_text_that_is_only_a_quotation_or_an_unclosed_mark_is_the_writers_own() {
        assert!(quoted("\"you disgust me\"").is_empty());
        assert!(quoted("\"you disgust me").is_empty());
        assert!(quoted("l'apostrophe n'est pas une citation").is_empty());
    }
}
