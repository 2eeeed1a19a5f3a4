//! A second learned model for English, ported from the PyPI package alt-profanity-check 1.9.1 (MIT, data/tone/
//! ORIGIN.md): TF-IDF over 15,442 words and five linear SVMs, each with its sigmoid calibration, averaged.
//! tools/port_profanity_check.py wrote data/tone/profanity_check.bin from the package's trained files. It reads
//! the folded tokens, so the evasions `fold` undoes reach it too.

use std::sync::OnceLock;

use super::fold::Token;
use super::model::WordMap;

const BYTES: &[u8] = include_bytes!("../../data/tone/profanity_check.bin");

/// One calibrated linear SVM: weights `coef[i] as f32 * scale`, its intercept, and sigmoid `a`, `b`.
struct Svm {
    scale: f32,
    intercept: f32,
    a: f32,
    b: f32,
}

pub struct WordModel {
    svms: Vec<Svm>,
    /// Each vocabulary word: its idf and one int8 weight per SVM.
    words: WordMap<&'static str, (f32, &'static [u8])>,
}

/// The shipped port, read once.
pub fn shipped() -> &'static WordModel {
    static MODEL: OnceLock<WordModel> = OnceLock::new();
    MODEL.get_or_init(|| WordModel::from_bytes(BYTES).expect("data/tone/profanity_check.bin is a valid model"))
}

impl WordModel {
    /// Layout: "SPC1", word count (u32 LE), SVM count (u8); per SVM scale, intercept, a, b (f32 LE); then per word
    /// its UTF-8 length (u8), the word, idf × 1000 (u16 LE) and one i8 weight per SVM.
    fn from_bytes(bytes: &'static [u8]) -> Result<WordModel, String> {
        let mut at = 0;
        let mut take = |n: usize| -> Result<&'static [u8], String> {
            let slice = bytes.get(at..at + n).ok_or("truncated word model")?;
            at += n;
            Ok(slice)
        };
        if take(4)? != b"SPC1" {
            return Err("not a word model (magic)".into());
        }
        let count = u32::from_le_bytes(take(4)?.try_into().expect("four bytes")) as usize;
        let n_svms = usize::from(take(1)?[0]);
        let mut f32_next =
            || -> Result<f32, String> { Ok(f32::from_le_bytes(take(4)?.try_into().expect("four bytes"))) };
        let mut svms = Vec::with_capacity(n_svms);
        for _ in 0..n_svms {
            svms.push(Svm { scale: f32_next()?, intercept: f32_next()?, a: f32_next()?, b: f32_next()? });
        }
        let mut words = WordMap::with_capacity_and_hasher(count, Default::default());
        for _ in 0..count {
            let len = usize::from(take(1)?[0]);
            let word = std::str::from_utf8(take(len)?).map_err(|e| e.to_string())?;
            let idf = f32::from(u16::from_le_bytes(take(2)?.try_into().expect("two bytes"))) / 1000.0;
            words.insert(word, (idf, take(n_svms)?));
        }
        if at != bytes.len() {
            return Err("trailing bytes after the word model".into());
        }
        Ok(WordModel { svms, words })
    }

    /// The averaged calibrated probability that the tokens are offensive.
    pub fn probability(&self, tokens: &[Token]) -> f32 {
        // Term frequencies: the known words, sorted so that repeats of one word are neighbours.
        let mut known: Vec<&(f32, &[u8])> = tokens.iter().filter_map(|t| self.words.get(t.text.as_str())).collect();
        known.sort_unstable_by_key(|entry| entry.1.as_ptr());
        let weighted: Vec<(f32, &[u8])> = known
            .chunk_by(|a, b| std::ptr::eq(a.1.as_ptr(), b.1.as_ptr()))
            .map(|run| (run.len() as f32 * run[0].0, run[0].1))
            .collect();
        let norm = weighted.iter().map(|(x, _)| x * x).sum::<f32>().sqrt();
        let mean: f32 = self
            .svms
            .iter()
            .enumerate()
            .map(|(i, svm)| {
                let dot: f32 = weighted.iter().map(|(x, coefs)| x * f32::from(coefs[i] as i8)).sum();
                let decision = if norm > 0.0 { dot * svm.scale / norm } else { 0.0 } + svm.intercept;
                1.0 / (1.0 + (svm.a * decision + svm.b).exp())
            })
            .sum();
        mean / self.svms.len() as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone::fold::tokens;

    #[test]
    fn the_port_gives_the_original_models_probabilities() {
        // data/tone/parity_profanity_check.tsv: the sklearn model's own predict_proba on these texts.
        let cases = crate::tone::parity_cases(include_str!("../../data/tone/parity_profanity_check.tsv"));
        for &(expected, text) in &cases {
            let got = shipped().probability(&tokens(text));
            assert!((got - expected).abs() < 0.02, "{text:?}: port {got} vs original {expected}");
        }
        assert!(cases.len() >= 10);
    }

    #[test]
    fn rejects_a_file_that_is_not_a_word_model() {
        assert!(WordModel::from_bytes(b"SPC0").is_err());
        assert!(WordModel::from_bytes(b"SPC1\x01\0\0\0\x01").is_err());
    }
}
