//! The choice of the analyser's `Constants` on the development data, as an ignored test that prints its table:
//!   node tools/tone_dev.mjs --dump target/tone-dev.jsonl
//!   STRATEGE_TONE_DEV=target/tone-dev.jsonl cargo test --release choose_constants -- --ignored --nocapture
//! The dump holds ConvAbuse valid, MLMA French development, data/tone/dev_{en,fr}.tsv and the HateCheck development
//! templates, never an evaluation set. Criterion: the mean of six figures at relaxed sensitivity (F1 on the four
//! sets, the share of HateCheck development cases to flag that are flagged, English and French), among the
//! settings that keep, against the constants used before (`BEFORE`), the calm lines of dev_{en,fr}.tsv flagged at
//! strict no more often and every HateCheck "leave ok" functionality (`LEAVE_OK`) right no less often.

use super::{Constants, Reading, Sensitivity, CHOSEN};
use crate::lang::Lang;
use crate::report::ToneLevel;

/// The constants shipped before this choice (2026-12-02), the baseline of the constraints.
const BEFORE: Constants = Constants {
    share_en: 0.9,
    share_fr: 0.6,
    model_even: 0.3,
    unaddressed_model: 0.4,
    unaddressed_words: 0.5,
    caution: 0.4,
};

/// HateCheck functionalities a reply checker must leave ok (identity statements, negation, counter-speech).
const LEAVE_OK: &[&str] = &["ident_neutral_nh", "ident_pos_nh", "negate_neg_nh", "counter_quote_nh", "counter_ref_nh"];

const EVENS: [f32; 4] = [0.2, 0.3, 0.4, 0.5];
const CAUTIONS: [f32; 3] = [0.35, 0.4, 0.45];
const SHARES_EN: [f32; 4] = [0.7, 0.8, 0.9, 1.0];
const SHARES_FR: [f32; 6] = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
const UNADDRESSED_MODELS: [f32; 4] = [0.3, 0.4, 0.5, 0.6];
const UNADDRESSED_WORDS: [f32; 3] = [0.4, 0.5, 0.6];

/// One development case of the dump.
struct Case {
    set: String,
    functionality: String,
    /// "flag", "calm" (at most a caution) or "ok".
    want: String,
    /// None for a text the analyser does not check (not in the Latin script): never flagged.
    reading: Option<Reading>,
}

impl Case {
    fn level(&self, constants: &Constants, sensitivity: Sensitivity) -> ToneLevel {
        self.reading.as_ref().map_or(ToneLevel::Ok, |r| r.verdict(constants, sensitivity).1)
    }
}

/// The figures of one language's cases under one setting.
#[derive(Clone, Copy, Debug)]
struct Figures {
    /// F1 of the language's two sets (ConvAbuse valid or MLMA development, then dev_en or dev_fr).
    f1: [f64; 2],
    /// Share of the HateCheck development cases to flag that are flagged.
    hatecheck_flagged: f64,
    /// Calm lines of dev_{en,fr}.tsv flagged at strict.
    calm_flagged_strict: usize,
    /// Right answers per `LEAVE_OK` functionality.
    left_ok: [usize; LEAVE_OK.len()],
}

impl Figures {
    fn sum(&self) -> f64 {
        self.f1[0] + self.f1[1] + self.hatecheck_flagged
    }

    /// No worse than `before` on the calm lines and on each functionality to leave ok.
    fn keeps(&self, before: &Figures) -> bool {
        self.calm_flagged_strict <= before.calm_flagged_strict
            && self.left_ok.iter().zip(&before.left_ok).all(|(now, then)| now >= then)
    }
}

fn figures(cases: &[Case], lang: Lang, constants: &Constants) -> Figures {
    let sets = match lang {
        Lang::En => ["convabuse", "dev_en"],
        Lang::Fr => ["mlma", "dev_fr"],
    };
    let mut counts = [[0usize; 3]; 2]; // true positives, false positives, false negatives
    let (mut to_flag, mut flagged) = (0usize, 0usize);
    let mut calm_flagged_strict = 0;
    let mut left_ok = [0usize; LEAVE_OK.len()];
    for case in cases {
        let level = case.level(constants, Sensitivity::Relaxed);
        let flag = level != ToneLevel::Ok;
        if let Some(i) = sets.iter().position(|s| *s == case.set) {
            let positive = case.want == "flag";
            match (positive, flag) {
                (true, true) => counts[i][0] += 1,
                (false, true) => counts[i][1] += 1,
                (true, false) => counts[i][2] += 1,
                _ => {}
            }
            if i == 1 && !positive && case.level(constants, Sensitivity::Strict) != ToneLevel::Ok {
                calm_flagged_strict += 1;
            }
        } else if case.set == "hatecheck" {
            if case.want == "flag" {
                to_flag += 1;
                flagged += usize::from(flag);
            }
            if let Some(i) = LEAVE_OK.iter().position(|f| *f == case.functionality) {
                left_ok[i] += usize::from(level == ToneLevel::Ok);
            }
        }
    }
    let f1 = counts.map(|[tp, fp, fn_]| 2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64);
    Figures { f1, hatecheck_flagged: flagged as f64 / to_flag.max(1) as f64, calm_flagged_strict, left_ok }
}

fn read_dump(path: &str) -> Vec<(Lang, Case)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let field = |name: &str| v[name].as_str().unwrap_or_else(|| panic!("no {name} in {line}")).to_owned();
            let lang = if field("lang") == "fr" { Lang::Fr } else { Lang::En };
            let reading = Reading::of(&field("text"), Some(lang));
            (lang, Case { set: field("set"), functionality: field("functionality"), want: field("want"), reading })
        })
        .collect()
}

#[test]
#[ignore = "needs the development dump of tools/tone_dev.mjs --dump (STRATEGE_TONE_DEV)"]
fn choose_constants() {
    let path = std::env::var("STRATEGE_TONE_DEV").expect("STRATEGE_TONE_DEV: the dump of tools/tone_dev.mjs --dump");
    let (en, fr): (Vec<_>, Vec<_>) = read_dump(&path).into_iter().partition(|(lang, _)| *lang == Lang::En);
    let en: Vec<Case> = en.into_iter().map(|(_, c)| c).collect();
    let fr: Vec<Case> = fr.into_iter().map(|(_, c)| c).collect();
    let (before_en, before_fr) = (figures(&en, Lang::En, &BEFORE), figures(&fr, Lang::Fr, &BEFORE));
    let show = |f: &Figures| {
        format!(
            "F1 {:.3} {:.3} HC {:.3} calm@strict {} left {:?}",
            f.f1[0], f.f1[1], f.hatecheck_flagged, f.calm_flagged_strict, f.left_ok
        )
    };
    println!("before: {BEFORE:?}\n  en {}\n  fr {}", show(&before_en), show(&before_fr));
    println!("  criterion {:.4}", (before_en.sum() + before_fr.sum()) / 6.0);
    let mut best: Option<(f64, Constants)> = None;
    for even in EVENS {
        for caution in CAUTIONS {
            let base = Constants { model_even: even, caution, ..BEFORE };
            let mut best_en: Option<(f64, Constants, Figures)> = None;
            for share_en in SHARES_EN {
                for unaddressed_model in UNADDRESSED_MODELS {
                    for unaddressed_words in UNADDRESSED_WORDS {
                        let c = Constants { share_en, unaddressed_model, unaddressed_words, ..base };
                        let f = figures(&en, Lang::En, &c);
                        if f.keeps(&before_en) && best_en.as_ref().is_none_or(|b| f.sum() > b.0) {
                            best_en = Some((f.sum(), c, f));
                        }
                    }
                }
            }
            let mut best_fr: Option<(f64, Constants, Figures)> = None;
            for share_fr in SHARES_FR {
                let c = Constants { share_fr, ..base };
                let f = figures(&fr, Lang::Fr, &c);
                if f.keeps(&before_fr) && best_fr.as_ref().is_none_or(|b| f.sum() > b.0) {
                    best_fr = Some((f.sum(), c, f));
                }
            }
            let (Some((sum_en, c_en, f_en)), Some((sum_fr, c_fr, f_fr))) = (best_en, best_fr) else {
                println!("even {even} caution {caution}: no setting keeps the calm lines and the leave-ok cases");
                continue;
            };
            let chosen = Constants { share_fr: c_fr.share_fr, ..c_en };
            let criterion = (sum_en + sum_fr) / 6.0;
            println!(
                "even {even} caution {caution}: criterion {criterion:.4}; en share {} unaddressed {} / {}: {}; fr share {}: {}",
                c_en.share_en,
                c_en.unaddressed_model,
                c_en.unaddressed_words,
                show(&f_en),
                c_fr.share_fr,
                show(&f_fr)
            );
            if best.is_none_or(|b| criterion > b.0) {
                best = Some((criterion, chosen));
            }
        }
    }
    let (criterion, chosen) = best.expect("a setting that keeps the constraints");
    println!("chosen: {chosen:?} (criterion {criterion:.4})");
    assert_eq!(chosen, CHOSEN, "the shipped constants are not the grid's choice");
}
