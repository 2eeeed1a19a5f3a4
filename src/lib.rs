//! Stratège core: pure text logic shared by the browser extension (through WebAssembly) and the `stratege` CLI.
//! No DOM and no I/O here: a `Checker` owns the lexicons and the user's dictionary, and checks a text with its
//! `Options` (`request`) by running every check of `checks`, which yields one `Report`.

pub mod checker;
pub mod checks;
mod embedded;
pub mod hashtags;
pub mod lang;
pub mod measure;
pub mod media;
pub mod platform;
pub mod report;
pub mod request;
pub mod schedule;
mod sort;
pub mod text;
pub mod tone;
pub mod twitter;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use checker::Checker;
pub use report::Report;
pub use request::{Options, Request};
