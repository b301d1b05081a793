//! Corrupted input: truncations and bit flips of real assemblies must give
//! `Ok` or `Err` from the full walk, never a panic, and finish promptly.

mod common;

use std::time::{Duration, Instant};

use common::{mscorlib, samples, walk_catching, Rng};
use osprey_metadata::Image;

/// Debug builds walk ~10x slower: they test every `STRIDE`-th position only.
const STRIDE: usize = if cfg!(debug_assertions) { 5 } else { 1 };

/// A single walk taking longer than this is treated as a hang.
const MAX_WALK_TIME: Duration = Duration::from_secs(30);

/// Walks `bytes`, failing the test on a panic or a hang; returns whether the walk was clean.
fn walk_mutant(bytes: &[u8], what: &dyn Fn() -> String) -> bool {
    let start = Instant::now();
    let report =
        walk_catching(bytes).unwrap_or_else(|panic| panic!("{}: walk panicked: {panic}", what()));
    let elapsed = start.elapsed();
    assert!(elapsed < MAX_WALK_TIME, "{}: walk took {elapsed:?}", what());
    report.error_count == 0
}

/// Byte range of the metadata block inside the file, where corruption is most interesting.
fn metadata_range(bytes: &[u8]) -> std::ops::Range<usize> {
    let image = Image::parse(bytes).unwrap();
    let start = image.metadata().as_ptr() as usize - bytes.as_ptr() as usize;
    start..start + image.metadata().len()
}

#[test]
fn small_assembly_every_truncation() {
    for x64 in [false, true] {
        let bytes = samples(x64);
        let mut clean = 0;
        for len in (0..bytes.len()).step_by(STRIDE) {
            clean += usize::from(walk_mutant(&bytes[..len], &|| {
                format!("Samples (x64: {x64}) truncated to {len}")
            }));
        }
        // Only truncations of trailing padding can still be clean.
        assert!(
            clean < bytes.len() / STRIDE / 4,
            "{clean} clean truncations"
        );
    }
}

#[test]
fn small_assembly_bit_flips_and_overwrites() {
    let bytes = samples(false);
    let mut mutant = bytes.to_vec();
    let (mut runs, mut clean) = (0, 0);
    // One flipped bit at every byte.
    for pos in (0..bytes.len()).step_by(STRIDE) {
        let mask = 1u8 << (pos % 8);
        mutant[pos] ^= mask;
        clean += usize::from(walk_mutant(&mutant, &|| {
            format!("Samples with bit {mask:#04x} of byte {pos:#x} flipped")
        }));
        mutant[pos] ^= mask;
        runs += 1;
    }
    // Interesting values over every metadata byte.
    for pos in metadata_range(bytes).step_by(STRIDE) {
        for value in [0x00, 0xFF, 0x7F, 0x80] {
            let old = mutant[pos];
            mutant[pos] = value;
            clean += usize::from(walk_mutant(&mutant, &|| {
                format!("Samples with byte {pos:#x} set to {value:#04x}")
            }));
            mutant[pos] = old;
            runs += 1;
        }
    }
    println!("{runs} mutants, {clean} walked clean");
    assert!(runs > 10_000 / STRIDE);
}

#[test]
fn mscorlib_sampled_truncations_and_bit_flips() {
    let bytes = mscorlib();
    let metadata = metadata_range(bytes);
    // Each walk of mscorlib takes ~60 ms in release builds, ~10x more in debug.
    let (truncations, flips, header_flips) = if cfg!(debug_assertions) {
        (3, 4, 3)
    } else {
        (12, 24, 24)
    };
    let mut rng = Rng::new(0x05B2_E7A1);
    let mut mutant = bytes.to_vec();
    let start = Instant::now();
    for i in 0..truncations {
        // Half inside the metadata block, half anywhere.
        let len = if i % 2 == 0 {
            metadata.start + rng.below(metadata.len())
        } else {
            rng.below(bytes.len())
        };
        walk_mutant(&bytes[..len], &|| format!("mscorlib truncated to {len:#x}"));
    }
    for i in 0..flips {
        // Mostly metadata (tables and heaps), some anywhere (IL, headers, resources).
        let pos = if i % 4 == 3 {
            rng.below(bytes.len())
        } else {
            metadata.start + rng.below(metadata.len())
        };
        let mask = 1u8 << rng.below(8);
        mutant[pos] ^= mask;
        walk_mutant(&mutant, &|| {
            format!("mscorlib with bit {mask:#04x} of byte {pos:#x} flipped")
        });
        mutant[pos] ^= mask;
    }
    // The tables stream header (heap sizes, valid and sorted masks, row
    // counts) is the most sensitive part: flip random bits of it.
    let image = Image::parse(bytes).unwrap();
    let tables = image.metadata_root().stream("#~").unwrap().data;
    let header = tables.as_ptr() as usize - bytes.as_ptr() as usize;
    let header_len = 24 + 4 * image.tables().header().valid.count_ones() as usize;
    for _ in 0..header_flips {
        let pos = header + rng.below(header_len);
        let mask = 1u8 << rng.below(8);
        mutant[pos] ^= mask;
        walk_mutant(&mutant, &|| {
            format!("mscorlib with bit {mask:#04x} of byte {pos:#x} flipped")
        });
        mutant[pos] ^= mask;
    }
    println!("mscorlib mutants walked in {:?}", start.elapsed());
}
