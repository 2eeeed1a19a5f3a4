//! Stratège core: pure text logic shared by the browser extension (through WebAssembly) and the `stratege` CLI.
//! No DOM and no I/O here: every function takes text and settings and returns data.

pub mod twitter;
