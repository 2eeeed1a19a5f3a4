//! The tone analysis natively (`tone::analyse`, what a reply's check runs in the wasm), timed on each line of a
//! text file: `cargo run --release --example tone_speed -- FILE LANG [CALLS]` (LANG en or fr) prints each line's
//! level and score and the mean time of one analysis. Run under `valgrind --tool=callgrind` it shows where the
//! analysis's instructions go (the lexicons and the model are read once, before the timed calls).
use std::time::Instant;

use stratege::lang::Lang;
use stratege::tone::{analyse, Sensitivity};

fn main() {
    let mut args = std::env::args().skip(1);
    let (path, lang) = (args.next(), args.next());
    let (Some(path), Some(lang)) = (path, lang) else { panic!("usage: tone_speed FILE en|fr [CALLS]") };
    let lang = match lang.as_str() {
        "en" => Lang::En,
        "fr" => Lang::Fr,
        other => panic!("LANG is en or fr, not {other:?}"),
    };
    let calls: u32 = args.next().map_or(1000, |n| n.parse().expect("CALLS is a number"));
    let text = std::fs::read_to_string(path).expect("the file is UTF-8 text");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    for line in &lines {
        let tone = analyse(line, Some(lang), Sensitivity::Relaxed);
        println!("{:?} {:.4} {} UTF-16 units", tone.level, tone.score, line.encode_utf16().count());
    }
    let start = Instant::now();
    for _ in 0..calls {
        for line in &lines {
            std::hint::black_box(analyse(std::hint::black_box(line), Some(lang), Sensitivity::Relaxed));
        }
    }
    let analyses = f64::from(calls) * lines.len() as f64;
    println!("{:.2} µs per analysis", start.elapsed().as_secs_f64() * 1e6 / analyses);
}
