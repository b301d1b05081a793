//! A small mutational fuzzer for the metadata reader (no nightly toolchain needed).
//!
//! It mutates real assemblies (bit flips, interesting byte/u16/u32 values,
//! truncations, block duplication, insertion and removal), runs the full
//! [`osprey_metadata::walk`] on each mutant under `catch_unwind`, and
//! reports panics (saving the input) and slow walks.
//!
//! ```text
//! cargo run --release -p osprey-metadata --example fuzz_reader -- --seconds 300 [--seed N] [--crash-dir DIR] [FILE...]
//! ```
//!
//! Without files it uses Mono's mscorlib.dll and the small assemblies of
//! `/usr/lib/mono/4.5`. Exits with status 1 if any input panicked.

use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use osprey_metadata::walk::walk;
use osprey_metadata::Image;

/// A walk slower than this is reported (the reader must never hang).
const SLOW_WALK: Duration = Duration::from_secs(5);
/// Small Mono assemblies (below this size) join the default corpus.
const SMALL_ASSEMBLY: u64 = 128 * 1024;
/// Mutants kept for further mutation.
const POOL_SIZE: usize = 256;

struct Options {
    seconds: u64,
    seed: u64,
    crash_dir: PathBuf,
    files: Vec<PathBuf>,
}

fn parse_args() -> Options {
    let mut options = Options {
        seconds: 60,
        seed: 0x0DDB_A11C_0FFE_E123,
        crash_dir: std::env::temp_dir().join("osprey-metadata-fuzz"),
        files: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| usage(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--seconds" => {
                options.seconds = value("--seconds")
                    .parse()
                    .unwrap_or_else(|_| usage("bad --seconds"))
            }
            "--seed" => {
                options.seed = value("--seed")
                    .parse()
                    .unwrap_or_else(|_| usage("bad --seed"))
            }
            "--crash-dir" => options.crash_dir = PathBuf::from(value("--crash-dir")),
            "-h" | "--help" => usage(""),
            file if !file.starts_with('-') => options.files.push(PathBuf::from(file)),
            other => usage(&format!("unknown option {other}")),
        }
    }
    options
}

fn usage(error: &str) -> ! {
    if !error.is_empty() {
        eprintln!("error: {error}");
    }
    eprintln!("usage: fuzz_reader [--seconds N] [--seed N] [--crash-dir DIR] [FILE...]");
    std::process::exit(2);
}

/// xorshift64* (deterministic for a given seed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// One corpus entry: the bytes and where their metadata block lies.
struct Seed {
    name: String,
    bytes: Vec<u8>,
    metadata: std::ops::Range<usize>,
}

fn load_seed(path: &std::path::Path) -> Option<Seed> {
    let bytes = std::fs::read(path).ok()?;
    let image = Image::parse(&bytes).ok()?;
    let start = image.metadata().as_ptr() as usize - bytes.as_ptr() as usize;
    let metadata = start..start + image.metadata().len();
    Some(Seed {
        name: path.display().to_string(),
        bytes,
        metadata,
    })
}

fn default_corpus() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("/usr/lib/mono/4.5/mscorlib.dll")];
    if let Ok(dir) = std::fs::read_dir("/usr/lib/mono/4.5") {
        let mut small: Vec<PathBuf> = dir
            .filter_map(|e| e.ok())
            .filter(|e| {
                e.path()
                    .extension()
                    .is_some_and(|x| x == "dll" || x == "exe")
            })
            .filter(|e| e.metadata().is_ok_and(|m| m.len() < SMALL_ASSEMBLY))
            .map(|e| e.path())
            .collect();
        small.sort();
        files.extend(small);
    }
    files
}

const INTERESTING_U8: [u8; 10] = [0x00, 0x01, 0x02, 0x03, 0x20, 0x40, 0x7F, 0x80, 0xFE, 0xFF];
const INTERESTING_U32: [u32; 14] = [
    0,
    1,
    2,
    4,
    8,
    16,
    0x7F,
    0x80,
    0x3FFF,
    0x7FFF,
    0x8000,
    0xFFFF,
    0x7FFF_FFFF,
    0xFFFF_FFFF,
];

/// Picks a position, mostly inside the metadata block.
fn position(rng: &mut Rng, len: usize, metadata: &std::ops::Range<usize>) -> usize {
    if rng.chance(75) && metadata.end <= len && !metadata.is_empty() {
        metadata.start + rng.below(metadata.len())
    } else {
        rng.below(len)
    }
}

/// Applies one random mutation.
fn mutate(rng: &mut Rng, data: &mut Vec<u8>, metadata: &std::ops::Range<usize>) {
    if data.is_empty() {
        data.push(rng.next() as u8);
        return;
    }
    let len = data.len();
    let pos = position(rng, len, metadata);
    match rng.below(10) {
        0 | 1 => data[pos] ^= 1 << rng.below(8),
        2 => data[pos] = INTERESTING_U8[rng.below(INTERESTING_U8.len())],
        3 => data[pos] = rng.next() as u8,
        4 | 5 => {
            // A 16- or 32-bit value: interesting, or the old value nudged.
            let width = if rng.chance(50) { 2 } else { 4 };
            if pos + width <= len {
                let old = if width == 2 {
                    u32::from(u16::from_le_bytes([data[pos], data[pos + 1]]))
                } else {
                    u32::from_le_bytes([data[pos], data[pos + 1], data[pos + 2], data[pos + 3]])
                };
                let value = match rng.below(3) {
                    0 => INTERESTING_U32[rng.below(INTERESTING_U32.len())],
                    1 => old.wrapping_add(rng.below(33) as u32).wrapping_sub(16),
                    _ => len as u32,
                };
                data[pos..pos + width].copy_from_slice(&value.to_le_bytes()[..width]);
            }
        }
        6 => data.truncate(pos),
        7 => {
            // Duplicate a block over another place.
            let n = 1 + rng.below(64.min(len));
            let src = rng.below(len - n + 1);
            let dst = position(rng, len, metadata).min(len - n);
            data.copy_within(src..src + n, dst);
        }
        8 => {
            // Insert a copy of a block (shifts everything after it).
            let n = 1 + rng.below(32.min(len));
            let src = rng.below(len - n + 1);
            let block = data[src..src + n].to_vec();
            data.splice(pos..pos, block);
        }
        _ => {
            // Remove a block.
            let n = 1 + rng.below(32);
            let end = (pos + n).min(len);
            data.drain(pos..end);
        }
    }
}

fn main() {
    let options = parse_args();
    let files = if options.files.is_empty() {
        default_corpus()
    } else {
        options.files.clone()
    };
    let corpus: Vec<Seed> = files.iter().filter_map(|f| load_seed(f)).collect();
    if corpus.is_empty() {
        eprintln!("no readable managed assemblies among {} files", files.len());
        std::process::exit(2);
    }
    let big = corpus.iter().map(|s| s.bytes.len()).max().unwrap_or(0);
    println!(
        "fuzzing {} seeds ({} bytes largest) for {} s, seed {}",
        corpus.len(),
        big,
        options.seconds,
        options.seed
    );
    // Keep panics quiet: they are reported by the loop.
    panic::set_hook(Box::new(|_| {}));

    let mut rng = Rng(options.seed | 1);
    let mut pool: Vec<(usize, Vec<u8>)> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let started = Instant::now();
    let mut last_report = Instant::now();
    let (mut runs, mut clean, mut parsed, mut panics, mut slow) = (0u64, 0u64, 0u64, 0u64, 0u64);
    let mut slowest = Duration::ZERO;
    while Instant::now() < deadline {
        // Large seeds are slow to walk: pick them rarely.
        let mut index = rng.below(corpus.len());
        if corpus[index].bytes.len() > 1 << 20 && !rng.chance(5) {
            index = rng.below(corpus.len());
        }
        let (seed_index, mut data) = if !pool.is_empty() && rng.chance(30) {
            pool[rng.below(pool.len())].clone()
        } else {
            (index, corpus[index].bytes.clone())
        };
        let seed = &corpus[seed_index];
        for _ in 0..1 + rng.below(4) {
            mutate(&mut rng, &mut data, &seed.metadata);
        }

        let start = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            Image::parse(&data).ok().map(|image| walk(&image))
        }));
        let elapsed = start.elapsed();
        runs += 1;
        slowest = slowest.max(elapsed);
        if elapsed > SLOW_WALK {
            slow += 1;
            eprintln!("slow walk ({elapsed:?}) on a mutant of {}", seed.name);
        }
        match result {
            Ok(None) => {}
            Ok(Some(report)) => {
                clean += u64::from(report.error_count == 0);
                parsed += 1;
                // Keep some parseable mutants to stack further mutations on.
                if rng.chance(10) {
                    if pool.len() < POOL_SIZE {
                        pool.push((seed_index, data));
                    } else {
                        let slot = rng.below(POOL_SIZE);
                        pool[slot] = (seed_index, data);
                    }
                }
            }
            Err(_) => {
                panics += 1;
                std::fs::create_dir_all(&options.crash_dir).ok();
                let path = options.crash_dir.join(format!("crash-{runs}.bin"));
                std::fs::write(&path, &data).ok();
                eprintln!(
                    "PANIC on a mutant of {}; input saved to {}",
                    seed.name,
                    path.display()
                );
            }
        }
        if last_report.elapsed() > Duration::from_secs(30) {
            last_report = Instant::now();
            println!(
                "{:>5} s: {runs} runs ({:.0}/s), {parsed} parsed, {clean} clean, {panics} panics, slowest {slowest:?}",
                started.elapsed().as_secs(),
                runs as f64 / started.elapsed().as_secs_f64()
            );
        }
    }
    println!(
        "done: {runs} inputs in {:.1} s ({parsed} parsed, {clean} walked clean, {panics} panics, {slow} slow walks, slowest {slowest:?})",
        started.elapsed().as_secs_f64()
    );
    std::process::exit(i32::from(panics > 0));
}
