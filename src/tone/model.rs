//! The learned part of the analyser: a logistic regression over hashed word, word-pair and character n-gram
//! features of the folded tokens, trained offline by tools/train_tone.py and shipped as data/tone/model.bin
//! (int8 weights with one scale, the non-zero ones behind a bitmap). Its probability says how much a text reads like
//! an offensive one.

use std::sync::OnceLock;

use super::fold::Token;

const MODEL_BYTES: &[u8] = include_bytes!("../../data/tone/model.bin");
const MAGIC: &[u8; 4] = b"STT2";

/// Weights of the hashed features: `weights[i] as f32 * scale`, plus a bias.
pub struct Model {
    mask: u32,
    scale: f32,
    bias: f32,
    weights: Box<[u8]>,
}

/// The shipped model, read once.
pub fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(MODEL_BYTES).expect("data/tone/model.bin is a valid model"))
}

impl Model {
    /// Layout: "STT2", log2 of the bucket count (u8), scale (f32 LE), bias (f32 LE), a bitmap of the buckets whose
    /// weight is not 0 (bucket i: bit i % 8 of byte i / 8), then those weights (i8) in bucket order. The weights are
    /// unpacked to one byte per bucket here, once.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        if bytes.len() < 13 || &bytes[..4] != MAGIC {
            return Err("not a tone model (magic)".into());
        }
        let bits = u32::from(bytes[4]);
        if !(3..=24).contains(&bits) {
            return Err(format!("tone model with 2^{bits} buckets"));
        }
        let f32_at = |i: usize| f32::from_le_bytes(bytes[i..i + 4].try_into().expect("four bytes"));
        let buckets = 1usize << bits;
        let (bitmap, nonzero) = bytes[13..].split_at_checked(buckets / 8).ok_or("tone model: bitmap cut short")?;
        let set: usize = bitmap.iter().map(|b| b.count_ones() as usize).sum();
        if nonzero.len() != set {
            return Err(format!("tone model has {} weights for {set} buckets marked non-zero", nonzero.len()));
        }
        let mut weights = vec![0u8; buckets].into_boxed_slice();
        let mut next = nonzero.iter();
        for (byte, chunk) in bitmap.iter().zip(weights.chunks_exact_mut(8)) {
            for (bit, weight) in chunk.iter_mut().enumerate() {
                if (byte >> bit) & 1 == 1 {
                    *weight = *next.next().expect("as many weights as bits set");
                }
            }
        }
        Ok(Model { mask: (1 << bits) - 1, scale: f32_at(5), bias: f32_at(9), weights })
    }

    /// The probability that the tokens read as offensive: the bias plus the features' weights over the L2 norm of
    /// the feature counts (each bucket counted as often as its features fall in it). The weights are summed as
    /// integers and scaled once; the counts are kept in a small open-addressed table, not sorted.
    pub fn probability(&self, tokens: &[Token]) -> f32 {
        let mut counts = BucketCounts::with_room(tokens.iter().map(|t| t.text.len() * 2 + 2).sum());
        let mut dot: i32 = 0;
        features(tokens, |hash| {
            let bucket = hash & self.mask;
            dot += i32::from(self.weights[bucket as usize] as i8);
            counts.add(bucket);
        });
        if counts.norm2 == 0 {
            return sigmoid(self.bias);
        }
        sigmoid(self.bias + dot as f32 * self.scale / (counts.norm2 as f32).sqrt())
    }

    /// How much each token pushes the text towards offensive: its word and character n-grams' weights.
    pub fn token_weight(&self, token: &Token) -> f32 {
        let mut sum = 0.0;
        features(std::slice::from_ref(token), |hash| {
            sum += f32::from(self.weights[(hash & self.mask) as usize] as i8) * self.scale;
        });
        sum
    }
}

/// How often each bucket occurs among a text's features, and the sum of the squared counts as they grow.
struct BucketCounts {
    /// `bucket + 1` per slot (0: empty) and its count, linear probing.
    slots: Vec<(u32, u32)>,
    norm2: u64,
}

impl BucketCounts {
    /// A table for at most `features` features (the caller's bound: a token of n bytes has at most 2n + 2: its
    /// word, its pair with the next, n 3-grams and n − 1 4-grams of `<token>`), never more than two thirds full,
    /// so that a probe always ends and stays short.
    fn with_room(features: usize) -> BucketCounts {
        BucketCounts { slots: vec![(0, 0); (features + features / 2 + 1).next_power_of_two().max(64)], norm2: 0 }
    }

    fn add(&mut self, bucket: u32) {
        let key = bucket + 1;
        let mask = self.slots.len() - 1;
        // Fibonacci hashing spreads the buckets' low bits over the table.
        let mut at = (key.wrapping_mul(0x9E37_79B9) >> 8) as usize & mask;
        loop {
            let slot = &mut self.slots[at];
            if slot.0 == key || slot.0 == 0 {
                slot.0 = key;
                // (c + 1)² − c² = 2c + 1
                self.norm2 += 2 * u64::from(slot.1) + 1;
                slot.1 += 1;
                return;
            }
            at = (at + 1) & mask;
        }
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// FNV-1a, 32 bits, over the UTF-8 bytes of a feature's parts.
fn fnv1a(parts: &[&str]) -> u32 {
    let mut h = FNV_OFFSET;
    for part in parts {
        for &b in part.as_bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// FNV-1a as the hasher of the analyser's word maps: short keys, no untrusted-key flooding concern, and much
/// faster in wasm than the default SipHash.
pub struct FnvHasher(u32);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(FNV_OFFSET)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u32::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    fn finish(&self) -> u64 {
        u64::from(self.0)
    }
}

/// A HashMap keyed by words, hashed with FNV-1a.
pub type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FnvHasher>>;
/// A set of words with the same hashing.
pub type WordSet = std::collections::HashSet<String, std::hash::BuildHasherDefault<FnvHasher>>;

/// Calls `emit` with the hash of every feature: "w:" word, "b:" word pair, "c:" character 3- and 4-grams of
/// the word framed by `<` and `>`.
fn features(tokens: &[Token], mut emit: impl FnMut(u32)) {
    let mut framed = String::new();
    let mut bounds: Vec<usize> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        emit(fnv1a(&["w:", &token.text]));
        if let Some(next) = tokens.get(i + 1) {
            emit(fnv1a(&["b:", &token.text, " ", &next.text]));
        }
        framed.clear();
        framed.push('<');
        framed.push_str(&token.text);
        framed.push('>');
        bounds.clear();
        bounds.extend(framed.char_indices().map(|(b, _)| b).chain([framed.len()]));
        for n in [3, 4] {
            for w in bounds.windows(n + 1) {
                emit(fnv1a(&["c:", &framed[w[0]..w[n]]]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone::fold::tokens;

    #[test]
    fn scores_agree_with_the_training_script() {
        // data/tone/parity.tsv: texts and the probability train_tone.py computed with the quantised weights.
        let cases = crate::tone::parity_cases(include_str!("../../data/tone/parity.tsv"));
        for &(expected, text) in &cases {
            let got = shipped().probability(&tokens(text));
            assert!((got - expected).abs() < 1e-3, "{text:?}: rust {got} vs python {expected}");
        }
        assert!(cases.len() >= 20);
    }

    #[test]
    fn rejects_a_file_that_is_not_a_model() {
        assert!(Model::from_bytes(b"nope").is_err());
        assert!(Model::from_bytes(b"STT1\x04\0\0\0\0\0\0\0\0abc").is_err());
        // 16 buckets, three marked non-zero but two weights.
        assert!(Model::from_bytes(b"STT2\x04\0\0\0\0\0\0\0\0\x07\0\x01\x02").is_err());
        assert!(Model::from_bytes(b"STT2\x04\0\0\0\0\0\0\0\0\x07").is_err());
    }

    #[test]
    fn unpacks_the_non_zero_weights_to_their_buckets() {
        // 16 buckets; buckets 1, 8 and 15 hold 5, -1 and 7.
        let model = Model::from_bytes(b"STT2\x04\0\0\x80\x3f\0\0\0\0\x02\x81\x05\xff\x07").unwrap();
        let mut expected = [0u8; 16];
        (expected[1], expected[8], expected[15]) = (5, 0xff, 7);
        assert_eq!(&model.weights[..], &expected);
        assert_eq!((model.mask, model.scale, model.bias), (15, 1.0, 0.0));
    }

    #[test]
    fn an_insult_weighs_more_than_a_greeting() {
        let model = shipped();
        let insult = model.probability(&tokens("you are a stupid idiot"));
        let greeting = model.probability(&tokens("thanks for your message, have a nice day"));
        assert!(insult > 0.5 && greeting < 0.5, "{insult} {greeting}");
    }
}
