//! Media checks (issue 9): how X, Facebook and Instagram will cut each attached image, what the cut removes, a
//! better framing as a suggestion (nothing is cropped automatically), and the limits on size, count, format and
//! alt text. The core takes sizes and analysis-size pixels, so it runs the same in the browser (wasm) and the CLI;
//! only `cli` (native) decodes files.

pub mod analysis;
pub mod border;
pub mod geometry;
pub mod input;
pub mod problems;
pub mod request;
pub mod rules;
pub mod saliency;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod decode;
#[cfg(not(target_arch = "wasm32"))]
mod gif_frames;

pub use analysis::{analyse, ImageReport, MediaReport, Suggestion, SurfaceReport};
pub use input::{Format, ImageInfo, MediaInput};
pub use problems::{MediaKind, MediaProblem};
pub use request::analyse_json;
pub use rules::Purpose;
pub use saliency::Pixels;
