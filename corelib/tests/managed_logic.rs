//! Runs corelib's managed logic (number formatting and parsing, strings,
//! StringBuilder, Char, Math, Convert and Console) on Mono and compares the
//! results with Mono's own.
//!
//! The corelib files are compiled as they are, against Mono's mscorlib,
//! with textual substitutions: the classes get other names (`String`
//! becomes `HostString`, a wrapper around a Mono string; `Math` becomes
//! `HostMath`, ...), and the internal calls are redirected to stand-ins in
//! `tests/host/Driver*.cs` (Math's FCalls to Mono's Math, DoubleToDigits to
//! Mono's own digit generation through its "E" format). The driver prints
//! `case TAB ours TAB mono` lines; this test asserts that every pair is
//! equal. (The Rust side of the FCalls is tested against Mono in the vm
//! crate: vm/src/fcall/number.rs and math.rs.)
//!
//! Skipped (with a message) only when `mono` is not installed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Shared {
    /// Path under `src/cs/`.
    file: &'static str,
    /// (text in the corelib file, replacement in the host copy); each must
    /// occur.
    substitutions: &'static [(&'static str, &'static str)],
    /// (identifier, replacement): whole-word renames, which may not occur.
    renames: &'static [(&'static str, &'static str)],
}

/// The substitutions every String file gets: String becomes HostString, a
/// class wrapping a Mono string in `_value` (tests/host/Driver.cs), whose
/// `_stringLength` is a property.
const STRING_RENAMES: &[(&str, &str)] =
    &[("this", "_value"), ("StringBuilder", "HostStringBuilder")];

const STRING_CLASS: (&str, &str) = (
    "public sealed partial class String",
    "internal sealed partial class HostString",
);

const SHARED: &[Shared] = &[
    Shared {
        file: "System/Number.cs",
        substitutions: &[("string.FastAllocateString(", "HostString.FastAllocateString(")],
        renames: &[],
    },
    Shared {
        file: "System/Number.Formatting.cs",
        substitutions: &[
            ("string.FastAllocateString(", "HostString.FastAllocateString("),
            // The FCall: Mono computes the digits (same line count).
            (
                "[MethodImpl(MethodImplOptions.InternalCall)]\n        private static extern unsafe int DoubleToDigits(double value, int precision, char* digits);",
                "\n        private static unsafe int DoubleToDigits(double value, int precision, char* digits) { return HostFCalls.DoubleToDigits(value, precision, digits); }",
            ),
        ],
        renames: &[("StringBuilder", "HostStringBuilder")],
    },
    Shared {
        file: "System/Number.Parsing.cs",
        substitutions: &[],
        renames: &[],
    },
    Shared {
        file: "System/String.Construction.cs",
        substitutions: &[
            STRING_CLASS,
            ("&_firstChar", "_value"),
            ("private static", "internal static"),
            (
                "[MethodImpl(MethodImplOptions.InternalCall)]\n        public extern String(char[] value);",
                "\n",
            ),
            (
                "[MethodImpl(MethodImplOptions.InternalCall)]\n        public extern String(char[] value, int startIndex, int length);",
                "\n",
            ),
            (
                "[MethodImpl(MethodImplOptions.InternalCall)]\n        public extern String(char c, int count);",
                "\n",
            ),
        ],
        renames: STRING_RENAMES,
    },
    Shared {
        file: "System/String.Concat.cs",
        substitutions: &[STRING_CLASS, ("._stringLength", ".Length")],
        renames: STRING_RENAMES,
    },
    Shared {
        file: "System/String.Comparison.cs",
        substitutions: &[STRING_CLASS, ("._stringLength", ".Length")],
        renames: STRING_RENAMES,
    },
    Shared {
        file: "System/String.Searching.cs",
        substitutions: &[STRING_CLASS, ("._stringLength", ".Length"), ("&_firstChar", "_value")],
        renames: STRING_RENAMES,
    },
    Shared {
        file: "System/String.Manipulation.cs",
        substitutions: &[STRING_CLASS, ("._stringLength", ".Length"), ("&_firstChar", "_value")],
        renames: STRING_RENAMES,
    },
    Shared {
        file: "System/String.Split.cs",
        substitutions: &[STRING_CLASS, ("._stringLength", ".Length")],
        renames: STRING_RENAMES,
    },
    Shared {
        file: "System/String.Format.cs",
        substitutions: &[STRING_CLASS, ("._stringLength", ".Length")],
        renames: STRING_RENAMES,
    },
    Shared {
        file: "System/Text/StringBuilder.cs",
        substitutions: &[("String.CopyChars(", "HostString.CopyChars(")],
        renames: &[("StringBuilder", "HostStringBuilder")],
    },
    Shared {
        file: "System/Char.cs",
        substitutions: &[(
            "public struct Char : IComparable, IConvertible, IComparable<char>, IEquatable<char>",
            "internal struct HostChar",
        )],
        renames: &[("CharUnicodeInfo", "HostCharUnicodeInfo")],
    },
    Shared {
        file: "System/Globalization/CharUnicodeInfo.cs",
        substitutions: &[(
            "public static partial class CharUnicodeInfo",
            "internal static partial class HostCharUnicodeInfo",
        )],
        renames: &[],
    },
    Shared {
        file: "System/Globalization/CharUnicodeInfo.Data.cs",
        substitutions: &[(
            "public static partial class CharUnicodeInfo",
            "internal static partial class HostCharUnicodeInfo",
        )],
        renames: &[],
    },
    Shared {
        file: "System/Math.cs",
        substitutions: &[("public static partial class Math", "internal static partial class HostMath")],
        renames: &[],
    },
    Shared {
        file: "System/Convert.cs",
        substitutions: &[
            ("public static partial class Convert", "internal static partial class HostConvert"),
            ("String.CopyChars(", "HostString.CopyChars("),
        ],
        renames: &[],
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
            ("String.CopyChars(", "HostString.CopyChars("),
        ],
        renames: &[],
    },
];

/// The driver's own files, under tests/host/.
const DRIVER: &[&str] = &[
    "Driver.cs",
    "DriverNumbers.cs",
    "DriverStrings.cs",
    "DriverText.cs",
    "DriverMath.cs",
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
    ("concat-array", 100),
    ("append-char", 36),
    ("checked-length", 6),
    ("console", 100),
    ("console-format", 20),
    ("format-int32", 3000),
    ("format-int64", 3000),
    ("format-uint32", 1000),
    ("format-uint64", 1000),
    ("format-double", 20000),
    ("format-single", 3000),
    ("double-tostring", 20000),
    ("single-tostring", 3000),
    ("parse-int32", 200),
    ("parse-int64", 200),
    ("parse-uint32", 200),
    ("parse-uint64", 200),
    ("parse-small", 400),
    ("parse-double", 2000),
    ("parse-single", 300),
    ("parse-bool", 20),
    ("roundtrip-double", 5000),
    ("unicode", 65536),
    ("string-ctor", 20),
    ("string-compare", 5000),
    ("string-search", 2000),
    ("string-edit", 2000),
    ("string-case", 100),
    ("string-split", 500),
    ("string-join", 20),
    ("string-format", 100),
    ("stringbuilder", 60),
    ("math", 3000),
    ("convert", 200),
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

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `text` with every whole-word `from` replaced by `to`.
fn rename_word(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        out.push_str(&rest[..at]);
        let before = out.chars().last();
        let after = rest[at + from.len()..].chars().next();
        if before.is_some_and(is_identifier_char) || after.is_some_and(is_identifier_char) {
            out.push_str(from);
        } else {
            out.push_str(to);
        }
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

/// Math's FCall declarations become calls to Mono's Math:
/// `[MethodImpl(...)]` + `public static extern double Sqrt(double d);`
/// becomes an empty line + `public static double Sqrt(double d) { return
/// System.Math.Sqrt(d); }`.
fn math_fcalls_to_mono(text: &str) -> String {
    let attribute = "[MethodImpl(MethodImplOptions.InternalCall)]";
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
        if lines[i].trim() == attribute && next.starts_with("public static extern double ") {
            let declaration = next
                .trim_start_matches("public static extern double ")
                .trim_end_matches(';');
            let (name, params) = declaration.split_once('(').expect("FCall parameters");
            let params = params.trim_end_matches(')');
            let args: Vec<&str> = params
                .split(',')
                .map(|p| p.split_whitespace().last().unwrap_or(""))
                .collect();
            out.push(String::new());
            out.push(format!(
                "        public static double {name}({params}) {{ return System.Math.{name}({}); }}",
                args.join(", ")
            ));
            i += 2;
        } else {
            out.push(lines[i].to_owned());
            i += 1;
        }
    }
    out.join("\n")
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
    for (from, to) in shared.renames {
        text = rename_word(&text, from, to);
    }
    text = without_generated_region(&text);
    if shared.file == "System/Math.cs" {
        text = math_fcalls_to_mono(&text);
        assert!(
            !text.contains(" extern "),
            "System/Math.cs has an FCall tests/managed_logic.rs cannot redirect"
        );
    }
    // Point mcs's messages at the original file.
    let text = format!("#line 1 \"{}\"\n{text}", original.display());
    let copy = dir.join(shared.file.replace('/', "_"));
    fs::write(&copy, text).expect("write host copy");
    copy
}

/// The first line of the part of a primitive's file that
/// corelib/tools/gen_convertible.py writes (IConvertible, NumberStyles
/// parsing), and its last line.
const GENERATED_BEGIN: &str =
    "        // ----- Generated by corelib/tools/gen_convertible.py: do not edit below -----";
const GENERATED_END: &str = "        // ----- End of the generated part -----";

/// `text` with the generated region blanked out (it calls corelib-only
/// helpers; blank lines keep mcs's line numbers): the host copy keeps the
/// hand-written logic only.
fn without_generated_region(text: &str) -> String {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line == GENERATED_BEGIN {
            inside = true;
        }
        out.push(if inside { "" } else { line });
        if line == GENERATED_END {
            inside = false;
        }
    }
    let mut joined = out.join("\n");
    joined.push('\n');
    joined
}

#[test]
fn rename_word_respects_identifiers() {
    assert_eq!(
        rename_word("this.x = thisValue + this; (this)", "this", "_value"),
        "_value.x = thisValue + _value; (_value)"
    );
    assert_eq!(
        rename_word("StringBuilder sb", "StringBuilder", "H"),
        "H sb"
    );
    assert_eq!(
        rename_word("HostStringBuilder", "StringBuilder", "H"),
        "HostStringBuilder"
    );
}

#[test]
fn corelib_logic_matches_mono() {
    if Command::new("mono").arg("--version").output().is_err() {
        eprintln!("SKIPPED: mono is not installed (apt-get install mono-runtime); cannot run corelib's managed logic");
        return;
    }
    let dir = work_dir();
    let exe = dir.join("driver.exe");
    let mut mcs = Command::new("mcs");
    mcs.arg("-unsafe")
        .arg("-debug-")
        .arg("-optimize+")
        .arg("-nowarn:3021") // [CLSCompliant(false)] in a non-CLS assembly
        .arg("-nowarn:0436") // our Number (System.Number) hides nothing of mscorlib's public surface
        .arg(format!("-out:{}", exe.display()));
    for file in DRIVER {
        mcs.arg(manifest_dir().join("tests/host").join(file));
    }
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
    // behind. The invariant culture, as Osprey has.
    let run = Command::new("mono")
        .arg(&exe)
        .current_dir(&dir)
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
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
