//! Splits a run of lowercase letters into the most probable words (`socialmediatips` → social media tips), by dynamic
//! programming over end positions with unigram costs, the bigram of the best previous word, a dictionary word's cost
//! for a stretch Hunspell accepts that the list lacks, and a cost for runs that are no word at all. An elided word
//! (French d, l, qu for d', l', qu') is followed by a word that begins with a vowel or h (`offredemploi` → offre d
//! emploi). With typos admitted, a stretch may also stand for a known word within the allowed edit distance
//! (`custmerservice` → customer service), at a cost per edit (more for a letter struck at random than for a dropped,
//! swapped or doubled letter or a neighbouring key on QWERTY or AZERTY), without cutting through a word the exact split
//! found (santé|publique is never santé|ubique) nor replacing one that Hunspell accepts and the list lacks (votez is
//! never voyez); after an elided word, the word meant begins with a vowel or h, whatever letter the typo put there
//! (#créateurdtntreprise), and a d typed before a consonant may be de with its e dropped (#jeuxdsociété). Two letters
//! swapped across a word boundary are one edit too (#pladtujour: plat du jour). The typo-tolerant split holds only
//! words a fix may hold (`Lexicon::may_be_in_fix`), so that the best fix is not hidden by a cheaper one that could not
//! be offered.

use super::accents::{fold_accents, fold_char};
use super::fuzzy::is_swap;
use super::lexicon::{Lexicon, MAX_WORD_CHARS};
use crate::lang::Lang;

/// Cost of one edit, in nats: a typo fix must make the split this much more probable, per edit, to win.
pub const TYPO_COST: f32 = 6.0;
/// Extra cost of a one-edit typo that strikes a letter no neighbour explains (a random substitution or insertion),
/// over the common kinds: a dropped letter, two letters swapped, a doubled letter, an adjacent key, an accent. Chosen
/// on the development set with `examples/hashtag_errors.rs` (1.5, 2, 3 and 4.5 tried; 2 best on top-1).
const RANDOM_LETTER_COST: f32 = 2.0;
/// Extra cost of a fix into a word of three letters rarer than the frequent short words (`Lexicon::is_rarer_short`):
/// many short stretches are one edit from one (#raiyday is rainy day, not "ray day"). Chosen on the development
/// listing (`examples/hashtag_errors.rs`, seeds 20261127 and 7): 0 gave French 401 and 386 of 460 and the second
/// English set 241 and 244 of 270 and 274; 2 gave 401, 385, 242, 245; 4 (with struck letters still fixed) lost two
/// French fixes.
const RARER_SHORT_FIX_COST: f32 = 2.0;
/// Extra cost of each edit of a split beyond its first: two typos in one tag are rarer than one. Chosen on the
/// development set with `examples/hashtag_errors.rs` (French, seeds 20261127 and 7, as typed and lower case): 0, 2,
/// 4, 6 and 9 tried; top-1 rises with it (+14, +16, +22, +24 of 2,416 typos), recall falls (4, 6, 8, 8 more not
/// flagged), and the seeded typos are all of one edit, which favours a high value: 4, a second edit costing 10 nats.
const FURTHER_EDIT_COST: f32 = 4.0;
/// The share of the cost per word that the word after an elided one adds: d'été is one written token, run together
/// in prose too, so that a typo's fix keeps the d' (#stcgedété is stage d'été, not "stage été" with the d struck
/// out). 0, 0.5 and 1 tried on the development set: 0.5 best on top-1 (0 flagged #communitymanager).
const ELIDED_NEXT_WORD_SHARE: f32 = 0.5;
/// Shortest stretch that may be a typo of a word (`ed` for de; a typo's fix has two letters or more).
const MIN_TYPO_STRETCH_CHARS: usize = 2;
/// Shortest word of the dictionary that the counts lack and the list holds at a prior (French: derived from the
/// dictionary) that a typo's fix never replaces, as it never replaces one the list lacks: a verb form such as
/// "cuisinez" (#cuisinezmaison is no "cuisine maison"). Shorter ones are as often typos of a common word (#fiatmaison,
/// #bonneanee). Chosen on the development listing (`examples/hashtag_errors.rs`, seeds 20261127 and 7): any length
/// lost those two fixes, 5 and 6 none.
const MIN_UNCOUNTED_KEPT_CHARS: usize = 5;
/// Shortest stretch Hunspell is asked about: shorter ones are abbreviations and symbols more often than words.
const MIN_DICTIONARY_CHARS: usize = 4;

/// One word of a split: the word as the lexicon spells it (or the letters as typed when unknown).
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub text: String,
    /// Letters typed for it.
    pub typed: usize,
    /// Edits from the letters typed to `text` (0: typed as is).
    pub edits: u8,
    /// A word of the frequency list or of Hunspell (false: a run of letters neither knows).
    pub known: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    pub words: Vec<Word>,
    pub cost: f32,
}

impl Split {
    pub fn edits(&self) -> u32 {
        self.words.iter().map(|w| u32::from(w.edits)).sum()
    }
}

#[derive(Clone, Copy)]
enum Edge {
    Known {
        id: u32,
        edits: u8,
    },
    /// Accepted by Hunspell, not in the list.
    Dictionary,
    Unknown,
}

/// States of a split at a position: after a word, after an elided word (the next begins with a vowel or h), after a
/// word that took the letter typed after the one it ends with (two letters swapped across a word boundary: #pladtujour
/// for plat du jour), which the next word begins with, after a rare short noun of a typo split (tri, spa, coq:
/// `Lexicon::is_short_noun`), which only a word linking it to its complement follows, typed as is (tri des déchets, coq
/// au vin: `Lang::noun_links`; elsewhere it is a guess, "homes tag king" for #homestagxing); each of them with no edit
/// so far, or plus `EDITED` with some (a swap is an edit: `SWAPPED` alone is never used). Edits beyond a split's first
/// cost more (`further_edits_cost`), so a split with an edit and one without are kept apart: the cheaper of the two at
/// a position may not be the cheaper later (#adoptezunchiem is adoptez un chien, one edit, though "adopte un", with
/// "zun" typed for un, is cheaper up to the n).
const PLAIN: usize = 0;
const ELIDED: usize = 1;
const SWAPPED: usize = 2;
const HELD: usize = 3;
const EDITED: usize = 4;
const STATES: usize = 8;

/// The states any next word may follow (not in the middle of a swap, nor after a rare short noun).
const ENTRY_STATES: [usize; 4] = [PLAIN, ELIDED, PLAIN + EDITED, ELIDED + EDITED];

/// The ways into a word from `states`, (state, rank): the first split kept in each state, then the second, and so on
/// (`Kept`).
const fn ways<const N: usize, const M: usize>(states: [usize; N]) -> [(usize, usize); M] {
    let mut ways = [(0, 0); M];
    let mut k = 0;
    while k < M {
        ways[k] = (states[k % N], k / N);
        k += 1;
    }
    ways
}

/// The ways into any word.
const ENTRIES: [(usize, usize); KEPT * ENTRY_STATES.len()] = ways(ENTRY_STATES);

/// Whether a state is after an elided word, with or without edits.
fn is_elided_state(state: usize) -> bool {
    state % EDITED == ELIDED
}

/// The ways into a word of `Lang::noun_links` typed as is from after a rare short noun.
const HELD_ENTRIES: [(usize, usize); KEPT * 2] = ways([HELD, HELD + EDITED]);

/// The state of a split of kind `kind` (`PLAIN`, `ELIDED`, `SWAPPED`, `HELD`) that holds `edits` edits.
fn state_of(kind: usize, edits: u8) -> usize {
    kind + if edits > 0 { EDITED } else { 0 }
}

/// The cost a split of kind `kind` reaching this position must stay under to be worth keeping: the budget, the
/// cheapest split there without edits, and the cheapest with some, plus `FURTHER_EDIT_COST` when the split kept has
/// none (its next edit costs that much less than theirs).
fn bound_of(winners: &[Kept; STATES], kind: usize, edited: bool, budget: f32) -> f32 {
    let clean = winners[kind].first().map_or(budget, |w| w.cost.min(budget));
    let extra = if edited { 0.0 } else { FURTHER_EDIT_COST };
    winners[kind + EDITED].first().map_or(clean, |w| clean.min(w.cost + extra))
}

/// The words of the tag on either side of the letters split (their ids): #ThcnkYou is judged one piece at a time,
/// and "thank" reads better than "think" before "you". A bigram of the word before with the split's first word, and of
/// its last word with the word after, counts as between two words of one split.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    pub before: Option<u32>,
    pub after: Option<u32>,
}

#[derive(Clone, Copy)]
struct Best {
    cost: f32,
    from: usize,
    /// The state at `from` (`PLAIN`, `ELIDED`, `SWAPPED`, each maybe plus `EDITED`).
    from_state: usize,
    /// Which of the splits kept in that state (`Kept`).
    from_rank: usize,
    /// Edits of the split up to here.
    edits: u8,
    edge: Edge,
}

impl Edge {
    /// The listed word the edge reads, which the next word's bigram is with.
    fn word(&self) -> Option<u32> {
        match *self {
            Edge::Known { id, .. } => Some(id),
            Edge::Dictionary | Edge::Unknown => None,
        }
    }
}

/// The splits kept at a position in one state: the cheapest, and the cheapest that end in other words whose bigram
/// holds a word typed next, `KEPT` in all. The next word costs by its bigram with the last one, so the cheaper way to a
/// position may not be the cheaper a word later (#suveznotrecompte: "savez" alone costs less than "suivez", "suivez
/// notre" less than "savez notre"; #tknyhouse: tony, tiny). A word whose bigrams hold no word typed next gains nothing
/// from it, and kept behind the first it would take the place of one that may. On the development listing
/// (`examples/hashtag_errors.rs`, seeds 20261127 and 7) the cheapest alone gave French 385 and 376 of 460, any second
/// 389 and 379, a second of a paired word 392 and 379; English (second set) 234 and 236 of 270 and 274, then 239 and
/// 241 both ways; no correct tag newly flagged. Three (8 December) gave French 406 and 395 of 460 against 406 and 392
/// with two (#clubdsport: "club de", costlier than "clubs" and "club" typed for clubd, is the third way to the d), the
/// second English set 243 and 247 of 270 and 274 against 242 and 245, for about 5 % more instructions per tag
/// (callgrind, six tags); four, one English fix more for 5 % more again. Keeping behind the first only the words whose
/// bigrams hold a word typed next, not every word some bigram begins with, then gave English 245 and 248 (#iccream:
/// "ice", one of five fixes of "ic", had lost its place to "is" and "it"), French unchanged, for 2–4 % more
/// instructions; with two kept so, French 406 and 395 and English 245 and 246. No correct tag newly flagged.
const KEPT: usize = 3;
#[derive(Clone, Copy, Default)]
struct Kept([Option<Best>; KEPT]);

impl Kept {
    fn first(&self) -> Option<Best> {
        self.0[0]
    }

    /// Keeps `candidate` if it is the cheapest, or cheaper than one kept behind the first and ends in a paired word
    /// no cheaper split kept ends in (a costlier one of its word makes room). Most candidates are neither, and are
    /// turned away by their cost alone.
    fn offer(&mut self, candidate: Best, continues: &impl Fn(u32) -> bool) {
        let slots = &mut self.0;
        // Where it would go: most candidates cost more than every split kept.
        let Some(at) = slots.iter().position(|s| s.is_none_or(|s| candidate.cost < s.cost)) else { return };
        let word = candidate.edge.word();
        let paired = |b: &Best| b.edge.word().is_some_and(continues);
        if slots[..at].iter().flatten().any(|s| s.edge.word() == word) || (at > 0 && !paired(&candidate)) {
            return;
        }
        // A costlier split of the same word, or else the last, makes room.
        let freed =
            slots[at..].iter().position(|s| s.is_some_and(|s| s.edge.word() == word)).map_or(KEPT - 1, |k| at + k);
        slots.copy_within(at..freed, at + 1);
        slots[at] = Some(candidate);
        // The first, now second, stays only if paired.
        if at == 0 && slots[1].is_some_and(|s| !paired(&s)) {
            slots.copy_within(2.., 1);
            slots[KEPT - 1] = None;
        }
    }
}

/// What the lexicon says of the stretches of one run, asked once each and shared by the exact and the typo-tolerant
/// split: the listed word each stretch is, up front, and Hunspell's verdict, when first needed.
pub struct Verdicts {
    /// `ids[start][len - 1]`: the listed word the stretch of `len` letters from `start` is.
    ids: Vec<[Option<u32>; MAX_WORD_CHARS]>,
    /// By `start * (MAX_WORD_CHARS + 1) + len`: 0 not asked, 1 accepted, 2 rejected.
    asked: Vec<u8>,
}

impl Verdicts {
    pub fn new(lex: &Lexicon, letters: &[char]) -> Verdicts {
        let n = letters.len();
        let mut ids = vec![[None; MAX_WORD_CHARS]; n + 1];
        let mut stretch = String::new();
        for (start, ids) in ids.iter_mut().enumerate().take(n) {
            stretch.clear();
            for (id, &c) in ids.iter_mut().zip(&letters[start..]) {
                stretch.push(c);
                *id = lex.id(&stretch);
            }
        }
        Verdicts { ids, asked: vec![0; n * (MAX_WORD_CHARS + 1)] }
    }

    fn accepts(&mut self, lex: &Lexicon, start: usize, stretch: &str, len: usize) -> bool {
        let slot = &mut self.asked[start * (MAX_WORD_CHARS + 1) + len];
        if *slot == 0 {
            *slot = if lex.hunspell_accepts_lowercase(stretch) { 1 } else { 2 };
        }
        *slot == 1
    }
}

/// The key of each letter a–z on a keyboard of these three rows: its row, and its column in half keys, each row
/// staggered by half a key from the one above.
const fn layout(rows: [&[u8]; 3]) -> [(i8, i8); 26] {
    let mut keys = [(0, 0); 26];
    let mut row = 0;
    while row < rows.len() {
        let mut column = 0;
        while column < rows[row].len() {
            keys[(rows[row][column] - b'a') as usize] = (row as i8, (2 * column + row) as i8);
            column += 1;
        }
        row += 1;
    }
    keys
}

/// QWERTY, the English keyboard.
const QWERTY: [(i8, i8); 26] = layout([b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"]);
/// AZERTY, the French keyboard.
const AZERTY: [(i8, i8); 26] = layout([b"azertyuiop", b"qsdfghjklm", b"wxcvbn"]);

/// The key of a letter (accents aside) on the language's keyboard: row, column in half keys.
fn key_position(lang: Lang, c: char) -> Option<(i8, i8)> {
    let c = fold_char(c).0;
    let keys = match lang {
        Lang::En => &QWERTY,
        Lang::Fr => &AZERTY,
    };
    c.is_ascii_lowercase().then(|| keys[usize::from(c as u8 - b'a')])
}

/// Two letters whose keys touch: rows at most one apart, columns at most a key (two half keys) apart.
fn adjacent_keys(lang: Lang, a: char, b: char) -> bool {
    match (key_position(lang, a), key_position(lang, b)) {
        (Some((ra, ca)), Some((rb, cb))) => (ra - rb).abs() <= 1 && (ca - cb).abs() <= 2,
        _ => false,
    }
}

/// The extra cost of the one edit from `typed` to word `id`: none for a dropped letter, a transposition, a doubled
/// letter, an adjacent key struck instead or as well, an accent; `RANDOM_LETTER_COST` for a letter no neighbour
/// explains.
fn edit_kind_cost(lex: &Lexicon, typed: &[char], id: u32, accents_typed: bool) -> f32 {
    let plain = !accents_typed && typed.iter().all(char::is_ascii);
    let word: Vec<char> = lex.word(id).chars().map(|c| if plain { fold_char(c).0 } else { c }).collect();
    let i = typed.iter().zip(&word).take_while(|(a, b)| a == b).count();
    let cheap = if typed.len() == word.len() + 1 {
        // An extra letter typed at i: doubled or next to a neighbour's key.
        let x = typed[i];
        (i > 0 && (typed[i - 1] == x || adjacent_keys(lex.lang, typed[i - 1], x)))
            || typed.get(i + 1).is_some_and(|&n| n == x || adjacent_keys(lex.lang, n, x))
    } else {
        let dropped = typed.len() + 1 == word.len();
        let swapped = is_swap(typed, &word);
        // Otherwise a substitution at i: an accent or a neighbouring key.
        dropped
            || swapped
            || match (typed.get(i), word.get(i)) {
                (Some(&a), Some(&b)) => fold_char(a).0 == fold_char(b).0 || adjacent_keys(lex.lang, a, b),
                _ => true,
            }
    };
    if cheap {
        0.0
    } else {
        RANDOM_LETTER_COST
    }
}

/// The cost of the edits beyond a split's first, as a split of `before` edits grows to `after`: `FURTHER_EDIT_COST`
/// each, on top of `TYPO_COST` (#wejkendàparis is weekend à paris, one edit, not weekend à partis with two).
fn further_edits_cost(before: u8, after: u8) -> f32 {
    FURTHER_EDIT_COST * f32::from(after.saturating_sub(1) - before.saturating_sub(1))
}

/// The cost of a split that reaches a word by `before`, before the word's own: the word after an elided one adds
/// only a share of `word_cost`.
fn entry_cost(before: &Best, from_elided: bool, word_cost: f32) -> f32 {
    before.cost + if from_elided { word_cost * ELIDED_NEXT_WORD_SHARE } else { word_cost }
}

/// A vowel, accents aside.
fn is_vowel(c: char) -> bool {
    matches!(fold_char(c).0, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Letters that may follow an elided word (l'amour, d'hiver): a vowel, y or h.
fn opens_elision(c: char) -> bool {
    is_vowel(c) || matches!(fold_char(c).0, 'y' | 'h')
}

/// The best split of `letters` (lowercase) between the words of `context`. Each word adds `word_cost`: how unlikely
/// the writer is to have run one more word in (high inside one CamelCase hump). With `typos`, the exact split of the
/// same letters in the same context: stretches may then stand for a word within the allowed edits, but never begin or
/// end inside one of its words when they are all correct.
pub fn split(
    lex: &Lexicon,
    letters: &[char],
    word_cost: f32,
    typos: Option<&Split>,
    context: Context,
    verdicts: &mut Verdicts,
) -> Split {
    let n = letters.len();
    // What a listed last word gains from its bigram with the word after (zero or less), and the most it may gain: a
    // stretch ending the letters is not passed over for costing no less than the bound by less than that.
    let slack_at_end = context.after.map_or(0.0, |next| lex.cost(None, next));
    let after = |id: u32| context.after.map_or(0.0, |next| lex.cost(Some(id), next) - slack_at_end);
    // inside[p]: position p is strictly inside a word of the exact split, when all its words are correct.
    let mut inside = vec![false; n + 1];
    // dictionary_word_at[start]: the letters of the exact split's word there when Hunspell accepts it and the list
    // lacks it or holds it at a prior only (0: none; `MIN_UNCOUNTED_KEPT_CHARS`). Such a word is never replaced by a
    // listed word a typo away (#votezpourmoi is no "voyez pour moi", #adoptezunchat no "adopte un chat"): it costs a
    // dictionary word because no count is known, not because it is rare, and the verb forms the counts lack are
    // common in tags (issue 13).
    let mut dictionary_word_at = vec![0; n + 1];
    if let Some(exact) = typos.filter(|exact| exact.words.iter().all(|w| w.known && lex.is_common_word(&w.text))) {
        let mut at = 0;
        for w in &exact.words {
            inside[at + 1..at + w.typed].iter_mut().for_each(|p| *p = true);
            let id = lex.id(&w.text);
            let uncounted = w.typed >= MIN_UNCOUNTED_KEPT_CHARS && id.is_some_and(|id| !lex.is_counted(id));
            if w.edits == 0 && (id.is_none() || uncounted) {
                dictionary_word_at[at] = w.typed;
            }
            at += w.typed;
        }
    }
    // A typo split matters only when cheaper than the exact one: costlier paths are not explored further (every
    // step costs zero or more). Unknown runs stay open, so that every end is reached.
    let budget = typos.map_or(f32::INFINITY, |exact| exact.cost);
    // best[end][state]: the cheapest splits of letters[..end] that end in that state.
    let mut best: Vec<[Kept; STATES]> = vec![[Kept::default(); STATES]; n + 1];
    best[0][PLAIN]
        .offer(Best { cost: 0.0, from: 0, from_state: PLAIN, from_rank: 0, edits: 0, edge: Edge::Unknown }, &|_| false);
    // The letters as one string and each one's byte offset, so that a stretch is a slice of it, not a copy.
    let text: String = letters.iter().collect();
    let offsets: Vec<usize> = text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
    // Typed with accents somewhere, the run's typos are measured on the letters as typed, accents counting: a writer
    // who typed "soirée" would have typed "entrepôts" (#soiréeentrepotes is soirée entre potes).
    let ascii_run = letters.iter().all(char::is_ascii);
    let mut buf = String::new();
    let mut near = Vec::new();
    let links = |id: u32| lex.lang.noun_links().contains(&lex.word(id));
    for end in 1..=n {
        let mut winners = [Kept::default(); STATES];
        // A split is kept behind the first only if its last word's bigram holds a word typed next.
        let next = verdicts.ids[end];
        let continues = |last: u32| lex.has_pairs(last) && next.iter().flatten().any(|&id| lex.is_pair(last, id));
        let offer = |winners: &mut [Kept; STATES], kind: usize, candidate: Best| {
            winners[state_of(kind, candidate.edits)].offer(candidate, &continues);
        };
        // First the words of the list and unknown runs, then what costs more to look up (Hunspell, typo candidates),
        // only where it could still beat them.
        for costly in [false, true] {
            for start in end.saturating_sub(MAX_WORD_CHARS)..end {
                let stretch = &letters[start..end];
                let stretch_text = &text[offsets[start]..offsets[end]];
                let whole = start == 0 && end == n;
                let exact = verdicts.ids[start][end - start - 1];
                // Typo candidates of the stretch, looked up once for every state at `start`.
                let mut looked_up = false;
                if costly && typos.is_some() {
                    swapped_edges(
                        lex,
                        letters,
                        start,
                        end,
                        &best,
                        &inside,
                        &mut winners,
                        budget,
                        word_cost,
                        &continues,
                        &mut buf,
                    );
                }
                // The splits kept behind the first in a state go on by a listed word their last word's bigram holds,
                // never by a typo's fix or a Hunspell word: they are kept for that bigram, and by any other word the
                // first is as cheap or cheaper. Going on by typo fixes too found the same fixes on the development
                // listing for a fifth more of the split's own instructions (callgrind, #sutenezleslibraires).
                let entries = if costly { &ENTRIES[..ENTRY_STATES.len()] } else { &ENTRIES[..] };
                // After a rare short noun of a typo split, only a word that links it to its complement, typed as is.
                let after_held = !costly
                    && (best[start][HELD].first().is_some() || best[start][HELD + EDITED].first().is_some())
                    && exact.is_some_and(links);
                let held_entries: &[(usize, usize)] = if after_held { &HELD_ENTRIES } else { &[] };
                // Inside a run, d' typed before a consonant, where de belongs with its e dropped (#jeuxdsociété: jeux
                // de société): of the elided words, the one whose full form links a noun to its complement. Not c',
                // l', s' (#cdiscount is no "ce discount"), nor the first letter of a tag, a brand's as often.
                let before_consonant = letters.get(end).is_some_and(|&c| !opens_elision(c));
                let unelided =
                    if costly && typos.is_some() && start > 0 && before_consonant && !inside[start] && !inside[end] {
                        exact.and_then(|id| lex.unelided(id)).filter(|&full| links(full))
                    } else {
                        None
                    };
                for &(from_state, from_rank) in entries.iter().chain(held_entries) {
                    let Some(before) = best[start][from_state].0[from_rank] else { continue };
                    if from_rank > 0 && !exact.zip(before.edge.word()).is_some_and(|(id, last)| lex.is_pair(last, id)) {
                        continue;
                    }
                    let from_elided = is_elided_state(from_state);
                    // After an elided word, the word typed (or, for a typo, the word meant) begins with a vowel or h.
                    let elision_typed = !from_elided || opens_elision(stretch[0]);
                    if !elision_typed && !costly {
                        continue;
                    }
                    let base = entry_cost(&before, from_elided, word_cost);
                    let previous = match before.edge {
                        Edge::Known { id, .. } if start > 0 => Some(id),
                        _ if start == 0 => context.before,
                        _ => None,
                    };
                    let tail = |id: u32| if end == n { after(id) } else { 0.0 };
                    let slack = if end == n { slack_at_end } else { 0.0 };
                    let link = |cost: f32, edge: Edge| {
                        let edits = before.edits + if let Edge::Known { edits, .. } = edge { edits } else { 0 };
                        let cost = base + cost + further_edits_cost(before.edits, edits);
                        Best { cost, from: start, from_state, from_rank, edits, edge }
                    };
                    if !costly {
                        // A typo split is only worth its cost when it can be offered: its words may all stand in
                        // a fix (a rare short word or a name in the middle never does: #expohoto is no "ex photo"; a
                        // rare short noun only before a word that links it to its complement: `HELD`).
                        let (exact, held) = match exact {
                            Some(id) if typos.is_some() && !lex.may_be_in_fix(id, false, whole) => {
                                let held = !whole && lex.is_short_noun(id);
                                (exact.filter(|_| held), held)
                            }
                            _ => (exact, false),
                        };
                        // A word linking a noun is never typed twice in a row (de de, of of): one typed as is never
                        // follows the same one a typo was fixed into (#leséedefonds is no "les de de fonds").
                        if exact.is_some_and(|id| {
                            matches!(before.edge, Edge::Known { id: p, edits: 1.. } if p == id) && links(id)
                        }) {
                            continue;
                        }
                        match exact {
                            Some(id) => {
                                let edge = Edge::Known { id, edits: 0 };
                                let state = if lex.is_elided(id) {
                                    ELIDED
                                } else if held {
                                    HELD
                                } else {
                                    PLAIN
                                };
                                offer(&mut winners, state, link(lex.cost(previous, id) + tail(id), edge));
                            }
                            None => offer(&mut winners, PLAIN, link(lex.unknown_cost(stretch.len()), Edge::Unknown)),
                        }
                        continue;
                    }
                    let bound = bound_of(&winners, PLAIN, before.edits > 0, budget);
                    let dictionary = base + lex.dictionary_cost();
                    if elision_typed
                        && exact.is_none()
                        && stretch.len() >= MIN_DICTIONARY_CHARS
                        && dictionary < bound
                        && verdicts.accepts(lex, start, stretch_text, stretch.len())
                    {
                        offer(&mut winners, PLAIN, link(lex.dictionary_cost(), Edge::Dictionary));
                    }
                    if let Some(full) = unelided.filter(|&id| !from_elided && lex.may_be_in_fix(id, true, whole)) {
                        let cost = lex.cost(previous, full) + tail(full) + TYPO_COST;
                        offer(&mut winners, PLAIN, link(cost, Edge::Known { id: full, edits: 1 }));
                    }
                    // A web count of a misspelling ("buisness") is no reason not to look for the word meant, nor is
                    // a typo that made another listed word (#momenteddétente: ed for de): the cost of the edits and
                    // the margin over a correct split (spelling.rs) decide.
                    let bound = bound_of(&winners, PLAIN, true, budget);
                    let may_fix = typos.is_some()
                        && !inside[start]
                        && !inside[end]
                        && dictionary_word_at[start] != end - start
                        && base + TYPO_COST < bound + slack
                        && stretch.len() >= MIN_TYPO_STRETCH_CHARS;
                    if may_fix {
                        if !looked_up {
                            near.clear();
                            // The first letter of a tag is taken as typed (names such as Zalando are not "fixed" to
                            // alando); inside a run, a typo may hit a word's first letter (#faitpaison).
                            // A word two edits away only when such a fix (two edits, the second's extra cost, a
                            // word costing zero or more) could still win here by the cheaper way into the stretch.
                            let cheapest_base = ENTRY_STATES
                                .into_iter()
                                .filter_map(|state| {
                                    best[start][state]
                                        .first()
                                        .map(|b| entry_cost(&b, is_elided_state(state), word_cost))
                                })
                                .fold(f32::INFINITY, f32::min);
                            let two_edits = cheapest_base + 2.0 * TYPO_COST + FURTHER_EDIT_COST < bound + slack;
                            let max_edits = if two_edits { 2 } else { 1 };
                            lex.candidates(stretch, start == 0, whole, max_edits, !ascii_run, &mut near);
                            near.retain(|&(id, _)| lex.may_be_in_fix(id, true, whole));
                            looked_up = true;
                        }
                        // After a word always elided before a vowel, the word meant does not begin with one
                        // (#photographiedeature is no "photographie de autre").
                        let before_vowel =
                            previous.is_some_and(|p| lex.lang.elided_before_vowels().contains(&lex.word(p)));
                        for &(id, edits) in &near {
                            let first = lex.word(id).chars().next();
                            if (from_elided && !first.is_some_and(opens_elision))
                                || (before_vowel && first.is_some_and(is_vowel))
                            {
                                continue;
                            }
                            let kind = if edits == 1 { edit_kind_cost(lex, stretch, id, !ascii_run) } else { 0.0 };
                            let rarer = if lex.is_rarer_short(id) { RARER_SHORT_FIX_COST } else { 0.0 };
                            let cost = lex.cost(previous, id) + tail(id) + TYPO_COST * f32::from(edits) + kind + rarer;
                            offer(&mut winners, PLAIN, link(cost, Edge::Known { id, edits }));
                        }
                    }
                }
            }
        }
        best[end] = winners;
    }
    let mut words = Vec::new();
    // The cheaper way to the end, with or without edits.
    let last = [PLAIN, PLAIN + EDITED].into_iter().filter(|&s| best[n][s].first().is_some()).min_by(|&a, &b| {
        let cost = |s: usize| best[n][s].first().map_or(f32::INFINITY, |w| w.cost);
        cost(a).total_cmp(&cost(b))
    });
    let (mut at, mut state, mut rank) = (n, last.unwrap_or(PLAIN), 0);
    while at > 0 {
        let step = best[at][state].0[rank].expect("every end is reachable through unknown runs");
        let typed = &letters[step.from..at];
        let text = match step.edge {
            // Typed without accents, the word is written without them too (#PetitDejeuner is fine as it is), but
            // the fix of a typo takes its accents when the run has some (#retouràlcole → #retouràlécole).
            Edge::Known { id, edits } if typed.iter().all(char::is_ascii) && (edits == 0 || ascii_run) => {
                fold_accents(lex.word(id))
            }
            Edge::Known { id, .. } => lex.word(id).to_owned(),
            Edge::Dictionary | Edge::Unknown => typed.iter().collect(),
        };
        let (edits, known) = match step.edge {
            Edge::Known { edits, .. } => (edits, true),
            Edge::Dictionary => (0, true),
            Edge::Unknown => (0, false),
        };
        words.push(Word { text, typed: typed.len(), edits, known });
        (at, state, rank) = (step.from, step.from_state, step.from_rank);
    }
    words.reverse();
    Split { words, cost: last.and_then(|s| best[n][s].first()).map_or(0.0, |b| b.cost) }
}

/// The words of a swap across a word boundary that end at `end`: into `SWAPPED`, a word typed as
/// `letters[start..end]` with its last two letters swapped (the letter before last begins the next word); out of
/// `SWAPPED` at `start`, a word that begins with the letter the one before took from it, then `letters[start..end]`.
/// Both are listed words typed as is otherwise; the swap costs one common edit. `continues` tells whether a split
/// ending in a word may be kept behind the first (`Kept`); `buf` is scratch.
#[allow(clippy::too_many_arguments)]
fn swapped_edges(
    lex: &Lexicon,
    letters: &[char],
    start: usize,
    end: usize,
    best: &[[Kept; STATES]],
    inside: &[bool],
    winners: &mut [Kept; STATES],
    budget: f32,
    word_cost: f32,
    continues: &impl Fn(u32) -> bool,
    buf: &mut String,
) {
    let previous = |before: &Best| match before.edge {
        Edge::Known { id, .. } if start > 0 => Some(id),
        _ => None,
    };
    // Into SWAPPED: the word is letters[start..end - 2] and letters[end - 1]; letters[end - 2] begins the next word.
    // The word is looked up once, for the first way in that could still win.
    let mut swapped_id: Option<Option<u32>> = None;
    for from_state in [PLAIN, PLAIN + EDITED] {
        let Some(before) = best[start][from_state].first().filter(|_| end - start >= 2 && !inside[start]) else {
            continue;
        };
        let base = before.cost + word_cost + TYPO_COST;
        if letters[end - 2] == letters[end - 1] || base >= bound_of(winners, SWAPPED, true, budget) {
            continue;
        }
        let id = *swapped_id.get_or_insert_with(|| {
            buf.clear();
            buf.extend(&letters[start..end - 2]);
            buf.push(letters[end - 1]);
            lex.id(buf).filter(|&id| !lex.is_elided(id) && lex.may_be_in_fix(id, true, false))
        });
        let Some(id) = id else { break };
        let candidate = Best {
            cost: base + lex.cost(previous(&before), id) + further_edits_cost(before.edits, before.edits + 1),
            from: start,
            from_state,
            from_rank: 0,
            edits: before.edits + 1,
            edge: Edge::Known { id, edits: 1 },
        };
        // A swap's split goes on from the first kept alone.
        winners[SWAPPED + EDITED].offer(candidate, &|_| false);
    }
    // Out of SWAPPED: the word is letters[start - 2] and letters[start..end].
    if let Some(before) = best[start][SWAPPED + EDITED].first().filter(|_| !inside[end]) {
        let base = before.cost + word_cost;
        if base < bound_of(winners, PLAIN, true, budget) {
            buf.clear();
            buf.push(letters[start - 2]);
            buf.extend(&letters[start..end]);
            if let Some(id) = lex.id(buf).filter(|&id| lex.may_be_in_fix(id, false, false)) {
                let candidate = Best {
                    cost: base + lex.cost(previous(&before), id),
                    from: start,
                    from_state: SWAPPED + EDITED,
                    from_rank: 0,
                    edits: before.edits,
                    edge: Edge::Known { id, edits: 0 },
                };
                winners[if lex.is_elided(id) { ELIDED } else { PLAIN } + EDITED].offer(candidate, continues);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hashtags::lexicon::Sources;
    use crate::lang::Lang;

    /// A lexicon of counted `words`, with `dic` as its Hunspell dictionary (no affixes).
    fn lexicon_of(lang: Lang, words: &str, dic: &str, bigrams: &str) -> Lexicon {
        let sources =
            Sources { aff: "SET UTF-8\n", dic, words, bigrams, words_from_dictionary: true, dictionary_prior: false };
        Lexicon::build(lang, &sources).unwrap()
    }

    fn lexicon() -> Lexicon {
        let words = "the\t1000\nsocial\t300\nmedia\t300\ntips\t200\nme\t500\nida\t5\ncustomer\t200\nservice\t250\n";
        lexicon_of(Lang::En, words, "0\n", "social media\t200\n")
    }

    /// The exact split of `s`, then the typo-tolerant one when `typos`.
    fn split_of(lex: &Lexicon, s: &str, typos: bool, word_cost: f32) -> Split {
        let letters = chars(s);
        let mut verdicts = Verdicts::new(lex, &letters);
        let exact = split(lex, &letters, word_cost, None, Context::default(), &mut verdicts);
        if typos {
            split(lex, &letters, word_cost, Some(&exact), Context::default(), &mut verdicts)
        } else {
            exact
        }
    }

    fn texts(split: &Split) -> Vec<&str> {
        split.words.iter().map(|w| w.text.as_str()).collect()
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn splits_concatenations_into_known_words() {
        let lex = lexicon();
        let s = split_of(&lex, "socialmediatips", false, 0.0);
        assert_eq!(texts(&s), ["social", "media", "tips"]);
        assert_eq!(s.edits(), 0);
    }

    #[test]
    fn a_word_cost_keeps_a_hump_whole() {
        let lex = lexicon();
        assert_eq!(texts(&split_of(&lex, "meida", false, 0.0)), ["me", "ida"]);
        assert_eq!(texts(&split_of(&lex, "meida", true, 10.0)), ["media"]);
    }

    #[test]
    fn unknown_runs_stay_whole() {
        let lex = lexicon();
        let s = split_of(&lex, "zalandotips", false, 0.0);
        assert_eq!(texts(&s), ["zalando", "tips"]);
        assert!(!s.words[0].known && s.words[1].known);
    }

    #[test]
    fn typos_are_fixed_when_admitted() {
        let lex = lexicon();
        let exact = split_of(&lex, "custmerservice", false, 0.0);
        let fixed = split_of(&lex, "custmerservice", true, 0.0);
        assert_eq!(texts(&fixed), ["customer", "service"]);
        assert_eq!(fixed.edits(), 1);
        assert!(fixed.cost < exact.cost);
        assert_eq!(texts(&split_of(&lex, "socialmeida", true, 0.0)), ["social", "media"]);
    }

    #[test]
    fn a_fix_cheaper_alone_loses_to_one_its_next_word_follows_more_often() {
        // "tony" and "tiny" are each one adjacent key from "tkny"; "tony" is likelier alone, "tiny hall" together.
        let words = "the\t10000\nhall\t500\ntony\t300\ntiny\t100\n";
        let lex = lexicon_of(Lang::En, words, "0\n", "tiny hall\t60\n");
        assert_eq!(texts(&split_of(&lex, "tknyhall", true, 0.0)), ["tiny", "hall"]);
        let unpaired = lexicon_of(Lang::En, words, "0\n", "");
        assert_eq!(texts(&split_of(&unpaired, "tknyhall", true, 0.0)), ["tony", "hall"]);
    }

    fn french() -> Lexicon {
        let words = "de\t1000\nd'\t800\nl'\t700\nsanté\t300\npublique\t250\nubique\t1\nsan\t1\noffre\t200\n\
                     emploi\t200\nmer\t100\nbord\t100\ncarrier\t50\nconseil\t100\n";
        // Hunspell knows carrière (a feminine form the list lacks) and voisins.
        lexicon_of(Lang::Fr, words, "2\ncarrière\nvoisins\n", "")
    }

    #[test]
    fn elided_words_come_before_a_vowel_or_h_only() {
        let lex = french();
        assert_eq!(texts(&split_of(&lex, "offredemploi", false, 2.0)), ["offre", "d", "emploi"]);
        assert_eq!(texts(&split_of(&lex, "borddemer", false, 2.0)), ["bord", "de", "mer"]);
        // "d" before a consonant is no elision: the run stays unknown rather than "d mer".
        assert!(!split_of(&lex, "dmer", false, 2.0).words.iter().any(|w| w.text == "d"));
    }

    #[test]
    fn a_stretch_hunspell_accepts_costs_a_dictionary_word() {
        let lex = french();
        let s = split_of(&lex, "conseilcarrière", false, 2.0);
        assert_eq!(texts(&s), ["conseil", "carrière"]);
        assert!(s.words.iter().all(|w| w.known));
        // No typo split is cheaper: carrière is never "fixed" to carrier.
        assert_eq!(split_of(&lex, "conseilcarrière", true, 2.0).edits(), 0);
    }

    #[test]
    fn a_typo_never_cuts_through_a_word_of_a_correct_exact_split() {
        let lex = french();
        // santép → santé (one deletion) would leave "ublique" → ubique: the exact split santé|publique stands.
        let s = split_of(&lex, "santépublique", true, 2.0);
        assert_eq!((texts(&s), s.edits()), (vec!["santé", "publique"], 0));
        assert_eq!(texts(&split_of(&lex, "santépubique", true, 2.0)), ["santé", "publique"]);
    }

    #[test]
    fn a_word_hunspell_accepts_is_never_swapped_for_a_listed_neighbour() {
        // votez is a form the list lacks, so it costs a dictionary word, more than voyez (one adjacent key away) and
        // the edit together: the exact split's votez stands all the same, as a listed word's typo is still fixed.
        let lex = lexicon_of(Lang::Fr, "pour\t1000\nmoi\t800\nvoyez\t500\nrare\t1\n", "1\nvotez\n", "");
        let s = split_of(&lex, "votezpourmoi", true, 2.0);
        assert_eq!((texts(&s), s.edits()), (vec!["votez", "pour", "moi"], 0));
        assert_eq!(texts(&split_of(&lex, "voyezpourmio", true, 2.0)), ["voyez", "pour", "moi"]);
    }

    #[test]
    fn after_an_elided_word_the_word_meant_opens_the_elision() {
        // The typo put a t where emploi's e was: d' still stands before the word meant.
        assert_eq!(texts(&split_of(&french(), "offredtmploi", true, 2.0)), ["offre", "d", "emploi"]);
        // A typo elsewhere does not strike out the d' (offre emploi, the d deleted, is one edit more), even at a high
        // cost per word: the word after d' costs half of it.
        assert_eq!(texts(&split_of(&french(), "offrrdemploi", true, 8.0)), ["offre", "d", "emploi"]);
    }

    #[test]
    fn two_letters_swapped_across_a_word_boundary_are_one_edit() {
        // social|media typed "sociamledia": the l and the m of the two words swapped.
        let s = split_of(&lexicon(), "sociamledia", true, 0.0);
        assert_eq!((texts(&s), s.edits()), (vec!["social", "media"], 1));
        // The first word holds both letters typed swapped.
        assert_eq!(s.words.iter().map(|w| w.typed).collect::<Vec<_>>(), [7, 4]);
        // The same with accents: santé|publique typed "santpéublique".
        let s = split_of(&french(), "santpéublique", true, 2.0);
        assert_eq!((texts(&s), s.edits()), (vec!["santé", "publique"], 1));
        // Never in the exact split.
        assert_eq!(split_of(&lexicon(), "sociamledia", false, 0.0).edits(), 0);
    }

    #[test]
    fn a_fix_takes_its_accents_when_the_run_has_some() {
        // Without accents in the run, the fix has none either; with one (carrière), the fix takes santé's.
        assert_eq!(texts(&split_of(&french(), "conseilsnte", true, 2.0)), ["conseil", "sante"]);
        assert_eq!(texts(&split_of(&french(), "carrièresnté", true, 2.0)), ["carrière", "santé"]);
        // With accents typed elsewhere in the run, an accent left out counts as an edit: "snte" is two from santé,
        // more than a short word may take.
        assert_eq!(texts(&split_of(&french(), "carrièresnte", true, 2.0)), ["carrière", "snte"]);
        // A word typed as is keeps the spelling typed.
        assert_eq!(texts(&split_of(&french(), "carrièresante", true, 2.0)), ["carrière", "sante"]);
    }

    #[test]
    fn a_split_without_edits_is_kept_beside_a_cheaper_one_with_an_edit() {
        // Up to "adoptezun", "adopte un" with the z struck out ("zun" for un) is cheaper than "adoptez un"; with the
        // typo in "chiem" still to come, whose edit would be that split's second, the split typed as is wins.
        let words = "adopte\t30000\nadoptez\t30\nun\t5000\nchien\t1000\n";
        let lex = lexicon_of(Lang::Fr, words, "0\n", "adopte un\t2000\n");
        let up_to_un = split_of(&lex, "adoptezun", true, 2.0);
        assert_eq!((texts(&up_to_un), up_to_un.edits()), (vec!["adopte", "un"], 1));
        let whole = split_of(&lex, "adoptezunchiem", true, 2.0);
        assert_eq!((texts(&whole), whole.edits()), (vec!["adoptez", "un", "chien"], 1));
    }

    #[test]
    fn edits_beyond_the_first_cost_more() {
        assert_eq!((further_edits_cost(0, 1), further_edits_cost(1, 1)), (0.0, 0.0));
        assert_eq!((further_edits_cost(1, 2), further_edits_cost(0, 2)), (FURTHER_EDIT_COST, FURTHER_EDIT_COST));
        assert_eq!(further_edits_cost(1, 3), 2.0 * FURTHER_EDIT_COST);
    }

    #[test]
    fn common_typing_slips_cost_less_than_a_letter_struck_at_random() {
        let lex = lexicon();
        let media = lex.id("media").unwrap();
        for slip in ["meida", "mdia", "mediia", "mwdia", "merdia"] {
            assert_eq!(edit_kind_cost(&lex, &chars(slip), media, false), 0.0, "{slip}");
        }
        for random in ["mqdia", "mepdia"] {
            assert_eq!(edit_kind_cost(&lex, &chars(random), media, false), RANDOM_LETTER_COST, "{random}");
        }
        // AZERTY in French: a is next to z and q, not to s as on QWERTY (where it is next to q, s and z, not e).
        assert!(
            adjacent_keys(Lang::Fr, 'a', 'z')
                && adjacent_keys(Lang::Fr, 'a', 'q')
                && !adjacent_keys(Lang::Fr, 'a', 's')
        );
        assert!(['q', 's', 'z'].into_iter().all(|k| adjacent_keys(Lang::En, 'a', k)));
        assert!(!adjacent_keys(Lang::En, 'a', 'e'));
        // g touches f, h, t, y (the row above) and v, b (below); an accented letter is its letter's key.
        let touching_g: String = ('a'..='z').filter(|&k| k != 'g' && adjacent_keys(Lang::En, 'g', k)).collect();
        assert_eq!(touching_g, "bfhtvy");
        assert!(adjacent_keys(Lang::Fr, 'é', 'r') && !adjacent_keys(Lang::Fr, 'é', '1'));
    }

    #[test]
    fn empty_input_is_an_empty_split() {
        assert!(split_of(&lexicon(), "", true, 0.0).words.is_empty());
    }
}
