//! Runs corelib's number formatting, string concatenation and Console
//! logic on Mono and compares the results with Mono's own.
//!
//! The corelib files are compiled as they are, against Mono's mscorlib,
//! with a few textual substitutions (the classes get other names, and
//! String internals Mono lacks are redirected to stand-ins in
//! `tests/host/Driver.cs`). The driver prints `case TAB ours TAB mono`
//! lines; this test asserts that every pair is equal.
//!
//! Skipped (with a message) only when `mono` is not installed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Shared {
    /// Path under `src/cs/`.
    file: &'static str,
    /// (text in the corelib file, replacement in the host copy)
    substitutions: &'static [(&'static str, &'static str)],
}

const SHARED: &[Shared] = &[
    Shared {
        file: "System/Number.cs",
        substitutions: &[("string.FastAllocateString(", "HostString.FastAllocateString(")],
    },
    Shared {
        file: "System/String.Concat.cs",
        substitutions: &[
            ("public sealed partial class String", "internal static partial class HostString"),
            ("._stringLength", ".Length"),
        ],
    },
    Shared {
        file: "System/Console.cs",
        substitutions: &[
            ("public static partial class Console", "internal static partial class HostConsole"),
            // The FCall declaration: the driver supplies InternalWrite.
            // (Same number of lines, so mcs's line numbers still match.)
            (
                "[MethodImpl(MethodImplOptions.InternalCall)]\n        private static extern void InternalWrite(int stream, string value);",
                "\n",
            ),
            ("string.AppendChar(", "HostString.AppendChar("),
        ],
    },
];

/// Every kind of case the driver must have produced, with a minimum count.
const EXPECTED_CASES: &[(&str, usize)] = &[
    ("int32", 6000),
    ("uint32", 3000),
    ("int64", 6000),
    ("uint64", 3000),
    ("int16", 65536),
    ("uint16", 65536),
    ("sbyte", 256),
    ("byte", 256),
    ("bool", 2),
    ("char", 65536),
    ("concat2", 81),
    ("concat3", 729),
    ("concat4", 6561),
    ("concat-object1", 8),
    ("concat-object2", 64),
    ("concat-object3", 512),
    ("append-char", 36),
    ("checked-length", 6),
    ("console", 100),
];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn work_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corelib-managed-logic");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create work dir");
    dir
}

fn host_copy(shared: &Shared, dir: &Path) -> PathBuf {
    let original = manifest_dir().join("src/cs").join(shared.file);
    let mut text = fs::read_to_string(&original)
        .unwrap_or_else(|e| panic!("read {}: {e}", original.display()));
    for (from, to) in shared.substitutions {
        assert!(
            text.contains(from),
            "{} no longer contains `{from}`; update the substitutions in tests/managed_logic.rs",
            shared.file
        );
        text = text.replace(from, to);
    }
    // Point mcs's messages at the original file.
    let text = format!("#line 1 \"{}\"\n{text}", original.display());
    let copy = dir.join(shared.file.replace('/', "_"));
    fs::write(&copy, text).expect("write host copy");
    copy
}

#[test]
fn formatting_and_concat_match_mono() {
    if Command::new("mono").arg("--version").output().is_err() {
        eprintln!("SKIPPED: mono is not installed (apt-get install mono-runtime); cannot run corelib's managed logic");
        return;
    }
    let dir = work_dir();
    let exe = dir.join("driver.exe");
    let mut mcs = Command::new("mcs");
    mcs.arg("-unsafe")
        .arg("-debug-")
        .arg("-nowarn:3021") // [CLSCompliant(false)] in a non-CLS assembly
        .arg(format!("-out:{}", exe.display()))
        .arg(manifest_dir().join("tests/host/Driver.cs"));
    for shared in SHARED {
        mcs.arg(host_copy(shared, &dir));
    }
    let compiled = mcs.output().expect("run mcs");
    assert!(
        compiled.status.success(),
        "mcs failed to compile the host test:\n{}{}",
        String::from_utf8_lossy(&compiled.stderr),
        String::from_utf8_lossy(&compiled.stdout)
    );

    // In the work directory: a crashing mono leaves mono_crash.*.json files
    // behind.
    let run = Command::new("mono")
        .arg(&exe)
        .current_dir(&dir)
        .output()
        .expect("run mono");
    assert!(
        run.status.success(),
        "the host test driver failed ({}):\n{}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8(run.stdout).expect("driver output is ASCII");

    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut mismatches = Vec::new();
    for line in stdout.lines() {
        let mut fields = line.split('\t');
        let (Some(case), Some(ours), Some(mono), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            panic!("malformed driver line: {line:?}");
        };
        let kind = case.split(' ').next().unwrap_or(case);
        *counts.entry(kind).or_default() += 1;
        if ours != mono {
            mismatches.push(format!("{case}: corelib gave {ours} but mono gave {mono}"));
        }
    }

    for (kind, minimum) in EXPECTED_CASES {
        let count = counts.get(kind).copied().unwrap_or(0);
        assert!(
            count >= *minimum,
            "only {count} `{kind}` cases ran (expected at least {minimum})"
        );
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} cases differ from mono; the first ones:\n  {}",
        mismatches.len(),
        stdout.lines().count(),
        mismatches
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n  ")
    );
}
