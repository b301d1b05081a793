//! The console and file services end to end through `osprey run`:
//! standard input from a redirected file (the samples harness feeds a
//! pipe), standard error kept apart from standard output, a program started
//! without file-system access (`--no-file-access`), and the harness's
//! `expected-differences` format.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `program` with `runner` (`mono` or `osprey run`) and standard
/// input redirected from the file `input` (a file descriptor, not a pipe).
fn run_with_file_stdin(runner: &[&str], program: &Path, input: &Path) -> std::process::Output {
    let (bin, args) = runner.split_first().expect("a runner");
    let mut cmd = Command::new(bin);
    cmd.args(args).arg(program);
    set_locale(&mut cmd);
    cmd.stdin(Stdio::from(fs::File::open(input).expect("stdin file")))
        .output()
        .unwrap_or_else(|e| panic!("cannot start {bin}: {e}"))
}

#[test]
fn standard_input_redirected_from_a_file_reads_to_its_end() {
    let sample = load_sample(&samples_dir().join("io-stdin-wordcount")).expect("sample");
    let exe = compile_sample(&sample).expect("compiles");
    let input = sample.dir.join("stdin");
    let mono = run_with_file_stdin(&["mono"], &exe, &input);
    let osprey_bin = osprey_bin();
    let osprey = run_with_file_stdin(&[osprey_bin.to_str().unwrap(), "run"], &exe, &input);
    assert!(mono.status.success(), "mono: {:?}", mono);
    assert_eq!(
        String::from_utf8_lossy(&osprey.stdout),
        String::from_utf8_lossy(&mono.stdout),
        "stderr: {}",
        String::from_utf8_lossy(&osprey.stderr)
    );
    assert_eq!(osprey.status.code(), Some(0));
}

const STDERR_PROGRAM: &str = r#"
using System;
class Program {
    static void Main() {
        Console.WriteLine("out 1");
        Console.Error.WriteLine("err 1");
        Console.Out.WriteLine("out 2");
        Console.Error.Write("err 2");
        string line = Console.ReadLine();
        Console.WriteLine("read [" + line + "] then " + (Console.ReadLine() == null));
    }
}
"#;

#[test]
fn standard_error_is_separate_and_standard_input_ends_with_null() {
    let dir = fresh_dir("console-stderr");
    let src = dir.join("stderr.cs");
    fs::write(&src, STDERR_PROGRAM).unwrap();
    let exe = compile_cs(&src, &dir, &[]).expect("compiles");
    let input = dir.join("input.txt");
    fs::write(&input, "only line").unwrap();
    let osprey_bin = osprey_bin();
    let out = run_with_file_stdin(&[osprey_bin.to_str().unwrap(), "run"], &exe, &input);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "out 1\nout 2\nread [only line] then True\n"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "err 1\nerr 2");
    assert_eq!(out.status.code(), Some(0));
}

const NO_FILES_PROGRAM: &str = r#"
using System;
using System.IO;
class Program {
    delegate void Action();
    static void Try(string what, Action a) {
        try { a(); Console.WriteLine(what + ": ok"); }
        catch (Exception e) { Console.WriteLine(what + ": " + e.GetType().FullName + ": " + e.Message); }
    }
    static void Main(string[] args) {
        string dir = args[0];
        Try("write", delegate { File.WriteAllText(Path.Combine(dir, "new.txt"), "x"); });
        Try("read", delegate { File.ReadAllText(Path.Combine(dir, "existing.txt")); });
        Try("stream", delegate { new FileStream(Path.Combine(dir, "existing.txt"), FileMode.Open); });
        Try("list", delegate { Directory.GetFiles(dir); });
        Try("mkdir", delegate { Directory.CreateDirectory(Path.Combine(dir, "sub")); });
        Try("delete", delegate { File.Delete(Path.Combine(dir, "existing.txt")); });
        Try("exists", delegate { File.Exists(Path.Combine(dir, "existing.txt")); });
        Console.WriteLine("console still works");
    }
}
"#;

#[test]
fn a_program_without_file_access_gets_unauthorized_access_exceptions() {
    let dir = fresh_dir("no-file-access");
    let src = dir.join("nofiles.cs");
    fs::write(&src, NO_FILES_PROGRAM).unwrap();
    let exe = compile_cs(&src, &dir, &[]).expect("compiles");
    let data = dir.join("data");
    fs::create_dir_all(&data).unwrap();
    fs::write(data.join("existing.txt"), "kept").unwrap();
    let d = data.to_str().unwrap();
    let opts = ["--no-file-access".to_string()];
    let run = run_osprey(&exe, &[d.to_string()], &opts, &[], None, DEFAULT_TIMEOUT).unwrap();
    let stdout = run.stdout_lossy();
    for what in [
        "write", "read", "stream", "list", "mkdir", "delete", "exists",
    ] {
        let path = if what == "write" {
            format!("{d}/new.txt")
        } else if what == "list" {
            d.to_string()
        } else if what == "mkdir" {
            format!("{d}/sub")
        } else {
            format!("{d}/existing.txt")
        };
        let expected = format!(
            "{what}: System.UnauthorizedAccessException: Access to the path '{path}' is denied: the process was started without file-system access."
        );
        assert!(
            stdout.lines().any(|l| l == expected),
            "expected `{expected}` in:\n{stdout}\nstderr:\n{}",
            run.stderr_lossy()
        );
    }
    assert!(stdout.ends_with("console still works\n"), "{stdout}");
    assert_eq!(run.code(), Some(0));
    // Nothing was touched.
    assert!(!data.join("new.txt").exists() && !data.join("sub").exists());
    assert_eq!(
        fs::read_to_string(data.join("existing.txt")).unwrap(),
        "kept"
    );
    // The same program with file access reaches the files.
    let run = run_osprey(&exe, &[d.to_string()], &[], &[], None, DEFAULT_TIMEOUT).unwrap();
    assert!(
        run.stdout_lossy().contains("write: ok"),
        "{}",
        run.stdout_lossy()
    );
    assert!(data.join("new.txt").exists() && data.join("sub").is_dir());
}

#[test]
fn expected_differences_parse_and_apply() {
    let text = "# mono folds the constant\n# (two comment lines)\nmono: 3\ndotnet: 2\n\n# why\nmono: a\"b\ndotnet: a'b.\n";
    let diffs = parse_expected_differences(text).unwrap();
    assert_eq!(diffs.len(), 2);
    assert_eq!(diffs[0].why, "mono folds the constant (two comment lines)");
    assert_eq!(
        (diffs[1].mono.as_str(), diffs[1].dotnet.as_str()),
        ("a\"b", "a'b.")
    );
    let applied = apply_expected_differences(b"1\n3\na\"b\n3\n", &diffs).unwrap();
    assert_eq!(String::from_utf8(applied).unwrap(), "1\n2\na'b.\n2\n");
    // Every listed difference must still occur.
    let err = apply_expected_differences(b"1\n3\n", &diffs).unwrap_err();
    assert!(err.contains("a\"b"), "{err}");
    // A difference needs a reason, both lines, and two different lines.
    for bad in [
        "mono: x\ndotnet: y\n",
        "# why\nmono: x\n",
        "# why\ndotnet: y\n",
        "# why\nmono: x\ndotnet: x\n",
        "# why\nmono: x\n# late\ndotnet: y\n",
        "# why\nstray line\n",
    ] {
        assert!(
            parse_expected_differences(bad).is_err(),
            "accepted: {bad:?}"
        );
    }
}
