//! `stratege`: the command-line checker.
fn main() {}
