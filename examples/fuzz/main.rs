//! `make fuzz`: a fuzzer on stable Rust for the core's entry points (targets.rs). cargo-fuzz needs a nightly
//! toolchain, which a fresh machine of this project does not have, so inputs come from proptest's generators and a
//! seeded random source instead of coverage feedback: grammar-built posts and hashtag floods, JSON requests and
//! media requests with extreme values, and byte mutations of seed files (images encoded here, the analytics
//! samples of tests/data/analytics). Each case runs under `catch_unwind`; a panic, a case slower than
//! `SLOW_CASE`, or memory above `MAX_RSS_MB` is a finding, written to `fuzz/findings/<target>/`. Before each case
//! the input is written to `fuzz/findings/<target>/current`, so a hang leaves its input behind.
//!
//! Usage: `cargo run --profile fuzz --example fuzz -- TARGET|all SECONDS [SEED]`, or `-- replay TARGET FILE...` to
//! run saved inputs again and see how long each takes.

mod targets;

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use stratege::Checker;

/// A case that takes more CPU time than this is reported: the core promises bounded work on any input. CPU time,
/// not wall time, so that a loaded machine does not turn into findings (wall time where Linux does not tell it).
const SLOW_CASE: Duration = Duration::from_secs(2);
/// Resident memory above this is reported: the worker holds both dictionaries in well under it.
const MAX_RSS_MB: u64 = 1024;
/// Findings kept per target and run (the same bug tends to repeat).
const MAX_FINDINGS: usize = 20;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "replay") && args.len() >= 3 {
        replay(&args[1], &args[2..]);
        return;
    }
    let (Some(which), Some(seconds)) = (args.first(), args.get(1).and_then(|s| s.parse::<u64>().ok())) else {
        eprintln!("usage: fuzz TARGET|all SECONDS [SEED]   targets: {}", targets::TARGETS.join(", "));
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0x0057_5241_5445_4745);
    let names: Vec<&str> = if which == "all" { targets::TARGETS.to_vec() } else { vec![which.as_str()] };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let checker = Checker::with_embedded_lexicons();
    panic::set_hook(Box::new(|_| {})); // a caught panic is reported as a finding, not printed mid-run
    let mut failed = false;
    for name in names {
        let summary = fuzz(name, &checker, &root, Duration::from_secs(seconds), seed);
        println!("{summary}");
        failed |= summary.findings > 0;
    }
    std::process::exit(i32::from(failed));
}

/// Runs saved inputs through a target and prints each one's outcome and time.
fn replay(name: &str, files: &[String]) {
    let checker = Checker::with_embedded_lexicons();
    for file in files {
        let input = std::fs::read(file).expect("the input file is readable");
        let began = Instant::now();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| targets::run(name, &checker, &input)));
        let outcome = match outcome {
            Ok(Ok(())) => "ok".to_string(),
            Ok(Err(why)) => why,
            Err(payload) => format!("panic: {}", panic_message(&payload)),
        };
        println!("{file}: {outcome} in {:.1} ms", began.elapsed().as_secs_f64() * 1e3);
    }
}

struct Summary {
    target: String,
    cases: u64,
    elapsed: Duration,
    slowest: Duration,
    peak_rss_mb: u64,
    findings: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let per_second = self.cases as f64 / self.elapsed.as_secs_f64().max(1e-9);
        write!(
            f,
            "fuzz {:<9} {:>9} cases in {:>5.0} s ({:>8.0}/s), slowest case {:>6.1} ms CPU, peak memory {:>5} MB, {} finding(s)",
            self.target,
            self.cases,
            self.elapsed.as_secs_f64(),
            per_second,
            self.slowest.as_secs_f64() * 1e3,
            self.peak_rss_mb,
            self.findings
        )
    }
}

fn fuzz(name: &str, checker: &Checker, root: &Path, budget: Duration, seed: u64) -> Summary {
    let findings_dir = root.join("fuzz/findings").join(name);
    std::fs::create_dir_all(&findings_dir).expect("fuzz/findings is writable");
    let seeds = seeds(name, root);
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let mut summary = Summary {
        target: name.to_string(),
        cases: 0,
        elapsed: Duration::ZERO,
        slowest: Duration::ZERO,
        peak_rss_mb: 0,
        findings: 0,
    };
    let start = Instant::now();
    while start.elapsed() < budget && summary.findings < MAX_FINDINGS {
        let input = generate(name, &mut runner, &seeds);
        std::fs::write(findings_dir.join("current"), &input).expect("fuzz/findings is writable");
        let began = cpu_time();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| targets::run(name, checker, &input)));
        let took = cpu_time().saturating_sub(began);
        summary.slowest = summary.slowest.max(took);
        summary.cases += 1;
        let rss = rss_mb();
        summary.peak_rss_mb = summary.peak_rss_mb.max(rss);
        let problem = match outcome {
            Err(payload) => Some(format!("panic: {}", panic_message(&payload))),
            Ok(Err(why)) => Some(why),
            Ok(Ok(())) if took > SLOW_CASE => Some(format!("slow: {} ms", took.as_millis())),
            Ok(Ok(())) if rss > MAX_RSS_MB => Some(format!("memory: {rss} MB resident")),
            Ok(Ok(())) => None,
        };
        if let Some(problem) = problem {
            summary.findings += 1;
            let file = findings_dir.join(format!("{:016x}", fnv(&input)));
            std::fs::write(&file, &input).expect("fuzz/findings is writable");
            eprintln!("fuzz {name}: {problem} ({})", file.display());
        }
    }
    let _ = std::fs::remove_file(findings_dir.join("current"));
    summary.elapsed = start.elapsed();
    summary
}

fn panic_message(payload: &Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(no message)".into())
}

/// The seed files a target mutates: committed regressions and corpus files, plus per-target samples.
fn seeds(name: &str, root: &Path) -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    for dir in ["fuzz/corpus", "fuzz/regressions"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir).join(name)) {
            for entry in entries.flatten() {
                seeds.extend(std::fs::read(entry.path()).ok());
            }
        }
    }
    match name {
        "csv" => {
            let dir = root.join("tests/data/analytics");
            for entry in std::fs::read_dir(dir).expect("tests/data/analytics").flatten() {
                if entry.path().extension().is_some_and(|e| e == "csv") {
                    seeds.extend(std::fs::read(entry.path()).ok());
                }
            }
        }
        "decode" => seeds.extend(encoded_images()),
        _ => {}
    }
    seeds
}

/// Small images in each format the CLI reads, encoded here, so that mutations reach deep into each decoder.
fn encoded_images() -> Vec<Vec<u8>> {
    use image::{ImageFormat, RgbaImage};
    let image = RgbaImage::from_fn(24, 16, |x, y| image::Rgba([(x * 10) as u8, (y * 15) as u8, 128, 255]));
    [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Gif, ImageFormat::WebP]
        .into_iter()
        .map(|format| {
            let mut out = std::io::Cursor::new(Vec::new());
            let rgb = image::DynamicImage::ImageRgba8(image.clone());
            let encodable =
                if format == ImageFormat::Jpeg { image::DynamicImage::ImageRgb8(rgb.to_rgb8()) } else { rgb };
            encodable.write_to(&mut out, format).expect("encodes");
            out.into_inner()
        })
        .collect()
}

/// One input for `name`: built by a generator, or a seed mutated.
fn generate(name: &str, runner: &mut TestRunner, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mutate_seed = !seeds.is_empty() && runner.rng().next_u32().is_multiple_of(2);
    if mutate_seed || matches!(name, "decode" | "csv") {
        let seed = &seeds[runner.rng().next_u32() as usize % seeds.len().max(1)];
        return mutate(seed.clone(), runner);
    }
    let value = match name {
        "text" | "tone" => post(name == "tone").new_tree(runner).expect("generates").current(),
        "hashtags" => hashtag_flood().new_tree(runner).expect("generates").current(),
        "request" => {
            let line = request_line().new_tree(runner).expect("generates").current().into_bytes();
            return if runner.rng().next_u32().is_multiple_of(2) { mutate(line, runner) } else { line };
        }
        "media" => return media_request(runner),
        _ => unreachable!("targets::TARGETS lists the generators"),
    };
    value.into_bytes()
}

/// Byte-level mutations: flips, inserts of bytes and of tokens that matter to the parsers, deletions, copies,
/// truncation; one to eight of them.
fn mutate(mut input: Vec<u8>, runner: &mut TestRunner) -> Vec<u8> {
    const TOKENS: &[&[u8]] = &[
        b"#",
        b"\"",
        b",",
        b";",
        b"\n",
        b"\r\n",
        b"\\ud800",
        b"\xef\xbb\xbf",
        b"https://",
        b".com",
        b"@",
        b"\0",
        b"\xff\xff\xff\xff",
        b"9999999999",
        b"-1",
        b"{",
        b"}",
        b"[",
        b"]",
        b"null",
        b"\xc3\xa9",
        b"\xf0\x9f\x91\x8d",
    ];
    let rng = runner.rng();
    for _ in 0..1 + rng.next_u32() % 8 {
        let len = input.len();
        let at = if len == 0 { 0 } else { rng.next_u32() as usize % (len + 1) };
        match rng.next_u32() % 6 {
            0 if len > 0 => input[at.min(len - 1)] ^= 1 << (rng.next_u32() % 8),
            1 => input.insert(at, rng.next_u32() as u8),
            2 => {
                let token = TOKENS[rng.next_u32() as usize % TOKENS.len()];
                input.splice(at..at, token.iter().copied());
            }
            3 if len > 0 => {
                let end = (at + 1 + rng.next_u32() as usize % 64).min(len);
                input.drain(at.min(end)..end);
            }
            4 if len > 0 && len < 1 << 20 => {
                let from = rng.next_u32() as usize % len;
                let end = (from + 1 + rng.next_u32() as usize % 256).min(len);
                let copy = input[from..end].to_vec();
                input.splice(at..at, copy);
            }
            5 => input.truncate(at),
            _ => {}
        }
    }
    input
}

/// Pieces a post is made of, the odd ones included.
const PIECES: &[&str] = &[
    "Tips for",
    " ",
    "\n",
    "managers",
    "café",
    "#SocialMeida",
    "#custmerservice",
    "#conseilcarrière",
    "#santépublique",
    "#",
    "##",
    "#été2026",
    "https://example.com/a?b=1",
    "www.stratege.app",
    "a.co",
    "@ana_builds",
    "$TSLA",
    "👩\u{200d}👩\u{200d}👧",
    "👍🏽",
    "🇫🇷",
    "e\u{301}",
    "\u{301}",
    "مرحبا",
    "\u{202e}",
    "\u{200f}",
    "東京",
    "＃タグ",
    "\u{fe0f}",
    "\u{200b}",
    "!",
    "…",
    "idiot",
    "Fuck yourself.",
    "vous êtes des rapaces",
    "merci",
    "great job",
];

fn post(long: bool) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_owned),
        2 => any::<char>().prop_map(String::from),
        1 => "[a-zà-ÿ]{1,40}",
    ];
    let count = if long { 0..2000 } else { 0..300 };
    prop::collection::vec(piece, count).prop_map(|pieces| pieces.concat())
}

/// Hundreds of tags, long and short, glued or apart, in several scripts.
fn hashtag_flood() -> impl Strategy<Value = String> {
    let tag = (
        "[#＃]",
        "[a-zA-Zéèêàçœ_0-9]{0,70}|[а-я]{1,20}|[ぁ-ん]{1,10}",
        prop::sample::select(&[" ", "", "\n", ",", "#"][..]),
    )
        .prop_map(|(hash, word, sep)| format!("{hash}{word}{sep}"));
    prop::collection::vec(tag, 0..1500).prop_map(|tags| tags.concat())
}

/// A JSON request line with odd but well-formed values, or plain noise.
fn request_line() -> impl Strategy<Value = String> {
    let platform = prop::sample::select(
        &["x", "facebook", "instagram", "threads", "bluesky", "mastodon", "linkedin", "X", "", "myspace"][..],
    );
    let lang = prop::sample::select(&["\"en\"", "\"fr\"", "\"de\"", "null", "1"][..]);
    let tone = prop::sample::select(&["\"off\"", "\"relaxed\"", "\"strict\"", "\"loud\"", "null"][..]);
    let text = prop_oneof![post(false), Just("\\ud800\\udc00\\ud83d".to_string()), Just("\\u0000".to_string())];
    (platform, lang, tone, text, any::<bool>(), any::<u32>(), prop::collection::vec(post(false), 0..4))
        .prop_map(|(platform, lang, tone, text, reply, limit, words)| {
            let text = text.replace('"', "\\\"");
            let dictionary: Vec<String> = words.into_iter().map(|w| serde_json::to_string(&w).unwrap()).collect();
            format!(
                r#"{{"platform":"{platform}","text":"{text}","lang":{lang},"tone":{tone},"reply":{reply},"hashtag_limit":{limit},"dictionary":[{}],"id":1}}"#,
                dictionary.join(",")
            )
        })
}

/// A media request (JSON, a zero byte, the pixels) with extreme sizes and pixel buffers that may not match.
fn media_request(runner: &mut TestRunner) -> Vec<u8> {
    let rng = runner.rng();
    let dim = |rng: &mut TestRng| match rng.next_u32() % 5 {
        0 => 0,
        1 => u32::MAX,
        2 => 1 + rng.next_u32() % 4,
        _ => 1 + rng.next_u32() % 9000,
    };
    let count = rng.next_u32() % 24;
    let mut images = Vec::new();
    let mut pixel_bytes = 0usize;
    for _ in 0..count {
        let (width, height) = (dim(rng), dim(rng));
        let (aw, ah) = (dim(rng) % 600, dim(rng) % 600);
        pixel_bytes += aw as usize * ah as usize * 4;
        let format = ["image/jpeg", "image/png", "image/gif", "image/heic", "", "webp"][rng.next_u32() as usize % 6];
        images.push(format!(
            r#"{{"width":{width},"height":{height},"bytes":{},"type":"{format}","animated":{},"alt_missing":{},"analysis":{{"width":{aw},"height":{ah}}}}}"#,
            rng.next_u64() % 100_000_000,
            rng.next_u32().is_multiple_of(2),
            rng.next_u32().is_multiple_of(2)
        ));
    }
    let platform = ["x", "instagram", "facebook", "linkedin", "nope"][rng.next_u32() as usize % 5];
    let purpose = ["post", "link", "story", "grid"][rng.next_u32() as usize % 4];
    let json = format!(r#"{{"platform":"{platform}","purpose":"{purpose}","images":[{}]}}"#, images.join(","));
    // Pixels: the promised amount, a little less or more, or none.
    let pixels = match rng.next_u32() % 4 {
        0 => 0,
        1 => pixel_bytes.saturating_sub(rng.next_u32() as usize % 64),
        2 => pixel_bytes + rng.next_u32() as usize % 64,
        _ => pixel_bytes,
    }
    .min(64 << 20);
    let mut input = json.into_bytes();
    input.push(0);
    input.extend((0..pixels).map(|i| (i as u32).wrapping_mul(2_654_435_761).to_le_bytes()[3]));
    input
}

/// CPU time of this thread so far (user and system), from /proc/thread-self/stat in clock ticks of 10 ms; where it
/// cannot be read, the wall time since the first call.
fn cpu_time() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are the 12th and
    // 13th of them (fields 14 and 15 of proc(5)).
    let fields: Vec<&str> =
        stat.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().collect()).unwrap_or_default();
    let ticks = |i: usize| fields.get(i).and_then(|t| t.parse::<u64>().ok());
    match (ticks(11), ticks(12)) {
        (Some(user), Some(system)) => Duration::from_millis((user + system) * 10),
        _ => START.get_or_init(Instant::now).elapsed(),
    }
}

/// Resident memory of this process, from /proc (0 where it cannot be read).
fn rss_mb() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
    pages * 4096 / (1 << 20)
}

/// FNV-1a: names a finding's file by its content.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
