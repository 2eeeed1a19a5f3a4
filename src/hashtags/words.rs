//! Compact word storage for the lexicons: a list of words in one string (no allocation per word) and a table from a
//! word to its id that holds only ids (the words stay in their list). A lexicon of 90,000 words keeps them in about
//! 1.5 MB this way, where boxed strings in a `HashMap` took about 8 MB of WebAssembly memory.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;

/// Words by id, stored end to end in one string.
#[derive(Default)]
pub struct WordList {
    text: String,
    /// `starts[id]..starts[id + 1]` is word `id` in `text`.
    starts: Vec<u32>,
}

impl WordList {
    pub fn with_capacity(words: usize, bytes: usize) -> WordList {
        let mut starts = Vec::with_capacity(words + 1);
        starts.push(0);
        WordList { text: String::with_capacity(bytes), starts }
    }

    pub fn push(&mut self, word: &str) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.text.push_str(word);
        self.starts.push(self.text.len() as u32);
    }

    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, id: u32) -> &str {
        let id = id as usize;
        &self.text[self.starts[id] as usize..self.starts[id + 1] as usize]
    }

    /// Word `id` of this list, or of `words` where this one holds "" for it (forms without accents are stored only
    /// for the words that have accents).
    pub fn form<'a>(&'a self, words: &'a WordList, id: u32) -> &'a str {
        match self.get(id) {
            "" => words.get(id),
            form => form,
        }
    }

    /// Frees the room reserved beyond what the list holds.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.starts.shrink_to_fit();
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.starts.windows(2).map(|w| &self.text[w[0] as usize..w[1] as usize])
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.starts.capacity() * 4
    }
}

impl<'a> FromIterator<&'a str> for WordList {
    fn from_iter<I: IntoIterator<Item = &'a str>>(words: I) -> WordList {
        let mut list = WordList::default();
        for word in words {
            list.push(word);
        }
        list
    }
}

/// From a word to its id in a `WordList`: open addressing over ids, at most half full, sized once.
pub struct WordTable {
    /// `tag << ID_BITS | (id + 1)` of the word whose hash probes here first or after a collision, where the tag is
    /// the top bits of its hash (most words that are not the one sought are passed over without reading them); 0 for
    /// an empty slot.
    slots: Vec<u32>,
}

/// Bits of a slot that hold `id + 1`.
const ID_BITS: u32 = 20;
const ID_MASK: u32 = (1 << ID_BITS) - 1;

impl WordTable {
    /// A table for up to `words` ids.
    pub fn with_capacity(words: usize) -> WordTable {
        assert!(words < ID_MASK as usize, "a word table of fewer than 2^20 words");
        WordTable { slots: vec![0; (words * 2).next_power_of_two().max(16)] }
    }

    /// The first slot probed for `word` and its tag. The hash is spread by a multiplication (Fibonacci hashing) and
    /// the slot taken from its top bits: the low bits of a string's hash vary too little on 32-bit targets, and
    /// linear probing on them made clusters (the French lexicon took 10 s to load in wasm, 1 s with this).
    fn start(&self, word: &str) -> (usize, u32) {
        let spread = FixedState::default().hash_one(word).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let slot_bits = self.slots.len().trailing_zeros();
        ((spread >> (64 - slot_bits)) as usize, ((spread >> 8) as u32) & !ID_MASK)
    }

    /// The id of `word`, whose words are `list`.
    pub fn get(&self, list: &WordList, word: &str) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let (mut at, tag) = self.start(word);
        loop {
            match self.slots[at] {
                0 => return None,
                slot if slot & !ID_MASK == tag && list.get((slot & ID_MASK) - 1) == word => {
                    return Some((slot & ID_MASK) - 1)
                }
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Adds word `id` of `list` unless an equal word is there already (the first id of a word stays).
    pub fn insert(&mut self, list: &WordList, id: u32) {
        let mask = self.slots.len() - 1;
        let word = list.get(id);
        let (mut at, tag) = self.start(word);
        loop {
            match self.slots[at] {
                0 => {
                    self.slots[at] = tag | (id + 1);
                    return;
                }
                slot if slot & !ID_MASK == tag && list.get((slot & ID_MASK) - 1) == word => return,
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_ids_and_the_first_of_equal_words_wins() {
        let list: WordList = ["social", "media", "", "social", "médias"].into_iter().collect();
        assert_eq!((list.len(), list.get(1), list.get(2), list.get(4)), (5, "media", "", "médias"));
        let mut table = WordTable::with_capacity(list.len());
        for id in 0..list.len() as u32 {
            table.insert(&list, id);
        }
        assert_eq!(table.get(&list, "social"), Some(0));
        assert_eq!(table.get(&list, "médias"), Some(4));
        assert_eq!(table.get(&list, "medias"), None);
        assert_eq!(list.iter().collect::<Vec<_>>(), ["social", "media", "", "social", "médias"]);
    }

    #[test]
    fn a_full_range_of_ids_is_found() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let list: WordList = words.iter().map(String::as_str).collect();
        let mut table = WordTable::with_capacity(list.len());
        for id in 0..list.len() as u32 {
            table.insert(&list, id);
        }
        assert!(words.iter().enumerate().all(|(i, w)| table.get(&list, w) == Some(i as u32)));
        assert_eq!(table.get(&list, "w5000"), None);
    }
}
