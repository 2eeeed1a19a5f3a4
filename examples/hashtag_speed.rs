//! The hashtag check natively, timed per tag: reads `lang<TAB>#tag[<TAB>...]` lines on stdin (bench/typos.mjs's
//! output, or a file of tests/data/), checks each tag alone in a post with its language, verdicts forgotten before
//! each call, and prints the p50 / p95 / max of the best of three calls and the slowest tags (25, or N with
//! `--slowest N`). With `--only TAG LANG CALLS` it checks one tag CALLS times, for `valgrind --tool=callgrind` (the
//! lexicons load before the calls).
//!
//!     node bench/typos.mjs 20261127 hashtags-fr-dev.tsv | cargo run --release --example hashtag_speed [-- --lower]
//!     cargo run --release --example hashtag_speed -- --only '#santépubliqe' fr 100
use std::io::Read;
use std::time::Instant;

use stratege::{Checker, Options};

fn options(lang: &str) -> Options {
    Options {
        platform: Some(stratege::request::parse_platform("facebook").unwrap()),
        lang: Some(lang.parse().unwrap()),
        ..Options::default()
    }
}

/// The time of one check of `tag`, in microseconds: the best of `calls`.
fn time(checker: &mut Checker, tag: &str, options: &Options, calls: usize) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..calls {
        checker.forget_verdicts();
        let start = Instant::now();
        std::hint::black_box(checker.check(std::hint::black_box(tag), options).unwrap());
        best = best.min(start.elapsed().as_secs_f64() * 1e6);
    }
    best
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut checker = Checker::with_embedded_lexicons();
    if let Some(at) = args.iter().position(|a| a == "--only") {
        let (tag, lang) = (&args[at + 1], &args[at + 2]);
        let calls: usize = args.get(at + 3).map_or(100, |n| n.parse().expect("CALLS is a number"));
        let micros = time(&mut checker, tag, &options(lang), calls);
        println!("{tag} ({lang}): best of {calls} calls {micros:.1} µs");
        return;
    }
    let lower = args.iter().any(|a| a == "--lower");
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut times: Vec<(f64, String)> = Vec::new();
    for line in input.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(lang), Some(tag)) = (fields.next(), fields.next()) else { continue };
        if lang != "en" && lang != "fr" {
            continue;
        }
        let tag = if lower { tag.to_lowercase() } else { tag.to_owned() };
        let micros = time(&mut checker, &tag, &options(lang), 3);
        times.push((micros, format!("{lang} {tag}")));
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let at = |p: f64| times[((p * times.len() as f64) as usize).min(times.len() - 1)].0;
    println!("{} tags: p50 {:.1} µs, p95 {:.1} µs, max {:.1} µs", times.len(), at(0.5), at(0.95), at(1.0));
    let slowest = args.iter().position(|a| a == "--slowest").map_or(25, |at| args[at + 1].parse().expect("N"));
    for (micros, tag) in times.iter().rev().take(slowest) {
        println!("{micros:9.1} µs  {tag}");
    }
}
