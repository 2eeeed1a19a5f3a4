//! Every input the fuzzer (`make fuzz`, examples/fuzz) ever found a problem with, kept in fuzz/regressions/<target>/,
//! and the seed corpus in fuzz/corpus/<target>/, run through the same target: no panic, every invariant holds.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../examples/fuzz/targets.rs"]
mod targets;

use std::path::PathBuf;

use stratege::Checker;

#[test]
fn fuzz_findings_and_corpus_stay_fixed() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let checker = Checker::with_embedded_lexicons();
    let mut ran = 0;
    for target in targets::TARGETS {
        for dir in ["regressions", "corpus"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else { continue };
            for entry in entries.flatten() {
                let input = std::fs::read(entry.path()).unwrap();
                if let Err(why) = targets::run(target, &checker, &input) {
                    panic!("{}: {why}", entry.path().display());
                }
                ran += 1;
            }
        }
    }
    assert!(ran > 0, "fuzz/corpus holds seeds for the targets");
}
