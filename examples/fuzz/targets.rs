//! The fuzzed entry points of the core: each takes the raw bytes of one input, runs it the way outside input
//! reaches the core (a post typed or pasted, a JSON request line, a media request with its pixels, an image file,
//! an analytics export) and checks what must hold whatever the input: offsets inside the text on character
//! boundaries, answers that are JSON, bounded output. A panic is caught by the driver (`main.rs`). Shared with the
//! regression test of the findings (tests/fuzz_regressions.rs).

use std::io::Cursor;

use stratege::media::decode;
use stratege::media::request::analyse_json;
use stratege::report::Report;
use stratege::request::parse_platform;
use stratege::schedule::import::{import_reader, ImportOptions};
use stratege::text::utf16_len;
use stratege::{Checker, Options};

/// The fuzz targets by name, in the order `make fuzz` runs them.
pub const TARGETS: &[&str] = &["text", "hashtags", "tone", "request", "media", "decode", "csv"];

/// Runs one input through the target `name`: `Err` says which invariant broke.
pub fn run(name: &str, checker: &Checker, input: &[u8]) -> Result<(), String> {
    match name {
        "text" => text(checker, input, &["x", "facebook", "instagram"], false),
        "hashtags" => text(checker, input, &["instagram", "x"], false),
        "tone" => text(checker, input, &["x", "facebook"], true),
        "request" => request(checker, input),
        "media" => media(input),
        "decode" => decode_image(input),
        "csv" => csv(input),
        _ => Err(format!("no fuzz target {name}")),
    }
}

/// A post (the bytes as UTF-8, invalid sequences replaced) checked in full on each platform.
fn text(checker: &Checker, input: &[u8], platforms: &[&str], reply: bool) -> Result<(), String> {
    let text = String::from_utf8_lossy(input);
    for platform in platforms {
        let options = Options { platform: Some(parse_platform(platform)?), reply, ..Options::default() };
        let report = checker.check(&text, &options)?;
        spans_hold(&text, &report)?;
    }
    Ok(())
}

/// Every span of the report lies inside the text and on character boundaries.
fn spans_hold(text: &str, report: &Report) -> Result<(), String> {
    let len = utf16_len(text);
    let mut bounds = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    bounds.push(0);
    for c in text.chars() {
        at += c.len_utf16();
        bounds.push(at);
    }
    let problems = report.problems.iter().map(|p| (p.start, p.end));
    for (start, end) in problems.chain(report.hashtags.iter().map(|h| (h.start, h.end))) {
        if start > end || end > len {
            return Err(format!("span {start}..{end} outside a text of {len} units"));
        }
        if bounds.binary_search(&start).is_err() || bounds.binary_search(&end).is_err() {
            return Err(format!("span {start}..{end} splits a character"));
        }
    }
    Ok(())
}

/// A line of `stratege check --jsonl` (or a wasm request): always answered with one JSON object.
fn request(checker: &Checker, input: &[u8]) -> Result<(), String> {
    let line = String::from_utf8_lossy(input);
    let answer = checker.answer_json(&line);
    serde_json::from_str::<serde_json::Value>(&answer)
        .map_err(|e| format!("the answer is not JSON ({e}): {answer}"))?
        .as_object()
        .map(|_| ())
        .ok_or_else(|| format!("the answer is not an object: {answer}"))
}

/// A media request: its JSON, a zero byte, then the pixels' bytes. Always answered with one JSON object.
fn media(input: &[u8]) -> Result<(), String> {
    let split = input.iter().position(|&b| b == 0).unwrap_or(input.len());
    let json = String::from_utf8_lossy(&input[..split]);
    let pixels = input.get(split + 1..).unwrap_or(&[]);
    let answer = analyse_json(&json, pixels);
    serde_json::from_str::<serde_json::Value>(&answer)
        .map_err(|e| format!("the answer is not JSON ({e}): {answer}"))?;
    Ok(())
}

/// An image file: decoded or refused with a reason; a decoded one has analysis pixels of the promised size.
fn decode_image(input: &[u8]) -> Result<(), String> {
    let Ok(decoded) = decode::read_bytes(input) else { return Ok(()) };
    if let Some(pixels) = decoded.info.pixels {
        let side = pixels.width.max(pixels.height);
        if side > decode::ANALYSIS_SIDE {
            return Err(format!("analysis pixels of {}×{}", pixels.width, pixels.height));
        }
        let expected = pixels.width as usize * pixels.height as usize * usize::from(pixels.channels);
        if pixels.data.len() != expected {
            return Err(format!("{} bytes of pixels for {}×{}", pixels.data.len(), pixels.width, pixels.height));
        }
    }
    Ok(())
}

/// An analytics export: read or refused with a reason; the messages stay bounded.
fn csv(input: &[u8]) -> Result<(), String> {
    let tz = jiff::tz::TimeZone::get("Europe/Paris").map_err(|e| e.to_string())?;
    let options = ImportOptions { file: "fuzz.csv", platform: None, tz: &tz };
    if let Ok(import) = import_reader(Cursor::new(input), &options) {
        if import.messages.len() > stratege::schedule::import::MAX_MESSAGES {
            return Err(format!("{} messages", import.messages.len()));
        }
    }
    Ok(())
}
