//! The development set's hashtag errors, listed and classified (never the evaluation set: tests/data/README.md):
//! each seeded typo whose fix is not the intended tag (intended vs offered, with the edits from the typo to each),
//! and each correct tag that is flagged. Reads `lang<TAB>#typo<TAB>#intended` lines (bench/typos.mjs) on stdin,
//! with the post's language given, as typed or all in lower case (`--lower`), natively with the lexicons of
//! `data/hashtags/` (the scores of the packed ones: tests/hashtags.rs).
//!
//!     node bench/typos.mjs 20261127 hashtags-fr-dev.tsv | cargo run --release --example hashtag_errors [-- --lower]
//!     cargo run --release --example hashtag_errors -- --correct hashtags-fr-dev.tsv   (false positives)

use std::collections::BTreeMap;
use std::io::Read;

use stratege::hashtags::fuzzy::bounded_distance;
use stratege::report::HashtagProblemKind;
use stratege::{Checker, Options};

fn options(lang: &str) -> Options {
    Options {
        platform: Some(stratege::request::parse_platform("facebook").unwrap()),
        lang: Some(lang.parse().unwrap()),
        ..Options::default()
    }
}

/// The spelling fix offered for `tag` and the words the check split it into.
fn check(checker: &Checker, tag: &str, lang: &str) -> (Option<String>, Vec<String>) {
    let report = checker.check(tag, &options(lang)).unwrap();
    let Some(h) = report.hashtags.first() else { return (None, Vec::new()) };
    let fix = h.problems.iter().find(|p| p.kind == HashtagProblemKind::Spelling).and_then(|p| p.suggestion.clone());
    (fix, h.words.clone())
}

fn distance(a: &str, b: &str) -> u8 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    bounded_distance(&a, &b, 9).unwrap_or(u8::MAX)
}

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            _ => c,
        })
        .collect()
}

/// Whether two words differ only by a French or English inflection ending (gender, number).
fn inflection_of(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let endings = ["s", "e", "es", "x", "ne", "nes", "le", "les", "te", "tes", "ère", "ères", "ve", "ves"];
    if let Some(rest) = long.strip_prefix(short) {
        return endings.contains(&rest);
    }
    // -er / -ère, -if / -ive, -eux / -euse
    let pairs = [("er", "ère"), ("if", "ive"), ("eux", "euse"), ("al", "aux"), ("ier", "ière")];
    pairs.iter().any(|(m, f)| {
        let stem = |w: &str, end: &str| w.strip_suffix(end).map(str::to_owned);
        [(a, b), (b, a)].iter().any(|(x, y)| stem(x, m).is_some_and(|s| stem(y, f).as_deref() == Some(s.as_str())))
    })
}

/// The kind of one error: what the offered fix got wrong against the intended tag.
fn classify(typo: &str, intended: &str, offered: Option<&str>, want: &[String], got: &[String]) -> String {
    let Some(offered) = offered else { return "not flagged".into() };
    if fold(offered) == fold(intended) {
        return "accents".into();
    }
    let (to_intended, to_offered) = (distance(typo, intended), distance(typo, offered));
    let reach = match to_offered.cmp(&to_intended) {
        std::cmp::Ordering::Less => "offered closer",
        std::cmp::Ordering::Equal => "same distance",
        std::cmp::Ordering::Greater => "offered farther",
    };
    let kind = if want.len() != got.len() {
        "other split".to_owned()
    } else {
        let differing: Vec<(&String, &String)> = want.iter().zip(got).filter(|(a, b)| a != b).collect();
        match differing.as_slice() {
            [(a, b)] if inflection_of(a, b) => "gender/number".into(),
            [(a, b)] if a.chars().count() <= 3 || b.chars().count() <= 3 => "short word".into(),
            [_] => "other word".into(),
            _ => "several words".into(),
        }
    };
    format!("{kind}, {reach}")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lower = args.iter().any(|a| a == "--lower");
    let checker = Checker::with_embedded_lexicons();
    let cased = |t: &str| if lower { t.to_lowercase() } else { t.to_owned() };
    if let Some(at) = args.iter().position(|a| a == "--correct") {
        let file = &args[at + 1];
        let text = std::fs::read_to_string(format!("tests/data/{file}")).unwrap();
        let (mut n, mut flagged) = (0, 0);
        for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (lang, tag) = line.split_once('\t').unwrap();
            if lang != "en" && lang != "fr" {
                continue;
            }
            n += 1;
            if let (Some(fix), _) = check(&checker, &cased(tag), lang) {
                flagged += 1;
                println!("{lang}\t{}\t→ {fix}", cased(tag));
            }
        }
        println!("correct tags flagged: {flagged} / {n}");
        return;
    }
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let (mut n, mut right) = (0, 0);
    for line in input.lines() {
        let mut fields = line.split('\t');
        let (Some(lang), Some(typo), Some(intended)) = (fields.next(), fields.next(), fields.next()) else { continue };
        let (typo, intended) = (cased(typo), cased(intended));
        n += 1;
        let (offered, got) = check(&checker, &typo, lang);
        if offered.as_deref() == Some(intended.as_str()) {
            right += 1;
            continue;
        }
        let (_, want) = check(&checker, &intended, lang);
        let kind = classify(&typo, &intended, offered.as_deref(), &want, &got);
        println!(
            "{lang}\t{typo}\tmeant {intended} [{}]\toffered {} [{}]\t{kind}",
            want.join(" "),
            offered.as_deref().unwrap_or("-"),
            got.join(" ")
        );
        *kinds.entry(kind).or_default() += 1;
    }
    println!("\ntop-1 {right} / {n} ({:.3})", right as f64 / n.max(1) as f64);
    for (kind, count) in kinds {
        println!("{count:4}  {kind}");
    }
}
