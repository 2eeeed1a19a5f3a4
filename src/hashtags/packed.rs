//! The binary sections of a packed lexicon file (`tools/pack-lexicon.mjs` writes them): word lists with their counts
//! and the bigrams by word id. Counts are exact integers, so a packed lexicon scores as the text sources do.
//!
//! - `counts`: the first count, then each count's fall from the one before (lists are most frequent first), as
//!   LEB128 varints.
//! - `words`: each word then `\n`; a word whose count equals the one before (the alphabetical runs of equal counts)
//!   starts with one byte, how many of the previous word's bytes it begins with, and holds only the rest.
//! - `bigrams`: `first id, second id, count` triples in the source's order (most frequent first): ids as varints,
//!   counts as their fall from the previous triple's.

use super::lexicon::WordSink;

/// Reads one LEB128 varint at `*at`, moving past it.
fn varint(bytes: &[u8], at: &mut usize) -> Result<u64, String> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at).ok_or("truncated number in a lexicon section")?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("a number too long in a lexicon section".into())
}

/// Counts of a `counts` section.
fn counts(bytes: &[u8]) -> Result<Vec<u64>, String> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let step = varint(bytes, &mut at)?;
        let count = match out.last() {
            None => step,
            Some(&previous) => u64::checked_sub(previous, step).ok_or("a count below zero")?,
        };
        out.push(count);
    }
    Ok(out)
}

/// Appends the words of a `words` section with the counts of its `counts` section to `sink`.
pub fn read_words(words: &[u8], counts_bytes: &[u8], sink: &mut impl WordSink) -> Result<(), String> {
    let counts = counts(counts_bytes)?;
    let mut word: Vec<u8> = Vec::new();
    let mut at = 0;
    for (i, &count) in counts.iter().enumerate() {
        let shared = if i > 0 && count == counts[i - 1] {
            let shared = usize::from(*words.get(at).ok_or("the words section is truncated")?);
            at += 1;
            shared
        } else {
            0
        };
        if shared > word.len() {
            return Err("a word shares more than the word before it".into());
        }
        word.truncate(shared);
        let end = words[at..].iter().position(|&b| b == b'\n').ok_or("the words section is truncated")? + at;
        word.extend_from_slice(&words[at..end]);
        at = end + 1;
        sink.push(std::str::from_utf8(&word).map_err(|_| "a word is not UTF-8")?, count as f64);
    }
    if at != words.len() {
        return Err("the words section has more words than counts".into());
    }
    Ok(())
}

/// The `(first, second, count)` triples of a `bigrams` section, whose ids are below `words`.
pub fn read_bigrams(bytes: &[u8], words: usize) -> Result<Vec<(u32, u32, f64)>, String> {
    let mut out = Vec::new();
    let (mut at, mut count) = (0, 0u64);
    while at < bytes.len() {
        let (a, b) = (varint(bytes, &mut at)?, varint(bytes, &mut at)?);
        let step = varint(bytes, &mut at)?;
        count = if out.is_empty() { step } else { count.checked_sub(step).ok_or("a bigram count below zero")? };
        if a >= words as u64 || b >= words as u64 {
            return Err("a bigram of a word the lexicon lacks".into());
        }
        out.push((a as u32, b as u32, count as f64));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    impl WordSink for Vec<(String, f64)> {
        fn push(&mut self, word: &str, count: f64) {
            Vec::push(self, (word.to_owned(), count));
        }
    }

    #[test]
    fn words_counts_and_bigrams_are_read_back() {
        // 900, 300, 300, 7: "déjà" then "débat" (same count: shares the 2 bytes of "dé"), then "l'".
        let counts_bytes = [0x84, 0x07, 0xd8, 0x04, 0x00, 0xa5, 0x02];
        let words = "the\ndéjà\n\x03bat\nl'\n".as_bytes();
        let mut got = Vec::new();
        read_words(words, &counts_bytes, &mut got).unwrap();
        let want = [("the", 900.0), ("déjà", 300.0), ("débat", 300.0), ("l'", 7.0)];
        assert_eq!(got, want.map(|(w, c)| (w.to_owned(), c)));
        assert!(read_words(b"the\n", &counts_bytes, &mut Vec::new()).is_err());
        assert!(read_words(b"the\n\x09x\n", &[5, 0], &mut Vec::new()).is_err());
        assert_eq!(read_bigrams(&[0, 1, 90, 1, 0, 5], 2).unwrap(), [(0, 1, 90.0), (1, 0, 85.0)]);
        assert!(read_bigrams(&[0, 2, 90], 2).is_err());
        assert!(read_bigrams(&[0, 1, 90, 1, 0, 91], 2).is_err());
        assert!(read_bigrams(&[0, 1, 0x80], 2).is_err());
    }
}
