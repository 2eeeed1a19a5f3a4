//! The size report of the hashtag lexicons' memory: heap bytes held by each part once built, and the peak while
//! building, measured natively with a counting allocator (pointers are 8 bytes here, 4 in wasm32, so the wasm
//! figures of `make bench` are somewhat lower).
//!
//!     cargo run --release --example lexicon_memory

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use stratege::hashtags::lexicon;
use stratege::lang::Lang;

/// Counts the bytes the program holds, and the most it held since `reset_peak`.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(held, Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.2} MB", bytes as f64 / 1_048_576.0)
}

/// Runs `f`, returning what it returns, the bytes it left held and the peak above the start while it ran.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let start = HELD.load(Relaxed);
    PEAK.store(start, Relaxed);
    let value = f();
    (value, HELD.load(Relaxed) - start, PEAK.load(Relaxed) - start)
}

fn main() {
    for lang in [Lang::En, Lang::Fr] {
        let (lexicon, held, peak) = measure(|| lexicon::embedded(lang));
        println!("{} lexicon: {} held, {} peak while building", lang.id(), mb(held), mb(peak));
        for (part, bytes) in lexicon.memory_parts() {
            println!("  {part}: {}", mb(bytes));
        }
        drop(lexicon);
        let dir = format!("{}/data/hashtags/{}/", env!("CARGO_MANIFEST_DIR"), lang.id());
        let read = |name: &str| std::fs::read_to_string(format!("{dir}{name}")).expect("data/hashtags is readable");
        let (aff, dic) = (read("index.aff"), read("index.dic"));
        let (dictionary, held, peak) =
            measure(|| spellbook::Dictionary::new(&aff, &dic).expect("the Hunspell files of data/hashtags are valid"));
        println!("  Hunspell (spellbook): {} held, {} peak while building", mb(held), mb(peak));
        drop(dictionary);
    }
}
