//! `stratege media --platform NAME [--link] [--json] IMAGE...`: per image and surface, the crop rectangle, what
//! is lost, the suggested framing and the warnings. The logic lives here so that the binary only parses and
//! prints; files are decoded by `decode`.

use std::path::PathBuf;

use serde::Serialize;

use super::analysis::{analyse, percent, MediaReport};
use super::decode;
use super::input::MediaInput;
use super::rules::{file_size, Purpose};
use crate::platform::Platform;
use crate::report::Severity;

/// The options of `stratege media`.
#[derive(clap::Args, Clone, Debug, Default, PartialEq)]
pub struct MediaArgs {
    /// The platform: x, facebook or instagram.
    #[arg(long, value_name = "x|facebook|instagram")]
    pub platform: String,
    /// Checks the image of a shared link instead (Facebook link preview).
    #[arg(long)]
    pub link: bool,
    /// Writes the analysis as JSON.
    #[arg(long)]
    pub json: bool,
    /// The images (JPEG, PNG, WebP, GIF), in the order they are attached.
    #[arg(value_name = "IMAGE", required = true)]
    pub files: Vec<PathBuf>,
}

/// What to print and the exit status.
#[derive(Clone, Debug, PartialEq)]
pub struct MediaOutput {
    pub text: String,
    /// 0, 1 (a problem is an error) or 2 (a file could not be read).
    pub status: u8,
}

/// Parses the arguments after `media`.
pub fn parse_args(args: &[String]) -> Result<MediaArgs, String> {
    let mut parsed = MediaArgs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--link" => parsed.link = true,
            "--platform" => parsed.platform = it.next().cloned().ok_or("--platform needs a value")?,
            s if s.starts_with("--platform=") => parsed.platform = s["--platform=".len()..].to_owned(),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            file => parsed.files.push(PathBuf::from(file)),
        }
    }
    if parsed.platform.is_empty() {
        return Err("media needs --platform NAME".into());
    }
    if parsed.files.is_empty() {
        return Err("media needs at least one image file".into());
    }
    Ok(parsed)
}

/// A file of the command line: read, or why not.
#[derive(Serialize)]
struct FileNote {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    /// The file's position among the analysed images, when it was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<usize>,
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    files: &'a [FileNote],
    #[serde(flatten)]
    report: &'a MediaReport,
}

/// Reads the files, analyses them as one post and renders the result. Errs on a bad platform name.
pub fn run(args: &MediaArgs) -> Result<MediaOutput, String> {
    let platform = Platform::from_id(&args.platform).ok_or_else(|| format!("unknown platform {:?}", args.platform))?;
    let mut images = Vec::new();
    let mut files = Vec::new();
    for path in &args.files {
        let shown = path.display().to_string();
        match decode::read(path) {
            Ok(decoded) => {
                files.push(FileNote { path: shown, error: None, note: decoded.note, image: Some(images.len()) });
                images.push(decoded.info);
            }
            Err(error) => files.push(FileNote { path: shown, error: Some(error), note: None, image: None }),
        }
    }
    let purpose = if args.link { Purpose::Link } else { Purpose::Post };
    let report = analyse(&MediaInput { platform, purpose, images })?;
    let unreadable = files.iter().any(|f| f.error.is_some());
    let status = if unreadable {
        2
    } else if report.problems.iter().any(|p| p.severity == Severity::Error) {
        1
    } else {
        0
    };
    let text = if args.json {
        serde_json::to_string_pretty(&JsonOutput { files: &files, report: &report }).expect("serializes") + "\n"
    } else {
        render(&files, &report)
    };
    Ok(MediaOutput { text, status })
}

fn render(files: &[FileNote], report: &MediaReport) -> String {
    let mut out = String::new();
    let name = report.platform.rules().name;
    let what = if report.purpose == Purpose::Link { "link image" } else { "post" };
    out.push_str(&format!("{name} {what}, {} image(s)\n", report.images.len()));
    for file in files {
        let Some(image) = file.image.map(|i| &report.images[i]) else {
            out.push_str(&format!("{}: {}\n", file.path, file.error.as_deref().unwrap_or("not read")));
            continue;
        };
        let (w, h, format, size) = (image.width, image.height, image.format.label(), file_size(image.bytes));
        out.push_str(&format!("{}: {w}×{h} {format}, {size}\n", file.path));
        if let Some(note) = &file.note {
            out.push_str(&format!("  note: {note}\n"));
        }
        for s in &image.surfaces {
            let approx = if s.approximate { ", approximate" } else { "" };
            out.push_str(&format!("  {} ({}{approx}): keeps {}", s.label, s.confidence.label(), s.rect));
            if s.strips.is_empty() {
                out.push_str(", nothing cut\n");
                continue;
            }
            let detail = s.detail_lost.map(|d| format!(", {} of the detail", percent(d))).unwrap_or_default();
            out.push_str(&format!(", loses {} of the area{detail}\n", percent(s.area_lost)));
            for strip in &s.strips {
                let detail = strip.detail.map(|d| format!(" ({} of the detail)", percent(d))).unwrap_or_default();
                out.push_str(&format!("    {} {}{detail}\n", strip.side.name(), percent(strip.fraction)));
            }
            if let Some(suggestion) = &s.suggestion {
                out.push_str(&format!("    suggestion: {}\n", suggestion.message));
            }
        }
    }
    if !report.problems.is_empty() {
        out.push_str("problems\n");
        for p in &report.problems {
            let label = match p.severity {
                Severity::Info => "info",
                Severity::Warning => "warning",
                Severity::Error => "error",
            };
            out.push_str(&format!("  {label} {}: {}\n", p.kind.id(), p.message));
        }
    }
    out
}
