//! The engagement model of one platform: the published-study prior, moved by the user's own posts.
//!
//! A hierarchical normal–normal shrinkage on the log scale, with prior strengths counted in pseudo-posts:
//!
//! - Each post `i` gives `y_i`, its smoothed log engagement rate (see `import`). The user's own level is
//!   `c = mean_i(y_i − m_{cell(i)})`, with `m = ln(prior score)`: how much the user's rates sit above or below the
//!   prior where they posted. So `y_i − c` lives on the prior's scale whatever the account's size.
//! - Hour level: the residuals `r_i = y_i − c − m_{cell(i)}` of all posts at hour `h` (any weekday) give the hour's
//!   effect `δ_h = Σ r_i / (K_HOUR + n_h)`: a normal mean with a N(0, σ²/K_HOUR) prior, σ² the post-to-post
//!   variance. Posts at 18:00 on weekdays thus also move 18:00 on the days without posts.
//! - Cell level: `θ_cell = m + (K_CELL·δ_h + Σ_cell r_i) / (K_CELL + n_cell)`, the posterior mean of a
//!   N(m + δ_h, σ²/K_CELL) prior after `n_cell` posts.
//! - The score is `exp(θ)`, rescaled so that the week averages 1.0 like the prior. The prior's share left in a
//!   cell is `a·b` with `a = K_CELL/(K_CELL + n_cell)` and `b = K_HOUR/(K_HOUR + n_h)`; `1 − a·b` is the cell's
//!   data weight.
//!
//! So: no posts → exactly the prior. One week of daily posts at one hour (7 posts, 1 per cell) → that hour
//! already moves by `7/(K_HOUR + 7)` of the gap on every day, its cells by 0.57 of theirs (data weight 0.57, still
//! "from published studies" below [`FROM_DATA`]). A month at one hour → data weight 0.89, "from your data"; a
//! year → 0.99: the user's data dominates.

use super::import::Observations;
use super::priors::priors;
use super::Grid;
use crate::platform::Platform;

/// Prior strength of a cell, in posts: after `K_CELL` posts in a cell, data and prior weigh the same there.
pub const K_CELL: f64 = 4.0;
/// Prior strength of an hour-of-day effect, in posts (all weekdays together).
pub const K_HOUR: f64 = 8.0;

/// The data weight from which a cell's score is said to come "from your data".
pub const FROM_DATA: f64 = 2.0 / 3.0;

/// A platform's scores per weekday × hour, and how much of each is the user's data.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub platform: Platform,
    /// Relative engagement per cell (1.0 = the week's average hour).
    pub score: Grid,
    /// The user's data share of each cell's score, 0 (all prior) to 1.
    pub data_weight: Grid,
    /// Posts per cell in the user's data.
    pub posts: [[u32; 24]; 7],
}

impl Model {
    /// The published-study prior alone. `None` for platforms without one.
    pub fn prior(platform: Platform) -> Option<Model> {
        let prior = priors().platform(platform)?;
        Some(Model { platform, score: prior.score, data_weight: [[0.0; 24]; 7], posts: [[0; 24]; 7] })
    }

    /// The prior moved by the user's posts (module comment).
    pub fn personal(platform: Platform, data: &Observations) -> Option<Model> {
        let mut model = Model::prior(platform)?;
        let total = data.total();
        if total == 0 {
            return Some(model);
        }
        let m = model.score.map(|row| row.map(f64::ln));
        let cells = || (0..7).flat_map(|d| (0..24).map(move |h| (d, h)));
        let offset: f64 = cells().map(|(d, h)| data.sum_log_rate[d][h] - f64::from(data.posts[d][h]) * m[d][h]).sum();
        let c = offset / f64::from(total);
        let residual = |d: usize, h: usize| data.sum_log_rate[d][h] - f64::from(data.posts[d][h]) * (c + m[d][h]);
        let mut theta = [[0.0; 24]; 7];
        for h in 0..24 {
            let n_hour: f64 = (0..7).map(|d| f64::from(data.posts[d][h])).sum();
            let hour_effect = (0..7).map(|d| residual(d, h)).sum::<f64>() / (K_HOUR + n_hour);
            let b = K_HOUR / (K_HOUR + n_hour);
            for d in 0..7 {
                let n = f64::from(data.posts[d][h]);
                theta[d][h] = m[d][h] + (K_CELL * hour_effect + residual(d, h)) / (K_CELL + n);
                model.data_weight[d][h] = 1.0 - K_CELL / (K_CELL + n) * b;
            }
        }
        let raw = theta.map(|row| row.map(f64::exp));
        let mean = raw.iter().flatten().sum::<f64>() / 168.0;
        model.score = raw.map(|row| row.map(|v| v / mean));
        model.posts = data.posts;
        Some(model)
    }

    /// Whether the user's data weighs at least [`FROM_DATA`] in this cell.
    pub fn from_data(&self, day: usize, hour: usize) -> bool {
        self.data_weight[day][hour] >= FROM_DATA
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `weeks` weeks of one post a day at `hour`, with engagement rate `rate`, plus one a day at 9:00 with `base`.
    fn weeks_of_posts(weeks: u32, hour: usize, rate: f64, base: f64) -> Observations {
        let mut data = Observations::default();
        for _ in 0..weeks {
            for d in 0..7 {
                data.add(d, hour, rate.ln());
                data.add(d, 9, base.ln());
            }
        }
        data
    }

    #[test]
    fn no_data_is_the_prior() {
        for platform in super::super::PLATFORMS {
            let prior = Model::prior(platform).unwrap();
            assert_eq!(Model::personal(platform, &Observations::default()).unwrap(), prior);
        }
    }

    #[test]
    fn a_week_moves_it_and_a_year_dominates() {
        let prior = Model::prior(Platform::X).unwrap();
        // The user's 21:00 posts get three times the engagement rate of their 9:00 posts.
        let ratio = |m: &Model| m.score[2][21] / m.score[2][9];
        let prior_ratio = ratio(&prior);
        assert!(prior_ratio < 1.0, "the studies prefer 9:00 on Wednesdays");
        let week = Model::personal(Platform::X, &weeks_of_posts(1, 21, 0.06, 0.02)).unwrap();
        let year = Model::personal(Platform::X, &weeks_of_posts(52, 21, 0.06, 0.02)).unwrap();
        assert!(ratio(&week) > prior_ratio * 1.5, "a week moves it: {} vs {prior_ratio}", ratio(&week));
        assert!(ratio(&week) < 3.0, "but does not take the data at face value: {}", ratio(&week));
        assert!((ratio(&year) - 3.0).abs() < 0.25, "a year dominates: {}", ratio(&year));
        assert!(year.from_data(2, 21) && !week.from_data(2, 21) && week.data_weight[2][21] > 0.3);
        // Cells without posts keep the prior's shape between them (same hour effect, same days).
        assert!((year.score[5][3] / year.score[6][3] - prior.score[5][3] / prior.score[6][3]).abs() < 1e-9);
    }

    #[test]
    fn the_hour_level_spreads_to_days_without_posts() {
        let mut data = Observations::default();
        for d in 0..5 {
            for _ in 0..8 {
                data.add(d, 20, 0.08f64.ln());
                data.add(d, 10, 0.02f64.ln());
            }
        }
        let prior = Model::prior(Platform::Linkedin).unwrap();
        let model = Model::personal(Platform::Linkedin, &data).unwrap();
        // Saturday 20:00 has no post but rises against Saturday 10:00 because weekday evenings did well.
        assert!(model.score[5][20] / model.score[5][10] > 1.5 * prior.score[5][20] / prior.score[5][10]);
        assert_eq!(model.data_weight[5][3], 0.0);
    }
}
