//! The logic of `stratege schedule` and `stratege heatmap`, kept in the library so the binary only parses
//! arguments and prints: plain argument structs, a `Result<String, String>` per command.
//!
//! ```text
//! stratege schedule --date YYYY-MM-DD --tz Area/City [--platform P]... [--import FILE]... [--now YYYY-MM-DDTHH:MM] [--json]
//! stratege heatmap --tz Area/City [--platform P]... [--import FILE]... [--svg FILE]
//! ```

use std::fmt::Write;
use std::path::PathBuf;

use jiff::tz::TimeZone;
use serde::Serialize;

use super::hint::{day_slots, hint, Hint, Slot};
use super::import::{import_file, Import, Observations, SeenPosts};
use super::model::Model;
use super::zones::{hh_mm, now_in, parse_date, parse_local, resolve, zone};
use super::{heatmap, platform_label, schedule_platform, DAY_FULL_NAMES, PLATFORMS};
use crate::platform::Platform;

/// Whose best times: the audience's zone, the platforms and the analytics exports to learn from (the options
/// `schedule` and `heatmap` share).
#[derive(clap::Args, Clone, Debug, Default, PartialEq)]
pub struct Audience {
    /// The audience's time zone (IANA), e.g. Europe/Paris.
    #[arg(long, value_name = "Area/City")]
    pub tz: String,
    /// A platform: x, facebook, instagram or linkedin (repeat for more; default: all four).
    #[arg(long = "platform", value_name = "P")]
    pub platforms: Vec<String>,
    /// An analytics export to learn from (X post analytics, Meta Business Suite content CSV; repeat for more).
    #[arg(long = "import", value_name = "FILE")]
    pub imports: Vec<PathBuf>,
}

/// `stratege schedule` options.
#[derive(clap::Args, Clone, Debug, Default, PartialEq)]
pub struct ScheduleArgs {
    /// The day, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: String,
    #[command(flatten)]
    pub audience: Audience,
    /// "Now" for the hint, YYYY-MM-DDTHH:MM local (default: the system clock).
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    pub now: Option<String>,
    /// Writes the day as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `stratege heatmap` options.
#[derive(clap::Args, Clone, Debug, Default, PartialEq)]
pub struct HeatmapArgs {
    #[command(flatten)]
    pub audience: Audience,
    /// Where to write the SVG (default: standard output).
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
}

/// The models of the chosen platforms after the imports, and what each import gave.
struct Learnt {
    models: Vec<(Model, Model)>,
    imports: Vec<Import>,
}

fn platforms(ids: &[String]) -> Result<Vec<Platform>, String> {
    if ids.is_empty() {
        return Ok(PLATFORMS.to_vec());
    }
    ids.iter().map(|id| schedule_platform(id)).collect()
}

fn learn(audience: &Audience, tz: &TimeZone) -> Result<Learnt, String> {
    let chosen = platforms(&audience.platforms)?;
    let hint = if chosen.len() == 1 { Some(chosen[0]) } else { None };
    let mut imports = Vec::new();
    let mut seen = SeenPosts::default();
    for file in &audience.imports {
        imports.push(import_file(file, hint, tz, &mut seen).map_err(|e| e.to_string())?);
    }
    let mut models = Vec::new();
    for platform in chosen {
        let mut data = Observations::default();
        for import in imports.iter().filter(|i| i.platform == platform) {
            data.merge(&import.observations);
        }
        let prior = Model::prior(platform).ok_or_else(|| format!("no best-time prior for {platform:?}"))?;
        let personal = Model::personal(platform, &data).unwrap_or_else(|| prior.clone());
        models.push((prior, personal));
    }
    Ok(Learnt { models, imports })
}

#[derive(Serialize)]
struct PlatformDay<'a> {
    platform: &'static str,
    posts: u32,
    slots: &'a [Slot],
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<&'a Hint>,
}

#[derive(Serialize)]
struct Day<'a> {
    date: String,
    tz: &'a str,
    platforms: Vec<PlatformDay<'a>>,
    imports: &'a [Import],
}

fn describe_import(out: &mut String, import: &Import) {
    let range = match (&import.first, &import.last) {
        (Some(first), Some(last)) => format!(", {first} to {last}"),
        _ => String::new(),
    };
    let _ = write!(
        out,
        "imported {} ({}): {} rows, {} used{range}",
        import.file,
        platform_label(import.platform),
        import.rows,
        import.used
    );
    if !import.skipped.is_empty() {
        let why: Vec<String> = import.skipped.iter().map(|(reason, n)| format!("{n} {reason}")).collect();
        let _ = write!(out, "; skipped: {}", why.join(", "));
    }
    out.push('\n');
    for message in &import.messages {
        let _ = writeln!(out, "  {message}");
    }
    if import.more_messages > 0 {
        let _ = writeln!(out, "  … and {} more", import.more_messages);
    }
}

/// The day's suggested slots per platform, with their source, as text or JSON.
pub fn schedule(args: &ScheduleArgs) -> Result<String, String> {
    let audience = &args.audience;
    let tz = zone(&audience.tz)?;
    let date = parse_date(&args.date)?;
    let now = match &args.now {
        Some(text) => resolve(&tz, parse_local(text)?)?.instant().clone(),
        None => now_in(&tz),
    };
    let learnt = learn(audience, &tz)?;
    let mut days = Vec::new();
    for (_, personal) in &learnt.models {
        let slots = day_slots(personal, &tz, date)?;
        let hint = if now.date() == date { Some(hint(personal, &now)?) } else { None };
        days.push((personal.platform, personal.posts.iter().flatten().sum::<u32>(), slots, hint));
    }
    if args.json {
        let day = Day {
            date: args.date.trim().to_string(),
            tz: tz.iana_name().unwrap_or(&audience.tz),
            platforms: days
                .iter()
                .map(|(p, posts, slots, hint)| PlatformDay {
                    platform: p.id(),
                    posts: *posts,
                    slots,
                    hint: hint.as_ref(),
                })
                .collect(),
            imports: &learnt.imports,
        };
        return serde_json::to_string_pretty(&day).map(|s| s + "\n").map_err(|e| e.to_string());
    }
    let mut out = String::new();
    let weekday = DAY_FULL_NAMES[date.weekday().to_monday_zero_offset() as usize];
    let _ = writeln!(out, "Best times on {weekday} {date} ({})", audience.tz.trim());
    for (platform, posts, slots, hint) in &days {
        let data =
            if *posts > 0 { format!(" (your {} + published studies)", super::posts(*posts)) } else { String::new() };
        let _ = writeln!(out, "{}{data}", platform_label(*platform));
        if slots.is_empty() {
            let _ = writeln!(out, "  no clearly good hour this day");
        }
        for slot in slots {
            let disagree = if slot.disagree { ", studies disagree" } else { "" };
            let _ = writeln!(
                out,
                "  {}–{}  {:+} %  {}{disagree}\n    {}",
                slot.time,
                slot.end,
                slot.lift_percent,
                slot.source.phrase(),
                slot.why
            );
        }
        if let Some(hint) = hint {
            let _ = writeln!(out, "  now ({}): {}: {}", hh_mm(&now), hint.now.id(), hint.message);
        }
    }
    for import in &learnt.imports {
        describe_import(&mut out, import);
    }
    Ok(out)
}

/// The heatmaps of the chosen platforms (prior and personal side by side when there is data), stacked in one SVG.
/// With `svg` set, writes the file and returns a line saying so; otherwise returns the SVG.
pub fn heatmap(args: &HeatmapArgs) -> Result<String, String> {
    let tz = zone(&args.audience.tz)?;
    let learnt = learn(&args.audience, &tz)?;
    let parts: Vec<String> = learnt
        .models
        .iter()
        .map(|(prior, personal)| {
            let has_data = personal.posts.iter().flatten().any(|&n| n > 0);
            heatmap::svg(prior, has_data.then_some(personal), heatmap::Styling::Standalone)
        })
        .collect();
    let size = |svg: &str, attribute: &str| -> u32 {
        let key = format!("{attribute}=\"");
        svg.find(&key).and_then(|i| svg[i + key.len()..].split('"').next()?.parse().ok()).unwrap_or(0)
    };
    let width = parts.iter().map(|p| size(p, "width")).max().unwrap_or(0);
    let height: u32 = parts.iter().map(|p| size(p, "height") + 12).sum();
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="group" aria-label="Best times to post">"#
    );
    let mut y = 0;
    for part in &parts {
        let _ = write!(svg, "{}", part.replacen("<svg ", &format!("<svg y=\"{y}\" "), 1));
        y += size(part, "height") + 12;
    }
    svg.push_str("</svg>\n");
    let mut out = String::new();
    match &args.svg {
        Some(path) => {
            std::fs::write(path, &svg).map_err(|e| format!("{}: {e}", path.display()))?;
            let _ = writeln!(out, "wrote {} ({} bytes)", path.display(), svg.len());
        }
        None => out.push_str(&svg),
    }
    if args.svg.is_some() {
        for import in &learnt.imports {
            describe_import(&mut out, import);
        }
    }
    Ok(out)
}
