//! Corelib's generic library (collections, comparers, tuples, LINQ, the
//! generic Array and String members) checked against Mono's own, before
//! the runtime can run generic code.
//!
//! Each program `tests/generic/<name>/<name>.cs` (laid out as a sample, so
//! that it can move to `samples/` once Osprey runs it; those already moved
//! are listed in `SAMPLES`) is compiled three times with `mcs` and run on
//! `mono`:
//!
//! 1. `reference`: plainly, against Mono's libraries;
//! 2. `portable`: together with corelib's library sources (C# prefers the
//!    types of the compilation to referenced ones, warning CS0436, which is
//!    silenced), with `tests/generic-host/GenericHooks.Portable.cs` in place
//!    of corelib's `GenericHooks` (which calls the runtime,
//!    vm/src/fcall/generics.rs): reflection-free approximations;
//! 3. `exact`: the same with `tests/generic-host/GenericHooks.Exact.cs`,
//!    the comparer choice the runtime makes, written with Mono's reflection.
//!
//! Runs 2 and 3 must print what run 1 prints and exit with its code.
//!
//! The library sources are compiled as they are, except two files: the
//! generic members of `System.Array` and `System.String` become the
//! classes `OspreyArray` and `OspreyString` (Mono's own `Array` and
//! `String` cannot be replaced), and the test program's calls
//! `Array.X(...)`, `String.Join(...)` and `String.Concat(...)` are renamed
//! to match (outside strings and comments); `tests/generic-host/Forwarders.cs`
//! gives those classes Mono's non-generic overloads. The interfaces,
//! delegates and structs that Mono's mscorlib also defines (`IList<T>`,
//! `Func<...>`, `KeyValuePair`, ...) are taken from Mono, so that Mono's
//! arrays and primitives, which implement Mono's interfaces, work with
//! corelib's collections.
//!
//! Skipped (with a message) only when mcs or mono is not installed.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

/// Corelib sources compiled into the `portable` and `exact` programs,
/// relative to `src/cs`. A folder means every `.cs` file in it, minus
/// `FROM_MSCORLIB`.
const LIBRARY: &[&str] = &[
    "System/Collections/Generic",
    "System/Collections/ObjectModel",
    "System/Linq",
    "System/Collections/Comparer.cs",
    "System/ArraySegment.cs",
    "System/EmptyArray.cs",
    "System/Lazy.cs",
    "System/Nullable.Static.cs",
    "System/StringComparer.cs",
    "System/Tuple.cs",
    "System/ValueTuple.cs",
];

/// Corelib files of the generic library whose types Mono's mscorlib
/// defines as well: the test programs use Mono's.
const FROM_MSCORLIB: &[&str] = &[
    "System/Action.cs",
    "System/Comparison.cs",
    "System/Converter.cs",
    "System/Func.cs",
    "System/Predicate.cs",
    "System/Collections/DictionaryEntry.cs",
    "System/Collections/ICollection.cs",
    "System/Collections/IComparer.cs",
    "System/Collections/IDictionary.cs",
    "System/Collections/IDictionaryEnumerator.cs",
    "System/Collections/IEqualityComparer.cs",
    "System/Collections/IList.cs",
    "System/Collections/IStructuralComparable.cs",
    "System/Collections/IStructuralEquatable.cs",
    "System/Collections/Generic/ICollection.cs",
    "System/Collections/Generic/IComparer.cs",
    "System/Collections/Generic/IDictionary.cs",
    "System/Collections/Generic/IEnumerable.cs",
    "System/Collections/Generic/IEnumerator.cs",
    "System/Collections/Generic/IEqualityComparer.cs",
    "System/Collections/Generic/IList.cs",
    "System/Collections/Generic/IReadOnlyCollection.cs",
    "System/Collections/Generic/IReadOnlyDictionary.cs",
    "System/Collections/Generic/IReadOnlyList.cs",
    "System/Collections/Generic/KeyNotFoundException.cs",
    "System/Collections/Generic/KeyValuePair.cs",
    "System/Runtime/CompilerServices/ITuple.cs",
    "System/Runtime/CompilerServices/TupleElementNamesAttribute.cs",
    "System/Threading/LazyThreadSafetyMode.cs",
];

/// The two files compiled with their class renamed: (file, declaration in
/// corelib, declaration in the test build).
const RENAMED: &[(&str, &str, &str)] = &[
    (
        "System/Array.Generic.cs",
        "public abstract partial class Array",
        "public static partial class OspreyArray",
    ),
    (
        "System/String.Generic.cs",
        "public sealed partial class String",
        "public static partial class OspreyString",
    ),
];

/// Programs of this test that have become Osprey samples (they run on
/// Osprey as they do on Mono): `samples/<name>/<name>.cs`, still checked
/// here against Mono's library.
const SAMPLES: &[&str] = &[
    "generic-arrays",
    "generic-collections",
    "generic-comparers",
    "generic-linkedlist",
    "generic-objectmodel",
    "generic-sorted",
    "generic-tuples",
    "linq-deferred",
    "linq-errors",
    "linq-numeric",
    "linq-queries",
];

/// How long one compilation or run may take.
const TIMEOUT: Duration = Duration::from_secs(120);

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cs_dir() -> PathBuf {
    manifest_dir().join("src/cs")
}

/// Every `.cs` file under `dir` (relative to `src/cs`), sorted.
fn cs_files_under(rel: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![cs_dir().join(rel)];
    while let Some(dir) = stack.pop() {
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "cs") {
                let rel = path.strip_prefix(cs_dir()).unwrap();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// The library sources of the test build (relative to `src/cs`).
fn library_sources() -> Vec<String> {
    let mut files = BTreeSet::new();
    for entry in LIBRARY {
        if entry.ends_with(".cs") {
            files.insert(entry.to_string());
        } else {
            files.extend(cs_files_under(entry));
        }
    }
    for skip in FROM_MSCORLIB {
        files.remove(*skip);
    }
    files.into_iter().collect()
}

/// Every file in the library's folders is either compiled or taken from
/// Mono: a new file must be classified (or its code would go untested).
fn library_files_are_classified() {
    let compiled: BTreeSet<String> = library_sources().into_iter().collect();
    let mono: BTreeSet<&str> = FROM_MSCORLIB.iter().copied().collect();
    let mut unclassified = Vec::new();
    for folder in LIBRARY.iter().filter(|e| !e.ends_with(".cs")) {
        for file in cs_files_under(folder) {
            if !compiled.contains(&file) && !mono.contains(file.as_str()) {
                unclassified.push(file);
            }
        }
    }
    for file in FROM_MSCORLIB
        .iter()
        .chain(LIBRARY.iter().filter(|e| e.ends_with(".cs")))
    {
        assert!(
            cs_dir().join(file).is_file(),
            "{file} is listed but does not exist"
        );
    }
    assert!(
        unclassified.is_empty(),
        "add to LIBRARY or FROM_MSCORLIB: {unclassified:?}"
    );
}

// ----- Renaming Array./String. calls in the test programs -----------------

/// Rewrites `Array.X` (and `System.Array.X`) to `OspreyArray.X`, and
/// `String.Join`, `String.Concat` (also `string.`, `System.String.`) to
/// `OspreyString.`, leaving string and character literals and comments
/// alone. (Code inside interpolated strings' braces is not renamed.)
fn rename_calls(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() + 256);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        // Comments.
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(chars[i]);
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            out.push_str("/*");
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                out.push(chars[i]);
                i += 1;
            }
            if i < chars.len() {
                out.push_str("*/");
                i += 2;
            }
            continue;
        }
        // Verbatim strings ("" is a quote), then regular and interpolated
        // strings and characters (backslash escapes).
        if c == '@' && next == Some('"')
            || c == '$' && next == Some('@')
            || c == '@' && next == Some('$')
        {
            while chars[i] != '"' {
                out.push(chars[i]);
                i += 1;
            }
            out.push('"');
            i += 1;
            while i < chars.len() {
                if chars[i] == '"' {
                    if chars.get(i + 1) == Some(&'"') {
                        out.push_str("\"\"");
                        i += 2;
                        continue;
                    }
                    out.push('"');
                    i += 1;
                    break;
                }
                out.push(chars[i]);
                i += 1;
            }
            continue;
        }
        if c == '"' || c == '\'' || (c == '$' && next == Some('"')) {
            if c == '$' {
                out.push('$');
                i += 1;
            }
            let quote = chars[i];
            out.push(quote);
            i += 1;
            while i < chars.len() && chars[i] != quote {
                if chars[i] == '\\' && i + 1 < chars.len() {
                    out.push(chars[i]);
                    i += 1;
                }
                out.push(chars[i]);
                i += 1;
            }
            if i < chars.len() {
                out.push(quote);
                i += 1;
            }
            continue;
        }
        // Identifiers.
        if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let prev = chars[..start]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace())
                .copied();
            let member = member_after(&chars, i);
            let replacement = match (word.as_str(), member.as_deref()) {
                ("Array", Some(_)) => Some("OspreyArray"),
                ("String" | "string", Some("Join" | "Concat")) => Some("OspreyString"),
                _ => None,
            };
            match replacement {
                Some(to) if prev != Some('.') || out.ends_with("System.") => {
                    if out.ends_with("System.") {
                        out.truncate(out.len() - "System.".len());
                    }
                    out.push_str(to);
                }
                _ => out.push_str(&word),
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The identifier after `.` at `chars[i..]` (spaces allowed), if any.
fn member_after(chars: &[char], mut i: usize) -> Option<String> {
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    if chars.get(i) != Some(&'.') {
        return None;
    }
    i += 1;
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    let start = i;
    while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
        i += 1;
    }
    (i > start).then(|| chars[start..i].iter().collect())
}

fn renaming_touches_only_calls_outside_literals_and_comments() {
    let source = r#"Array.Sort(a); x.Array.Sort(); System.Array.Reverse(a);
string.Join(",", a) + String.Concat(b) + string.Format("Array.Sort") + String.Empty;
// Array.Sort in a comment
/* string.Join */ char c = '"'; var s = @"Array.Sort ""x"" "; int[] Array2 = null;"#;
    let expected = r#"OspreyArray.Sort(a); x.Array.Sort(); OspreyArray.Reverse(a);
OspreyString.Join(",", a) + OspreyString.Concat(b) + string.Format("Array.Sort") + String.Empty;
// Array.Sort in a comment
/* string.Join */ char c = '"'; var s = @"Array.Sort ""x"" "; int[] Array2 = null;"#;
    assert_eq!(rename_calls(source), expected);
}

// ----- Compiling and running ------------------------------------------------

/// A finished process: exit code (None if killed by a signal or the
/// timeout), stdout, stderr.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    timed_out: bool,
}

fn run(command: &mut Command, what: &str) -> Result<Run, String> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .spawn()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let deadline = Instant::now() + TIMEOUT;
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| format!("{what}: {e}"))? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            timed_out = true;
            break child.wait().map_err(|e| format!("{what}: {e}"))?;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Ok(Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
        timed_out,
    })
}

fn tool_available(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// The three builds of a program.
#[derive(Clone, Copy, Debug)]
enum Build {
    Reference,
    Portable,
    Exact,
}

impl Build {
    fn name(self) -> &'static str {
        match self {
            Build::Reference => "reference",
            Build::Portable => "portable",
            Build::Exact => "exact",
        }
    }
}

/// The renamed copies of `RENAMED`, written once per test run.
fn renamed_sources(dir: &Path) -> Vec<PathBuf> {
    RENAMED
        .iter()
        .map(|(file, from, to)| {
            let text = fs::read_to_string(cs_dir().join(file)).unwrap();
            assert!(text.contains(from), "{file} no longer declares `{from}`");
            let out = dir.join(Path::new(file).file_name().unwrap());
            fs::write(&out, text.replace(from, to)).unwrap();
            out
        })
        .collect()
}

/// Compiles `program` (already renamed for the library builds) as `build`.
fn compile(build: Build, program: &Path, out: &Path, shared: &Path) -> Result<(), String> {
    let mut mcs = Command::new("mcs");
    mcs.arg(format!("-out:{}", out.display()));
    match build {
        Build::Reference => {
            mcs.arg(program);
        }
        Build::Portable | Build::Exact => {
            // No System.Core or System: corelib's LINQ and collections
            // stand in for them.
            mcs.args(["-noconfig", "-nowarn:436", "-r:mscorlib.dll"]);
            for file in library_sources() {
                mcs.arg(cs_dir().join(file));
            }
            mcs.arg(match build {
                Build::Portable => {
                    manifest_dir().join("tests/generic-host/GenericHooks.Portable.cs")
                }
                _ => manifest_dir().join("tests/generic-host/GenericHooks.Exact.cs"),
            });
            mcs.arg(manifest_dir().join("tests/generic-host/Forwarders.cs"));
            for file in renamed_sources(shared) {
                mcs.arg(file);
            }
            mcs.arg(program);
        }
    }
    let r = run(&mut mcs, "mcs")?;
    if r.code != Some(0) {
        // Only the errors: mcs also lists the symbols each silenced CS0436
        // warning relates to.
        let errors: Vec<&str> = r
            .stdout
            .lines()
            .chain(r.stderr.lines())
            .filter(|l| l.contains("error"))
            .collect();
        return Err(format!(
            "mcs failed on the {} build of {}:\n{}",
            build.name(),
            program.display(),
            errors.join("\n")
        ));
    }
    Ok(())
}

/// The first line where `a` and `b` differ, with context.
fn first_difference(a: &str, b: &str) -> String {
    let la: Vec<&str> = a.lines().collect();
    let lb: Vec<&str> = b.lines().collect();
    let n = la.len().max(lb.len());
    for i in 0..n {
        if la.get(i) != lb.get(i) {
            let mut s = String::new();
            for (j, line) in la.iter().enumerate().take(i).skip(i.saturating_sub(3)) {
                s.push_str(&format!("    {:>4}   {}\n", j + 1, line));
            }
            s.push_str(&format!(
                "  mono {:>4} | {}\n",
                i + 1,
                la.get(i).unwrap_or(&"<end>")
            ));
            s.push_str(&format!(
                "  ours {:>4} | {}\n",
                i + 1,
                lb.get(i).unwrap_or(&"<end>")
            ));
            return s;
        }
    }
    "  (stdout is the same)\n".to_owned()
}

fn check_program(name: &str, source: &Path) -> Result<(), Failed> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("generic-library")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let text = fs::read_to_string(source).unwrap();
    let renamed = dir.join(format!("{name}.cs"));
    fs::write(&renamed, rename_calls(&text)).unwrap();
    let args: Vec<String> = fs::read_to_string(source.with_file_name("args"))
        .map(|a| {
            a.lines()
                .map(|l| l.trim_end_matches('\r').to_owned())
                .collect()
        })
        .unwrap_or_default();

    let mut runs = Vec::new();
    for build in [Build::Reference, Build::Portable, Build::Exact] {
        let exe = dir.join(format!("{name}.{}.exe", build.name()));
        let program = match build {
            Build::Reference => source,
            _ => renamed.as_path(),
        };
        compile(build, program, &exe, &dir)?;
        let r = run(
            Command::new("mono").arg("--debug").arg(&exe).args(&args),
            "mono",
        )?;
        if r.timed_out {
            return Err(format!("the {} build of {name} timed out", build.name()).into());
        }
        runs.push((build, r));
    }
    let (_, reference) = &runs[0];
    let mut problems = String::new();
    for (build, r) in &runs[1..] {
        if r.stdout != reference.stdout || r.code != reference.code {
            problems.push_str(&format!(
                "the {} build differs from Mono's (exit {:?}, Mono's {:?}):\n{}  stderr:\n{}\n",
                build.name(),
                r.code,
                reference.code,
                first_difference(&reference.stdout, &r.stdout),
                r.stderr
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = vec![
        Trial::test("library_files_are_classified", || {
            library_files_are_classified();
            Ok(())
        }),
        Trial::test(
            "renaming_touches_only_calls_outside_literals_and_comments",
            || {
                renaming_touches_only_calls_outside_literals_and_comments();
                Ok(())
            },
        ),
    ];
    let programs_dir = manifest_dir().join("tests/generic");
    let mut programs: Vec<(String, PathBuf)> = fs::read_dir(&programs_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", programs_dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let source = p.join(format!("{name}.cs"));
            (name, source)
        })
        .collect();
    for name in SAMPLES {
        let dir = manifest_dir().join("../samples").join(name);
        programs.push((name.to_string(), dir.join(format!("{name}.cs"))));
    }
    programs.sort();
    let tools = tool_available("mcs") && tool_available("mono");
    for (name, source) in programs {
        trials.push(Trial::test(name.clone(), move || {
            if !tools {
                eprintln!(
                    "SKIPPED: {name} needs mcs and mono (apt-get install mono-mcs mono-devel)"
                );
                return Ok(());
            }
            if !source.is_file() {
                return Err(format!("{} is missing", source.display()).into());
            }
            check_program(&name, &source)
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}
