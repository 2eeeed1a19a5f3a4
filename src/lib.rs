//! Stratège core: pure text logic shared by the browser extension (through WebAssembly) and the `stratege` CLI.
//! No DOM and no I/O here: every function takes text and settings and returns data.

pub mod check;
pub mod hashtags;
pub mod lang;
pub mod measure;
pub mod media;
pub mod platform;
pub mod report;
pub mod text;
pub mod tone;
pub mod twitter;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use check::{check, check_json, Request};
pub use report::Report;
