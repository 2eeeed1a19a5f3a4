//! The binary sections of a packed lexicon file (`tools/pack-lexicon.mjs` writes them): the Hunspell .dic, word lists
//! with their counts and the bigrams by word id. Counts are kept as their natural logarithms in steps (words' to 1/1024
//! of a nat, bigrams' to 1/64): a packed lexicon's word costs are within 1/1024 nat of the text sources' (half a step
//! in the word's count and in the total), its bigram costs within 1/128 + 1/2048 nat (in the pair's and the first
//! word's counts). The file is the sections as one LZMA stream (`unpack`): in the zip, English 512 -> 446 KB and
//! French 891 -> 802 KB against the zip's own deflate, for 7 KB more of gzipped wasm (lzma-rs's decoder).
//!
//! - `dic`: each line as one byte, how many of the previous line's bytes it begins with, then the rest and `\n`.
//! - `counts`: round(ln(count) × `WORD_STEPS_PER_NAT`) of the first word, then each one's fall from the one before
//!   (lists are most frequent first), as LEB128 varints.
//! - `words`: each word then `\n`; a word whose count equals the one before (the alphabetical runs of equal counts)
//!   starts with one byte, how many of the previous word's bytes it begins with, and holds only the rest.
//! - `bigrams`: the number of pairs, then three columns of varints over the pairs sorted by (first id, second id):
//!   each first id's step from the one before; each second id, as its step from the one before when the first id is
//!   the same; each count as round(ln(count) × `BIGRAM_STEPS_PER_NAT`).

use super::lexicon::WordSink;

/// Steps of a nat in the word counts (`tools/pack-lexicon.mjs` writes them so): a word's cost is off by at most
/// 1/1024 nat, and the English counts zip to 5 KB instead of 66.
pub const WORD_STEPS_PER_NAT: f64 = 1024.0;

/// Steps of a nat in the bigram counts (`tools/pack-lexicon.mjs` writes them so): a bigram cost is off by at most
/// 1/128 nat, and the English bigrams zip to 108 KB instead of 227.
pub const BIGRAM_STEPS_PER_NAT: f64 = 64.0;

/// Largest unpacked size a lexicon file may declare (the French one unpacks to 2.3 MB).
const MAX_UNPACKED_BYTES: u64 = 1 << 26;

/// The sections of a packed lexicon file: its LZMA stream (the `.lzma` header: properties, window, then the unpacked
/// size, which `tools/pack-lexicon.mjs` writes, as 8 bytes little-endian) decompressed into a buffer of that size.
pub fn unpack(file: &[u8]) -> Result<Vec<u8>, String> {
    let not_lzma = |e: String| format!("not a Stratège lexicon file (an LZMA stream of known size): {e}");
    let size = file.get(5..13).map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")));
    let size = size.filter(|&n| n <= MAX_UNPACKED_BYTES).ok_or_else(|| not_lzma("no unpacked size".into()))?;
    let mut sections = Vec::with_capacity(size as usize);
    lzma_rs::lzma_decompress(&mut &file[..], &mut sections).map_err(|e| not_lzma(e.to_string()))?;
    Ok(sections)
}

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

/// A count as a `counts` section keeps it, round(ln(count) × `WORD_STEPS_PER_NAT`) steps: the derived words' counts
/// (`super::dictionary`) are kept so in a packed lexicon, as the listed ones are.
pub fn quantised(count: f64) -> f64 {
    ((count.ln() * WORD_STEPS_PER_NAT).round() / WORD_STEPS_PER_NAT).exp()
}

/// Counts of a `counts` section.
fn counts(bytes: &[u8]) -> Result<Vec<f64>, String> {
    let mut steps = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let step = varint(bytes, &mut at)?;
        steps.push(match steps.last() {
            None => step,
            Some(&previous) => u64::checked_sub(previous, step).ok_or("a count below one")?,
        });
    }
    Ok(steps.into_iter().map(|q| (q as f64 / WORD_STEPS_PER_NAT).exp()).collect())
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
        sink.push(std::str::from_utf8(&word).map_err(|_| "a word is not UTF-8")?, count);
    }
    if at != words.len() {
        return Err("the words section has more words than counts".into());
    }
    Ok(())
}

/// The text of a front-coded `dic` section.
pub fn read_front_coded(bytes: &[u8]) -> Result<String, String> {
    let mut text: Vec<u8> = Vec::with_capacity(bytes.len() * 2);
    let (mut line_start, mut at) = (0, 0);
    while at < bytes.len() {
        let shared = usize::from(bytes[at]);
        let end = bytes[at + 1..].iter().position(|&b| b == b'\n').ok_or("the dic section is truncated")? + at + 1;
        let previous = line_start..text.len();
        if shared > previous.len() {
            return Err("a dic line shares more than the line before it".into());
        }
        if at > 0 {
            text.push(b'\n');
        }
        line_start = text.len();
        text.extend_from_within(previous.start..previous.start + shared);
        text.extend_from_slice(&bytes[at + 1..end]);
        at = end + 1;
    }
    String::from_utf8(text).map_err(|_| "the dic section is not UTF-8".into())
}

/// The `(first, second, count)` triples of a `bigrams` section, whose ids are below `words`.
pub fn read_bigrams(bytes: &[u8], words: usize) -> Result<Vec<(u32, u32, f64)>, String> {
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    let mut at = 0;
    let n = usize::try_from(varint(bytes, &mut at)?).map_err(|_| "too many bigrams")?;
    if n > bytes.len() {
        return Err("the bigrams section is truncated".into());
    }
    let mut firsts = Vec::with_capacity(n);
    for _ in 0..n {
        let step = varint(bytes, &mut at)?;
        firsts.push(firsts.last().copied().unwrap_or(0u64).checked_add(step).ok_or("a bigram id too large")?);
    }
    let mut out = Vec::with_capacity(n);
    for first in firsts {
        let step = varint(bytes, &mut at)?;
        let second = match out.last() {
            Some(&(a, b, _)) if u64::from(a) == first => {
                u64::from(b).checked_add(step).ok_or("a bigram id too large")?
            }
            _ => step,
        };
        if first >= words as u64 || second >= words as u64 {
            return Err("a bigram of a word the lexicon lacks".into());
        }
        out.push((first as u32, second as u32, 0.0));
    }
    for pair in &mut out {
        pair.2 = (varint(bytes, &mut at)? as f64 / BIGRAM_STEPS_PER_NAT).exp();
    }
    if at != bytes.len() {
        return Err("the bigrams section has more bytes than its pairs".into());
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `bytes` as an LZMA stream with its unpacked size in the header, as `tools/pack-lexicon.mjs` writes it.
    pub(crate) fn lzma(bytes: &[u8]) -> Vec<u8> {
        let size = lzma_rs::compress::UnpackedSize::WriteToHeader(Some(bytes.len() as u64));
        let mut file = Vec::new();
        lzma_rs::lzma_compress_with_options(
            &mut &bytes[..],
            &mut file,
            &lzma_rs::compress::Options { unpacked_size: size },
        )
        .unwrap();
        file
    }

    #[test]
    fn files_are_unpacked_when_their_size_is_given() {
        let text = b"STRATEGE-LEXICON 5\nlang\n2\nen".repeat(3);
        assert_eq!(unpack(&lzma(&text)).unwrap(), text);
        let mut unknown = Vec::new();
        lzma_rs::lzma_compress(&mut &text[..], &mut unknown).unwrap();
        assert!(unpack(&unknown).unwrap_err().contains("no unpacked size"));
        assert!(unpack(&lzma(&text)[..9]).is_err());
        // A declared size past the stream's end runs out of input.
        let mut wrong = lzma(&text);
        wrong[5] += 1;
        assert!(unpack(&wrong).is_err());
    }

    impl WordSink for Vec<(String, f64)> {
        fn push(&mut self, word: &str, count: f64) {
            Vec::push(self, (word.to_owned(), count));
        }
    }

    /// Whether two lists of `(first, second, count)` triples agree, counts to 1e-12.
    fn same_triples(got: &[(u32, u32, f64)], want: &[(u32, u32, f64)]) -> bool {
        got.len() == want.len()
            && got.iter().zip(want).all(|(g, w)| (g.0, g.1) == (w.0, w.1) && (g.2 - w.2).abs() < 1e-12)
    }

    #[test]
    fn words_counts_and_bigrams_are_read_back() {
        // Steps 2048, 1024, 1024, 0 (counts e², e, e, 1): "déjà" then "débat" (same count: shares the 2 bytes of
        // "dé"), then "l'".
        let counts_bytes = [0x80, 0x10, 0x80, 0x08, 0x00, 0x80, 0x08];
        let words = "the\ndéjà\n\x03bat\nl'\n".as_bytes();
        let mut got = Vec::new();
        read_words(words, &counts_bytes, &mut got).unwrap();
        let e = 1f64.exp();
        let want = [("the", e * e), ("déjà", e), ("débat", e), ("l'", 1.0)];
        assert_eq!(got.len(), want.len());
        for ((word, count), (w, c)) in got.iter().zip(want) {
            assert!(word == w && (count - c).abs() < 1e-12, "{word} {count}");
        }
        assert!(read_words(b"the\n", &counts_bytes, &mut Vec::new()).is_err());
        assert!(read_words(b"the\n\x09x\n", &[5, 0], &mut Vec::new()).is_err());
        assert!(read_words(b"a\nb\n", &[5, 6], &mut Vec::new()).is_err());
        // "2", "social", "socials", "": the third line shares "social" with the second.
        assert_eq!(read_front_coded(b"\x002\n\x00social\n\x06s\n\x00\n").unwrap(), "2\nsocial\nsocials\n");
        assert!(read_front_coded(b"\x002\n\x05x\n").is_err());
        assert!(read_front_coded(b"\x002").is_err());
        // Pairs (0, 0), (0, 1), (1, 0) with steps 128, 64, 0: counts e², e, 1.
        let got = read_bigrams(&[3, 0, 0, 1, 0, 1, 0, 0x80, 0x01, 64, 0], 2).unwrap();
        assert!(same_triples(&got, &[(0, 0, e * e), (0, 1, e), (1, 0, 1.0)]), "{got:?}");
        assert!(read_bigrams(&[], 2).unwrap().is_empty());
        assert!(read_bigrams(&[1, 0, 2, 0], 2).is_err());
        assert!(read_bigrams(&[1, 0, 1, 0, 0], 2).is_err());
        assert!(read_bigrams(&[1, 0, 1, 0x80], 2).is_err());
        assert!(read_bigrams(&[200, 0], 2).is_err());
    }
}
