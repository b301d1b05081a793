//! Whole-image target: parse and walk everything (tables, heaps, signatures,
//! method bodies, IL). Seed it with real assemblies (see `run.sh`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = osprey_metadata::walk::walk_bytes(data);
});
