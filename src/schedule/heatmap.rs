//! The week × hour heatmap of one platform as an SVG string: the published-study prior and the personal model side
//! by side. Accessible (role="img", `<title>` and `<desc>`, a `<title>` per cell for tooltips and screen readers),
//! no script, no external reference, colours readable in light and dark themes.

use std::fmt::Write;

use super::model::Model;
use super::{platform_label, Grid, DAY_NAMES};

const CELL: u32 = 14;
const LEFT: u32 = 36;
const TOP: u32 = 44;
const GAP: u32 = 28;
const PANEL_WIDTH: u32 = CELL * 24;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A diverging colour: blue below the average hour, orange above, grey at it (log scale, ±40 % saturates).
fn colour(score: f64) -> String {
    let t = (score.max(1e-6).ln() / 1.4f64.ln()).clamp(-1.0, 1.0);
    let (r, g, b) = if t >= 0.0 {
        (238.0 + (230.0 - 238.0) * t, 238.0 + (97.0 - 238.0) * t, 238.0 + (0.0 - 238.0) * t)
    } else {
        let t = -t;
        (238.0 + (33.0 - 238.0) * t, 238.0 + (102.0 - 238.0) * t, 238.0 + (172.0 - 238.0) * t)
    };
    format!("#{:02x}{:02x}{:02x}", r.round() as u8, g.round() as u8, b.round() as u8)
}

fn panel(out: &mut String, x0: u32, heading: &str, grid: &Grid, posts: Option<&[[u32; 24]; 7]>) {
    let _ = write!(out, r#"<g transform="translate({x0},0)"><text x="0" y="16" class="h">{}</text>"#, escape(heading));
    for hour in (0..24).step_by(3) {
        let _ = write!(out, r#"<text x="{}" y="{}" class="s">{hour:02}</text>"#, hour * CELL + 1, TOP - 6);
    }
    for (d, row) in grid.iter().enumerate() {
        let y = TOP + d as u32 * CELL;
        for (h, &score) in row.iter().enumerate() {
            let percent = ((score - 1.0) * 100.0).round() as i32;
            let mut label = format!("{} {h:02}:00, {percent:+} % against the average hour", DAY_NAMES[d]);
            if let Some(posts) = posts {
                let _ = write!(label, ", {} of your posts", posts[d][h]);
            }
            let _ = write!(
                out,
                r#"<rect x="{}" y="{y}" width="{CELL}" height="{CELL}" fill="{}"><title>{label}</title></rect>"#,
                h as u32 * CELL,
                colour(score)
            );
        }
    }
    out.push_str("</g>");
}

/// Where the SVG is shown: a file of its own carries its text style (light and dark); in the extension's options
/// page, whose CSP allows no inline style, the page's style sheet (`pages.css`) styles its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Styling {
    Standalone,
    InPage,
}

/// The heatmap of a platform: the prior on the left, the personal model (when there is data) on the right.
pub fn svg(prior: &Model, personal: Option<&Model>, styling: Styling) -> String {
    let label = platform_label(prior.platform);
    let panels = if personal.is_some() { 2 } else { 1 };
    let width = LEFT + panels * PANEL_WIDTH + (panels - 1) * GAP + 8;
    let height = TOP + 7 * CELL + 8;
    let id = prior.platform.id();
    let posts = personal.map_or(0, |m| m.posts.iter().flatten().sum::<u32>());
    let desc = match personal {
        Some(_) => format!(
            "Engagement by weekday (rows, Monday first) and hour of the day (columns, local time) for {label}: \
             left, from published studies; right, your {} combined with the studies. Orange is above \
             the average hour, blue below.",
            super::posts(posts)
        ),
        None => format!(
            "Engagement by weekday (rows, Monday first) and hour of the day (columns, local time) for {label}, \
             from published studies. Orange is above the average hour, blue below."
        ),
    };
    let mut out = String::with_capacity(40_000);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-labelledby="hm-{id}-t hm-{id}-d" data-stratege="heatmap" data-platform="{id}">"#
    );
    let _ = write!(
        out,
        r#"<title id="hm-{id}-t">Best times to post on {label}</title><desc id="hm-{id}-d">{}</desc>"#,
        escape(&desc)
    );
    if styling == Styling::Standalone {
        out.push_str(
            "<style>text{font:11px system-ui,sans-serif;fill:#555}.h{font-weight:600;fill:#333}\
             @media (prefers-color-scheme:dark){text{fill:#bbb}.h{fill:#eee}}</style>",
        );
    }
    for (d, name) in DAY_NAMES.iter().enumerate() {
        let _ = write!(out, r#"<text x="0" y="{}">{name}</text>"#, TOP + d as u32 * CELL + CELL - 3);
    }
    out.push_str(&format!(r#"<g transform="translate({LEFT},0)">"#));
    panel(&mut out, 0, &format!("{label}: published studies"), &prior.score, None);
    if let Some(model) = personal {
        panel(
            &mut out,
            PANEL_WIDTH + GAP,
            &format!("{label}: your data ({})", super::posts(posts)),
            &model.score,
            Some(&model.posts),
        );
    }
    out.push_str("</g></svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Platform;

    #[test]
    fn accessible_svg_without_script() {
        let prior = Model::prior(Platform::Facebook).unwrap();
        let one = svg(&prior, None, Styling::Standalone);
        assert!(one.contains("<style>"));
        assert!(!svg(&prior, None, Styling::InPage).contains("<style"), "the page's CSP allows no inline style");
        assert!(one.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(one.contains("role=\"img\"") && one.contains("<title id=\"hm-facebook-t\">") && one.contains("<desc"));
        assert_eq!(one.matches("<rect").count(), 168);
        assert!(!one.contains("<script") && !one.contains("href"));
        let two = svg(&prior, Some(&prior), Styling::InPage);
        assert_eq!(two.matches("<rect").count(), 336);
        assert!(two.contains("your data (0 posts)"));
    }

    #[test]
    fn colours_diverge_around_the_average() {
        assert_eq!(colour(1.0), "#eeeeee");
        assert_eq!(colour(2.0), "#e66100");
        assert_eq!(colour(0.5), "#2166ac");
    }
}
