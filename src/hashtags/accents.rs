//! Accent folding: tags are often typed without the accents of their words (`#PetitDejeuner`), so the lexicon and
//! the typo index compare words without them.

/// `word` without the accents of French and other Latin-script languages (é → e, ç → c, œ → oe).
pub fn fold_accents(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let (first, second) = fold_char(c);
        out.push(first);
        out.extend(second);
    }
    out
}

/// `c` without its accent: one character, or two for a ligature (œ → oe).
pub fn fold_char(c: char) -> (char, Option<char>) {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => ('a', None),
        'é' | 'è' | 'ê' | 'ë' => ('e', None),
        'î' | 'ï' | 'í' | 'ì' => ('i', None),
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => ('o', None),
        'ù' | 'û' | 'ü' | 'ú' => ('u', None),
        'ç' => ('c', None),
        'ÿ' => ('y', None),
        'ñ' => ('n', None),
        'œ' => ('o', Some('e')),
        'æ' => ('a', Some('e')),
        _ => (c, None),
    }
}
