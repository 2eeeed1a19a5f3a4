//! The spelling of one tag: its words, and a fix when a typo-tolerant split is clearly more probable than the tag
//! as typed. Each piece (CamelCase hump, run of letters) is judged in every loaded language: correct in one of them
//! is correct (English tags are common in French posts), and a language that finds it correct vetoes the others'
//! fixes; else the fix comes from the post's language (or, when it has none, from a language its tags borrow from:
//! English loans in a French post), or from the language with the most convincing fix when the post's language is
//! unknown. Never a fix for a piece Hunspell accepts, an acronym, a short piece, or a term of the allowlist or of the
//! user's dictionary, nor one that takes a frequent word of another language for a typo.

use super::case::{pieces, restyle, style, Piece, PieceKind, Style};
use super::lexicon::Lexicon;
use super::segment::{split, Context, Split, Verdicts, Word};
use crate::lang::Lang;

/// When the piece as typed splits into correct words (`socialmeida` → social me ida), a fix must be this much more
/// probable (in nats) on top of the cost of its edits.
const CORRECT_SPLIT_MARGIN: f32 = 4.0;
/// The margin when the fix joins the exact split's words into fewer (#portesouvretes: ouvre tes → ouvertes;
/// #plateudefruitsdemer: plat eu → plateau): a run cut into short correct fragments is weaker proof that the tag is
/// correct. Chosen on the development set (`examples/hashtag_errors.rs`, seeds 20261127 and 7): 4 (no change), 2,
/// 1.5, 1 and 0 tried; 2 gains most without flagging a correct tag (1 flags #premièredent → #premièrement).
const MERGING_FIX_MARGIN: f32 = 2.0;
/// Words of four letters or more among this many most frequent, and shorter ones among the function words, make a
/// split that is taken as typed.
const FREQUENT_SPLIT_RANK: u32 = 5_000;
const FREQUENT_SHORT_SPLIT_RANK: u32 = 300;
/// Two words of this many letters or fewer side by side make a frequent split worth a look for typos (2 and 3
/// tried on the development set: 3 best).
const MAX_SHORT_WORD_CHARS: usize = 3;
/// A word typed in a tag among this many most frequent of another loaded language is that language's, not a typo
/// (#roadtripenfrance, of the check set). Chosen on the development set (`examples/hashtag_errors.rs`, seeds 20261127
/// and 7): any common word of the other language lost three French fixes and one English (#boneannée: bone is
/// English, rank 4,053; #retouràlcole: cole; #giftides: ides is French); at 2,000, none.
const LOAN_RANK: u32 = 2_000;
/// Upper-case pieces up to this length are acronyms (TBT, OOTD, NYC, COP).
const MAX_ACRONYM_CHARS: usize = 5;
/// Cost of each word of a split (nats): a capitalised hump is meant as one word, other runs often hold several.
const HUMP_WORD_COST: f32 = 8.0;
const RUN_WORD_COST: f32 = 2.0;
/// The cost per word of the search for a hump's one-word fix: more than any split's cost, so that only one word fits.
const HUMP_SEARCH_WORD_COST: f32 = 1_000.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// The tag's words in order, lowercase (corrected when there is a fix); digit runs are words too.
    pub words: Vec<String>,
    /// The corrected tag body, in the case style typed.
    pub fix: Option<String>,
    /// Every word of `words` is a dictionary word or a number: the split can be offered in CamelCase.
    pub words_known: bool,
}

/// One lexicon's view of one piece.
struct PieceVerdict {
    correct: bool,
    /// Hunspell accepts the piece as one word.
    whole_word: bool,
    words: Vec<String>,
    /// The piece as typed is one word of the frequency list, correct or not (#videogames is no English word, yet
    /// written so two million times on the English web).
    seen: bool,
    /// Cost of the piece as typed (its exact split).
    exact_cost: f32,
    /// The corrected words, how much more probable they are than the piece as typed, and their cost (edits
    /// included).
    fix: Option<(Vec<String>, f32, f32)>,
    /// The letters typed for each word the fix changes.
    changed: Vec<String>,
    lang: Lang,
}

/// The words typed next to a piece in the same tag, lowercase: the last word of the piece before, and the piece
/// after when it is one word (`Context` once the lexicon gives their ids).
#[derive(Clone, Copy, Default)]
struct Neighbours<'a> {
    before: Option<&'a str>,
    after: Option<&'a str>,
}

/// Whether the fix `typo` puts back letters dropped from words the exact split reads as correct, so as to make
/// word pairs of the lexicon: each word it edits is the letters typed with one letter more and pairs with a word
/// beside it, and the fix holds more pairs than the exact split (#foodtuck: food truck, #vinroue: vin rouge,
/// #pertedepois: perte de poids). Such a fix keeps no margin against the split as typed. Only a dropped letter:
/// with any one edit, forms of one word were fixed into another (#mangezbouger: manger bouger, #céramiquefaitemain:
/// fait main) on the development and check files.
fn restores_pairs(lex: &Lexicon, exact: &Split, typo: &Split) -> bool {
    let paired =
        |a: &Word, b: &Word| matches!((lex.id(&a.text), lex.id(&b.text)), (Some(a), Some(b)) if lex.is_pair(a, b));
    let pairs = |split: &Split| split.words.windows(2).filter(|p| paired(&p[0], &p[1])).count();
    let words = &typo.words;
    let restored = words.iter().enumerate().all(|(k, w)| {
        w.edits == 0
            || (w.edits == 1
                && w.text.chars().count() == w.typed + 1
                && (k.checked_sub(1).is_some_and(|before| paired(&words[before], w))
                    || words.get(k + 1).is_some_and(|after| paired(w, after))))
    });
    restored && pairs(typo) > pairs(exact)
}

/// Judges one piece with one lexicon, between its neighbours; the typo-tolerant split, the costly part, only when
/// `seek_fix` (a language other than a known post language is asked only whether it accepts the piece: its fixes are
/// never offered).
fn judge_piece(lex: &Lexicon, lower: &str, one_word: bool, seek_fix: bool, beside: Neighbours) -> PieceVerdict {
    let word_cost = if one_word { HUMP_WORD_COST } else { RUN_WORD_COST };
    let chars: Vec<char> = lower.chars().collect();
    let mut verdicts = Verdicts::new(lex, &chars);
    let context =
        Context { before: beside.before.and_then(|w| lex.id(w)), after: beside.after.and_then(|w| lex.id(w)) };
    let exact = split(lex, &chars, word_cost, None, context, &mut verdicts);
    let (whole_common, whole_word) = lex.word_verdicts(lower);
    let whole_word = whole_word || lex.is_shop_noun(lower);
    // A split of one word, the piece as typed, is not asked again (Hunspell's check of a long piece is costly).
    let is_common = |text: &str| if text == lower { whole_common } else { lex.is_common_word(text) };
    // A name of four letters or more is a word of a split too (#weekendàparis, #châteaudelaloire), and of a typo's
    // fix when typed as is (#ranodàchamonix), never a word the fix changes into a name.
    let split_correct = exact.words.iter().all(|w| is_common(&w.text) || (w.typed >= 4 && lex.is_name(&w.text)));
    let correct = whole_word || split_correct;
    let words =
        if split_correct { exact.words.iter().map(|w| w.text.clone()).collect() } else { vec![lower.to_owned()] };
    // A split into frequent words (best social media tips for; bord de mer) is no typo: the typo-tolerant split,
    // the costly part of a long tag, is skipped. Not when two short words come together, as a typo often leaves
    // them (#sportàlamasion: ma si on; #masonderetraite: ma son).
    let frequent = split_correct
        && exact.words.iter().all(|w| {
            let rank_limit = if w.text.len() >= 4 { FREQUENT_SPLIT_RANK } else { FREQUENT_SHORT_SPLIT_RANK };
            lex.id(&w.text).is_some_and(|id| id < rank_limit)
        })
        && exact.words.windows(2).all(|pair| pair.iter().any(|w| w.typed > MAX_SHORT_WORD_CHARS));
    let mut fix = None;
    let mut changed = Vec::new();
    if seek_fix && !whole_word && !frequent {
        let typo = if one_word {
            // A capitalised hump is fixed to one word (below): the search looks at one-word fixes only, so that a
            // cheaper fix of several words does not hide it (#Copylriting: copy writing, then no fix at all). Each
            // word costs so much that two never fit under the exact split's cost raised by as much for one word (the
            // exact split costs at most an unknown run's price, under 200 nats), so the fix keeps the hump's shape.
            let mut bound = exact.clone();
            bound.cost += HUMP_SEARCH_WORD_COST - word_cost;
            let mut single = split(lex, &chars, HUMP_SEARCH_WORD_COST, Some(&bound), context, &mut verdicts);
            single.cost -= HUMP_SEARCH_WORD_COST - word_cost;
            single
        } else {
            split(lex, &chars, word_cost, Some(&exact), context, &mut verdicts)
        };
        // Two words of two or three letters side by side are how a typo often leaves the letters of one word (ma son,
        // me ci, mai mon): a fix of fewer words then needs no margin (#masonderetraite: maison de retraite). Not after
        // a word linking a noun to its complement (#robeenlin is no "robe enfin"), nor for a word of one letter (#onyva
        // is no "on va"). In French only: in English, such pairs are how brands read (#doctolib is no "doctor lib").
        let loose_shorts = lex.lang == Lang::Fr
            && exact.words.windows(2).any(|pair| {
                pair.iter().all(|w| (2..=MAX_SHORT_WORD_CHARS).contains(&w.typed))
                    && !lex.lang.noun_links().contains(&pair[0].text.as_str())
            });
        let margin = match (correct, typo.words.len() < exact.words.len()) {
            (false, _) => 0.0,
            (true, true) if loose_shorts => 0.0,
            (true, false) if restores_pairs(lex, &exact, &typo) => 0.0,
            (true, true) => MERGING_FIX_MARGIN,
            (true, false) => CORRECT_SPLIT_MARGIN,
        };
        // A fix is made of words a fix may hold, which is all the typo-tolerant split takes (`Lexicon::may_be_in_fix`:
        // common words, names of four letters or more typed as is, a name as the whole fix: #nantse → #nantes), and
        // no run of letters no language knows: never "Zealand o" for a name such as Zalando.
        // A capitalised hump is fixed to one word ("Doctolib" is a name, not "Doctor lib"), which may be a name
        // (#Bretange → #Bretagne).
        // Two edits and a split of letters no language reads are guesswork ("comme huit y manager" for
        // #commuuitymanager, "du linge" for #duolingo): such a fix is of one word or none.
        let guessed = typo.edits() > 1 && typo.words.len() > 1 && !correct;
        if typo.edits() > 0 && !guessed && typo.words.iter().all(|w| w.known) && typo.cost + margin < exact.cost {
            let mut at = 0;
            let mut typed = Vec::new();
            for w in &typo.words {
                if w.edits > 0 {
                    typed.push(chars[at..at + w.typed].iter().collect::<String>());
                }
                at += w.typed;
            }
            // A word typed in the other number of the fix's word, and a word itself, is as the writer meant it
            // (#growthmindsets, #sidehustles are no typos of the phrases "growth mindset" and "side hustle").
            let other_number = typo
                .words
                .iter()
                .filter(|w| w.edits > 0)
                .zip(&typed)
                .all(|(w, typed)| lex.lang.is_other_number(typed, &w.text) && lex.is_word(typed));
            if !other_number {
                changed = typed;
                fix = Some((typo.words.into_iter().map(|w| w.text).collect(), exact.cost - typo.cost, typo.cost));
            }
        }
    }
    let seen = lex.id(lower).is_some();
    PieceVerdict { correct, whole_word, seen, words, exact_cost: exact.cost, fix, changed, lang: lex.lang }
}

/// Judges `body` (a tag without its `#`) with `lexicons`, the post's language first when `first_is_post_language`;
/// `accepted` says whether a lowercase term is the user's or allowlisted.
pub fn judge(
    lexicons: &[&Lexicon],
    body: &str,
    first_is_post_language: bool,
    accepted: &dyn Fn(&str) -> bool,
) -> Judgement {
    let all = pieces(body);

    let mut words = Vec::new();
    let mut fixed = String::with_capacity(body.len());
    let mut words_known = true;
    // Each piece in lower case, once: a piece of letters is also the word after the one before it.
    let lowered: Vec<String> = all.iter().map(|p| p.text.to_lowercase()).collect();
    for (k, piece) in all.iter().enumerate() {
        match piece.kind {
            PieceKind::Digits => {
                words.push(piece.text.to_owned());
                fixed.push_str(piece.text);
            }
            PieceKind::Other => fixed.push_str(piece.text),
            PieceKind::Letters => {
                let lower = &lowered[k];
                // The last word of the piece before, when letters, and the piece after, when letters.
                let is_letters = |p: &&Piece| p.kind == PieceKind::Letters;
                let before = k.checked_sub(1).and_then(|j| all.get(j)).filter(is_letters).and(words.last()).cloned();
                let after = all.get(k + 1).filter(is_letters).map(|_| lowered[k + 1].as_str());
                let beside = Neighbours { before: before.as_deref(), after };
                let piece_style = style(piece.text);
                let letters = lower.chars().count();
                if letters <= 2 || (piece_style == Style::Upper && letters <= MAX_ACRONYM_CHARS) || accepted(lower) {
                    words.push(lower.clone());
                    fixed.push_str(piece.text);
                    continue;
                }
                // A capitalised hump holds one word; a lowercase or upper-case run often holds several.
                let one_word = matches!(piece_style, Style::Capitalised | Style::Mixed);
                let mut verdicts: Vec<PieceVerdict> = Vec::with_capacity(lexicons.len());
                for (k, lex) in lexicons.iter().enumerate() {
                    let seek_fix = k == 0 || !first_is_post_language;
                    verdicts.push(judge_piece(lex, lower, one_word, seek_fix, beside));
                    // Correct as typed in the first language (the post's, when known): the others need not be asked.
                    if verdicts[0].correct && verdicts[0].fix.is_none() {
                        break;
                    }
                }
                // Without a post language, a language that finds the piece correct as typed, with no likelier fix,
                // vetoes every fix (#santépublique is French, whatever English makes of it), even when another
                // language finds the piece correct too but would fix it (#apprentissage is no English "apparent is
                // sage").
                let correct_as_typed = |v: &&PieceVerdict| v.correct && v.fix.is_none();
                let as_typed = if first_is_post_language {
                    verdicts.first().filter(correct_as_typed)
                } else {
                    verdicts.iter().find(correct_as_typed)
                };
                if let Some(correct) = as_typed {
                    words.extend(correct.words.iter().cloned());
                    fixed.push_str(piece.text);
                    continue;
                }
                let gain = |v: &&PieceVerdict| v.fix.as_ref().map_or(f32::NEG_INFINITY, |(_, gain, _)| *gain);
                let best = if !first_is_post_language && verdicts.iter().any(|v| v.seen && v.fix.is_none()) {
                    // Without a post language, a language that has the piece as one word of its counts, and no fix
                    // for it, vetoes the others' fixes too (#videogames is no French "vidéo âmes").
                    None
                } else if first_is_post_language {
                    // The post's language fixes what it does not accept, unless another language accepts the piece as a
                    // word, or as a split more probable than the fix (#Mavies is no French "ma vies" in an English
                    // post; a margin on the fix's side kept #mavies, #Nautre and #handicapivisible unfixed: one more
                    // fix in each of five development sets without it, no correct tag flagged, and one unlisted brand
                    // in lower case, #darty, "dart" in an English post for French "d art y"). What it reads as correct
                    // words yet would fix, it fixes unless another language reads the piece as correct and more
                    // probable than that fix: a French post's #motivationmonday is English, not a French "mon d a y" to
                    // fix into "monde y". The costs of both languages are -ln P of the same letters.
                    let post = &verdicts[0];
                    // A piece with a letter the post's language never writes is another language's when that one
                    // reads it as correct (#weekendàparis in an English post is no "weekends paris").
                    let foreign_letter = lower.chars().any(|c| post.lang.lacks_letter(c));
                    // A piece another language's counts hold as one word, by a correct split's margin more probable
                    // than the post's fix, is that language's too, correct or not: #homeschool, a word of the English
                    // web that Hunspell lacks, was French "homes cool", and the brands #Garmin and #Asos "gamin" and
                    // "ados".
                    let counted = |v: &PieceVerdict| {
                        v.seen && post.fix.as_ref().is_some_and(|f| v.exact_cost + CORRECT_SPLIT_MARGIN < f.2)
                    };
                    let accepting = verdicts[1..].iter().find(|v| {
                        counted(v)
                            || (v.correct
                                && match &post.fix {
                                    Some(f) if post.correct => v.exact_cost < f.2,
                                    fix => {
                                        v.whole_word
                                            || foreign_letter
                                            || fix.as_ref().is_none_or(|f| v.exact_cost < f.2)
                                    }
                                })
                    });
                    if let Some(other) = accepting {
                        words.extend(other.words.iter().cloned());
                        fixed.push_str(piece.text);
                        continue;
                    }
                    // The post's language neither reads the piece nor fixes it: a language its tags borrow from may
                    // (#luncsbox in a French post is English "lunchbox" mistyped), unless the tag is one capitalised
                    // word, a name more often than a loan (#Primark is no "Primary").
                    if !post.correct && post.fix.is_none() && !(one_word && all.len() == 1) {
                        let post_lang = post.lang;
                        for (verdict, lex) in verdicts.iter_mut().zip(lexicons).skip(1) {
                            if post_lang.borrows_from(lex.lang) {
                                *verdict = judge_piece(lex, lower, one_word, true, beside);
                            }
                        }
                        verdicts[1..].iter().filter(|v| v.fix.is_some()).max_by(|a, b| gain(a).total_cmp(&gain(b)))
                    } else {
                        Some(&verdicts[0])
                    }
                } else if verdicts.iter().any(|v| v.correct) {
                    // Every language that accepts the piece has a likelier fix of its own: the larger gain wins.
                    verdicts.iter().filter(|v| v.correct).max_by(|a, b| gain(a).total_cmp(&gain(b)))
                } else {
                    // The larger gain wins (the languages' costs are on different scales, so this is a rough choice).
                    verdicts.iter().max_by(|a, b| gain(a).total_cmp(&gain(b)))
                };
                // A frequent word of another loaded language is no typo (#roadtripenfrance: road is English, not a
                // mistyped French "rond"), when it has four letters or more.
                let loan = |v: &&PieceVerdict| {
                    v.changed.iter().any(|typed| {
                        typed.chars().count() >= 4
                            && lexicons.iter().any(|lex| {
                                lex.lang != v.lang
                                    && lex.id(typed).is_some_and(|id| id < LOAN_RANK)
                                    && lex.is_common_word(typed)
                            })
                    })
                };
                match best.filter(|v| !loan(v)).and_then(|v| v.fix.as_ref()) {
                    Some((fix_words, _, _)) => {
                        let texts: Vec<&str> = fix_words.iter().map(String::as_str).collect();
                        fixed.push_str(&restyle(&texts, piece_style));
                        words.extend(fix_words.iter().cloned());
                    }
                    None => {
                        // Not a word of any language and nothing close (or a word only of some language's counts): a
                        // name or a brand, left alone.
                        words_known = false;
                        words.push(lower.clone());
                        fixed.push_str(piece.text);
                    }
                }
            }
        }
    }
    let fix = (fixed != body).then_some(fixed);
    Judgement { words, fix, words_known }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hashtags::lexicon::Sources;
    use crate::lang::Lang;

    /// With the `dictionary_prior`, the dictionary's names (Bretagne) are the lexicon's.
    fn lexicon(lang: Lang, words: &str, dic: &str, dictionary_prior: bool) -> Lexicon {
        let sources =
            Sources { aff: "SET UTF-8\n", dic, words, bigrams: "", words_from_dictionary: true, dictionary_prior };
        Lexicon::build(lang, &sources).unwrap()
    }

    fn english() -> Lexicon {
        // Rare words come after 300 fillers: a split into frequent words only is taken as typed (FREQUENT_SPLIT_RANK).
        let fillers: String = (0..FREQUENT_SHORT_SPLIT_RANK).map(|i| format!("filler{i}\t{}\n", 1000 - i)).collect();
        let words = "the\t100000\nsocial\t300\nmedia\t300\ntips\t200\nme\t200\nsmall\t200\nbusiness\t200\n".to_owned()
            + &fillers
            + "ida\t1\n";
        lexicon(Lang::En, &words, "1\nzalando\n", false)
    }

    fn french() -> Lexicon {
        lexicon(Lang::Fr, "le\t1000\nrecettes\t300\nfaciles\t200\ntipi\t10\n", "1\nBretagne\n", true)
    }

    fn fix(body: &str) -> Option<String> {
        let (en, fr) = (english(), french());
        judge(&[&en, &fr], body, true, &|w| w == "ootd").fix
    }

    #[test]
    fn fixes_keep_the_case_style() {
        assert_eq!(fix("SocialMeida").as_deref(), Some("SocialMedia"));
        assert_eq!(fix("socialmeida").as_deref(), Some("socialmedia"));
        assert_eq!(fix("SOCIALMEIDA").as_deref(), Some("SOCIALMEDIA"));
        assert_eq!(fix("smallbuisness").as_deref(), Some("smallbusiness"));
    }

    #[test]
    fn correct_tags_acronyms_and_accepted_terms_are_left_alone() {
        for body in ["SocialMedia", "socialmediatips", "OOTD", "ootd", "TBT", "Zalando", "social_media", "B2B", "Xyzzy"]
        {
            assert_eq!(fix(body), None, "{body}");
        }
    }

    #[test]
    fn each_piece_may_be_in_either_language() {
        // "Tips" is no French word and "recettes" no English one: neither is "fixed" by the other language.
        assert_eq!(fix("RecettesFacilesTips"), None);
        let (en, fr) = (english(), french());
        let unknown_language = judge(&[&en, &fr], "RecetesTips", false, &|_| false);
        assert_eq!(unknown_language.fix.as_deref(), Some("RecettesTips"));
        // In an English post, only English fixes: a French tag no English word is close to stays as typed.
        assert_eq!(fix("RecetesTips"), None);
        // Names (the French dictionary's) fix a capitalised hump only.
        let french_post = |body| judge(&[&fr], body, true, &|_| false).fix;
        assert_eq!(french_post("Bretange").as_deref(), Some("Bretagne"));
        assert_eq!(french_post("bretangerecettes"), None);
        // A lower-case run fixed to one word may be fixed to a name.
        assert_eq!(judge(&[&fr], "bretange", true, &|_| false).fix.as_deref(), Some("bretagne"));
    }

    #[test]
    fn a_fix_that_joins_fragments_needs_a_smaller_margin() {
        // "ma son de retraite" is a correct split; "maison de retraite" (one letter dropped) is more probable by less
        // than CORRECT_SPLIT_MARGIN but more than MERGING_FIX_MARGIN: the fix joins ma son into one word. (The costs
        // depend on the allowlist too, whose words every lexicon holds: the counts put the gain mid-window.)
        let words = "de\t5000\nmaison\t300\nretraite\t300\nma\t100\nson\t100\n";
        let fr = lexicon(Lang::Fr, words, "0\n", false);
        let verdict = judge_piece(&fr, "masonderetraite", false, true, Neighbours::default());
        let gain = verdict.fix.as_ref().map(|f| f.1).expect("a fix");
        assert!(verdict.correct && (MERGING_FIX_MARGIN..CORRECT_SPLIT_MARGIN).contains(&gain), "gain {gain}");
        assert_eq!(judge(&[&fr], "masonderetraite", true, &|_| false).fix.as_deref(), Some("maisonderetraite"));
    }

    #[test]
    fn without_a_post_language_a_language_that_takes_the_piece_as_typed_vetoes_the_others_fixes() {
        // French finds "ma son de retraite" correct but would fix it; English (here) has the whole piece as a word.
        let words = "de\t5000\nmaison\t900\nretraite\t300\nma\t100\nson\t100\n";
        let fr = lexicon(Lang::Fr, words, "0\n", false);
        let en = lexicon(Lang::En, "the\t1000\n", "1\nmasonderetraite\n", false);
        assert_eq!(judge(&[&fr], "masonderetraite", false, &|_| false).fix.as_deref(), Some("maisonderetraite"));
        assert_eq!(judge(&[&fr, &en], "masonderetraite", false, &|_| false).fix, None);
        // A word of the counts that no dictionary accepts, and no fix of its own, vetoes as well; in a post of the
        // other language, only when far more probable as typed than that language's fix (by a correct split's
        // margin, `CORRECT_SPLIT_MARGIN`): here it is; in a web two thousand times larger, it is not.
        let fillers: String = (0..8_000).map(|i| format!("filler{i}\t{}\n", 10_000 - i)).collect();
        let words = format!("the\t100000\n{fillers}videogames\t10\n");
        let sources = Sources {
            aff: "SET UTF-8\n",
            dic: "0\n",
            words: &words,
            bigrams: "",
            words_from_dictionary: false,
            dictionary_prior: false,
        };
        let en = Lexicon::build(Lang::En, &sources).unwrap();
        assert!(en.id("videogames").is_some() && !en.is_word("videogames"), "rarer than the trusted web words");
        let fr = lexicon(Lang::Fr, "video\t1000\names\t900\n", "0\n", false);
        assert_eq!(judge(&[&fr, &en], "videogames", false, &|_| false).fix, None);
        assert_eq!(judge(&[&fr, &en], "videogames", true, &|_| false).fix, None);
        let words = format!("the\t100000000000\n{fillers}videogames\t10\n");
        let en = Lexicon::build(Lang::En, &Sources { words: &words, ..sources }).unwrap();
        assert_eq!(judge(&[&fr, &en], "videogames", true, &|_| false).fix.as_deref(), Some("videoames"));
    }

    #[test]
    fn the_words_of_the_pieces_beside_choose_among_a_humps_fixes() {
        // "thcnk" is one edit from both; "think" is the more frequent word, "thank you" the frequent pair.
        let words = "the\t100000\nyou\t50000\nthink\t20000\nthank\t10000\nlove\t8000\ncarts\t2000\ncards\t500\n";
        let sources = Sources {
            aff: "SET UTF-8\n",
            dic: "0\n",
            words,
            bigrams: "thank you\t5000\nlove cards\t3000\n",
            words_from_dictionary: true,
            dictionary_prior: false,
        };
        let en = Lexicon::build(Lang::En, &sources).unwrap();
        let fix = |body| judge(&[&en], body, true, &|_| false).fix;
        assert_eq!(fix("Thcnk").as_deref(), Some("Think"));
        assert_eq!(fix("ThcnkYou").as_deref(), Some("ThankYou"));
        assert_eq!(fix("YouThcnk").as_deref(), Some("YouThink"), "the pair is read in its order");
        assert_eq!(fix("Thcnk_You").as_deref(), Some("Think_You"), "pieces apart are judged apart");
        // The last word of the piece before, too.
        assert_eq!(fix("Carfs").as_deref(), Some("Carts"));
        assert_eq!(fix("LoveCarfs").as_deref(), Some("LoveCards"));
    }

    #[test]
    fn a_frequent_word_of_another_language_is_no_typo() {
        // In a French post, "road" is English, not a mistyped "rond" ("roadtrip" itself is an allowlisted word).
        let en = lexicon(Lang::En, "the\t1000\nroad\t500\n", "0\n", false);
        let fr = lexicon(Lang::Fr, "en\t2000\nrond\t1000\nfrance\t800\nvelo\t10\n", "0\n", false);
        assert_eq!(judge(&[&fr], "roadveloenfrance", true, &|_| false).fix.as_deref(), Some("rondveloenfrance"));
        assert_eq!(judge(&[&fr, &en], "roadveloenfrance", true, &|_| false).fix, None);
    }

    #[test]
    fn a_hump_gets_its_one_word_fix_when_a_fix_of_several_words_costs_less() {
        // "copy writing" (one edit) is far cheaper than the rare "copywriting", but a capitalised hump is one word.
        let words = "the\t100000\ncopy\t50000\nwriting\t50000\ncopywriting\t1\n";
        let en = lexicon(Lang::En, words, "0\n", false);
        assert_eq!(judge(&[&en], "Copywritng", true, &|_| false).fix.as_deref(), Some("Copywriting"));
    }

    #[test]
    fn the_allowlist_words_are_words_of_a_split_and_of_a_fix() {
        // "facebook" is listed (Hunspell has no word of it) and allowlisted: common, and listed once.
        let en = lexicon(Lang::En, "the\t100000\nof\t50000\ndogs\t500\nfacebook\t1\n", "0\n", false);
        assert!(en.is_common_word("instagram") && en.is_common_word("facebook"));
        assert_eq!(en.id("facebook"), Some(3));
        let j = judge(&[&en], "dogsofinsagram", true, &|_| false);
        assert_eq!((j.fix.as_deref(), j.words_known), (Some("dogsofinstagram"), true));
        assert_eq!(judge(&[&en], "FacebookDogs", true, &|_| false).fix, None);
    }

    #[test]
    fn words_come_out_split_and_corrected() {
        let en = english();
        let j = judge(&[&en], "socialmediatips", true, &|_| false);
        assert_eq!((j.words, j.words_known), (vec!["social".to_owned(), "media".into(), "tips".into()], true));
        assert_eq!(judge(&[&en], "SocialMeida2024", true, &|_| false).words, ["social", "media", "2024"]);
        assert!(!judge(&[&en], "Xyzzy", true, &|_| false).words_known);
    }
}
