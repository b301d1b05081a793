//! Helpers shared by the integration tests: locating Mono's mscorlib,
//! compiling the C# samples with `mcs`, and running the walk under
//! `catch_unwind`.

#![allow(dead_code)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use osprey_metadata::walk::{walk_bytes, WalkReport};

/// Mono's core library, the main real-world input.
pub const MSCORLIB: &str = "/usr/lib/mono/4.5/mscorlib.dll";

const INSTALL_HINT: &str =
    "install Mono's development tools (`apt-get install mono-devel`; CI installs it)";

/// The bytes of Mono's mscorlib (panics with an install hint if missing).
pub fn mscorlib() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        std::fs::read(MSCORLIB)
            .unwrap_or_else(|e| panic!("cannot read {MSCORLIB}: {e}; {INSTALL_HINT}"))
    })
}

/// Runs `tool` with `args`, panicking with an install hint if it is missing.
pub fn run_tool(tool: &str, args: &[&str]) -> std::process::Output {
    match Command::new(tool).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!("cannot run `{tool}`: {e}; {INSTALL_HINT}"),
    }
}

/// Compiles `tests/data/Samples.cs` with `mcs` once per test binary and
/// returns the bytes. `x64` selects a PE32+ library instead of a PE32 exe.
pub fn samples(x64: bool) -> &'static [u8] {
    static EXE: OnceLock<Vec<u8>> = OnceLock::new();
    static DLL64: OnceLock<Vec<u8>> = OnceLock::new();
    let cell = if x64 { &DLL64 } else { &EXE };
    cell.get_or_init(|| {
        let name = if x64 { "Samples64.dll" } else { "Samples.exe" };
        let out = compile(
            "Samples.cs",
            name,
            if x64 {
                &["/platform:x64", "/target:library"]
            } else {
                &[]
            },
        );
        std::fs::read(&out).unwrap()
    })
}

/// Compiles `tests/data/<source>` to `<tmp>/<process id>/<output>` with `mcs /unsafe`.
pub fn compile(source: &str, output: &str, extra_args: &[&str]) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(source);
    // One directory per test process: test binaries run concurrently.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("mcs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join(output);
    let out_arg = format!("/out:{}", out.display());
    let src_arg = src.display().to_string();
    let mut args = vec!["/unsafe", "/nologo", out_arg.as_str()];
    args.extend_from_slice(extra_args);
    args.push(&src_arg);
    let result = run_tool("mcs", &args);
    assert!(
        result.status.success(),
        "mcs failed on {source}:\n{}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
    out
}

/// Walks `bytes`, turning a panic into an `Err` describing it.
pub fn walk_catching(bytes: &[u8]) -> Result<WalkReport, String> {
    catch_unwind(AssertUnwindSafe(|| walk_bytes(bytes))).map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "non-string panic payload".to_owned())
    })
}

/// Asserts that the walk of `bytes` finds no error, printing them otherwise.
pub fn assert_walk_clean(name: &str, bytes: &[u8]) -> WalkReport {
    let report = walk_bytes(bytes);
    if report.error_count > 0 {
        let errors: Vec<String> = report.errors.iter().map(|e| format!("  {e}")).collect();
        panic!(
            "{name}: {} errors:\n{}",
            report.error_count,
            errors.join("\n")
        );
    }
    report
}

/// A small deterministic PRNG (xorshift64*), so the tests need no extra crates.
pub struct Rng(u64);

impl Rng {
    /// Seeds the generator (0 is replaced by a fixed constant).
    pub fn new(seed: u64) -> Self {
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// Next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A value in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
