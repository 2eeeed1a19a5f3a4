//! The X counter's fast path natively (`measure::length`, what the wasm `Checker.count` runs), timed on a text file
//! given as argument: `cargo run --release --example x_count_speed -- FILE [CALLS]` prints the count and the mean
//! time of one call. Run under `valgrind --tool=callgrind` it shows where the count's instructions go.
use std::time::Instant;

use stratege::measure::{self, Options};
use stratege::platform::Platform;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: x_count_speed FILE [CALLS]");
    let calls: u32 = args.next().map_or(1000, |n| n.parse().expect("CALLS is a number"));
    let text = std::fs::read_to_string(path).expect("the file is UTF-8 text");
    let options = Options { reply: false, premium: true, auto_mentions: false };
    let rules = Platform::X.rules();
    let count = measure::length(rules, &text, &options).count;
    let start = Instant::now();
    for _ in 0..calls {
        std::hint::black_box(measure::length(rules, std::hint::black_box(&text), &options));
    }
    let mean = start.elapsed().as_secs_f64() * 1e6 / f64::from(calls);
    println!("{} chars: count {count}, {mean:.2} µs per call", text.encode_utf16().count());
}
