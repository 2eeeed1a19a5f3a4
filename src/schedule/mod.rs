//! Best times to post (issue 10): published-study priors per weekday × hour, the user's own analytics exports
//! shrunk toward them, the day's slots in the user's time zone, the best-time hint beside a composer and the
//! week × hour heatmap. Pure logic: the CLI (`cli`) is the only part that reads files.
//!
//! Grids are `[[f64; 24]; 7]`: rows Monday..Sunday, columns the hours 0..23 of the audience's local time, values a
//! relative engagement (1.0 = the platform's average hour).

pub mod answers;
pub mod cli;
pub mod dates;
pub mod heatmap;
pub mod hint;
pub mod import;
pub mod model;
pub mod notes;
pub mod numbers;
pub mod priors;
pub mod zones;

use crate::platform::Platform;

/// Weekday × hour values, rows Monday..Sunday, columns hours 0..23.
pub type Grid = [[f64; 24]; 7];

/// The platforms with best-time priors (the studies of platforms.md §C cover these four).
pub const PLATFORMS: [Platform; 4] = [Platform::X, Platform::Facebook, Platform::Instagram, Platform::Linkedin];

/// Short English day names, Monday first (the row order of every grid).
pub const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Full English day names, Monday first.
pub const DAY_FULL_NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// "1 post", "2 posts".
pub fn posts(n: u32) -> String {
    if n == 1 {
        "1 post".to_string()
    } else {
        format!("{n} posts")
    }
}

/// The platform's display name ("X", "Facebook", ...).
pub fn platform_label(platform: Platform) -> &'static str {
    platform.rules().name
}

/// The schedule platform for an id, or a message listing the accepted ids.
pub fn schedule_platform(id: &str) -> Result<Platform, String> {
    Platform::from_id(id)
        .filter(|p| PLATFORMS.contains(p))
        .ok_or_else(|| format!("unknown platform {id:?} for best times: use x, facebook, instagram or linkedin"))
}
