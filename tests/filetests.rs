//! Golden-file tests of the JIT's stages, in the style of Cranelift's
//! filetests: each `tests/filetests/<stage>/<name>.cs` is a small program
//! whose first line, `// filetest: PATTERN`, selects methods (the
//! `--jit-dump` pattern syntax). The test runs it with the stage's dump
//! option, normalizes the dump and compares it with `<name>.expected`
//! beside it:
//!
//! * `import/`: `osprey run --import-dump=PATTERN`, the importer's typed ops;
//! * `jit-dump/`: `osprey run --jit-dump=PATTERN`, the machine code.
//!
//! `OSPREY_BLESS=1 cargo test --release --test filetests` writes the
//! current output as the expected files instead (review the diff before
//! committing it). One test per file: `cargo test --release --test
//! filetests -- import/arith`. See docs/testing.md.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};

/// A stage whose output the filetests of one directory check.
struct Stage {
    /// The directory under tests/filetests/.
    dir: &'static str,
    /// The `osprey run` option that prints the stage (`=PATTERN` appended).
    option: &'static str,
}

const STAGES: &[Stage] = &[
    Stage {
        dir: "import",
        option: "--import-dump",
    },
    Stage {
        dir: "jit-dump",
        option: "--jit-dump",
    },
];

fn main() {
    let args = Arguments::from_args();
    let root = common::repo_root().join("tests/filetests");
    let mut trials = Vec::new();
    for stage in STAGES {
        let dir = root.join(stage.dir);
        let mut sources: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "cs"))
            .collect();
        sources.sort();
        for source in sources {
            let stem = source.file_stem().unwrap().to_string_lossy().into_owned();
            let name = format!("{}/{stem}", stage.dir);
            trials.push(Trial::test(name, move || {
                check(stage, &source).map_err(Failed::from)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

/// Runs one filetest: compile, dump, normalize, compare (or bless).
fn check(stage: &Stage, source: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(source).map_err(|e| e.to_string())?;
    let pattern = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("// filetest:"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .ok_or_else(|| {
            format!(
                "{}: the first line must be `// filetest: PATTERN`",
                source.display()
            )
        })?;
    let out_dir = common::work_dir(&format!("filetests/{}", stage.dir));
    let exe = common::compile_cs(source, &out_dir, &[])?;
    // Fixed settings: the dump must not depend on the environment the
    // tests run in (the collector decides the write barriers' code).
    let env: Vec<(std::ffi::OsString, std::ffi::OsString)> = [
        ("OSPREY_GC", "generational"),
        ("OSPREY_GCSTRESS", "0"),
        ("OSPREY_GC_VERIFY", "0"),
    ]
    .iter()
    .map(|(k, v)| (k.into(), v.into()))
    .collect();
    let run = common::run_osprey(
        &exe,
        &[],
        &[format!("{}={pattern}", stage.option)],
        &env,
        None,
        Duration::from_secs(120),
    )?;
    if run.timed_out || run.code() != Some(0) {
        return Err(format!(
            "osprey run {} {} failed ({}):\n{}",
            stage.option,
            exe.display(),
            common::describe_status(&run.status),
            common::tail(&run.stderr_lossy(), 4000)
        ));
    }
    let actual = normalize(&run.stderr_lossy(), &[&out_dir, &common::repo_root()]);
    if actual.trim().is_empty() {
        return Err(format!(
            "{}: `{}={pattern}` printed nothing: the pattern selects no compiled method",
            source.display(),
            stage.option
        ));
    }
    let golden = source.with_extension("expected");
    if std::env::var_os("OSPREY_BLESS").is_some_and(|v| v == "1") {
        return std::fs::write(&golden, &actual)
            .map_err(|e| format!("cannot write {}: {e}", golden.display()));
    }
    let expected = std::fs::read_to_string(&golden).map_err(|e| {
        format!(
            "cannot read {} ({e}): run `OSPREY_BLESS=1 cargo test --release --test filetests` to create it",
            golden.display()
        )
    })?;
    if expected == actual {
        return Ok(());
    }
    Err(format!(
        "{} differs from the output of `osprey run {}={pattern}` (if the change is intended, \
         rerun with OSPREY_BLESS=1 and review the diff):\n{}",
        golden.display(),
        stage.option,
        common::diff_report("expected", expected.as_bytes(), "actual", actual.as_bytes())
    ))
}

/// The dump in a form that is the same on every machine and run: no
/// machine paths, no absolute addresses, and only whole method listings
/// (anything else the program wrote to stderr is dropped).
fn normalize(dump: &str, paths: &[&Path]) -> String {
    let mut text = dump.to_string();
    for p in paths {
        text = text.replace(&p.display().to_string(), "<dir>");
    }
    let mut out = String::new();
    let mut in_listing = false;
    for line in text.lines() {
        if line.starts_with("; ") {
            in_listing = true;
        }
        if !in_listing {
            continue;
        }
        out.push_str(&hide_addresses(line));
        out.push('\n');
        if line.is_empty() {
            in_listing = false;
        }
    }
    out
}

/// Replaces hexadecimal numbers of 9 or more digits (absolute addresses a
/// listing could not name) with `0x<address>`.
fn hide_addresses(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("0x") {
        let digits = rest[at + 2..]
            .bytes()
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        out.push_str(&rest[..at]);
        if digits >= 9 {
            out.push_str("0x<address>");
        } else {
            out.push_str(&rest[at..at + 2 + digits]);
        }
        rest = &rest[at + 2 + digits..];
    }
    out.push_str(rest);
    out
}
