//! Exception dispatch (docs/exceptions.md): the two passes' order of
//! filters and finally blocks, rethrow, leaving protected blocks, and
//! exceptions that cross the frames of internal calls. Programs compiled
//! against Mono's mscorlib are compared with mono at test time; the ones
//! that need corelib's `Osprey.TransitionProbe` (or behaviour where mono
//! departs from ECMA-335) assert their output.

mod common;

use std::process::Command;

/// Compiles `source` against mscorlib, runs it on mono and on Osprey, and
/// requires the same stdout and exit code; returns the stdout.
fn same_as_mono(name: &str, source: &str) -> String {
    let bytes = common::compile(name, source, false);
    let exe = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("vm-tests")
        .join(format!("{name}.exe"));
    let mono = Command::new("mono")
        .arg(&exe)
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("mono is installed (apt-get install mono-runtime)");
    let mono_out = String::from_utf8(mono.stdout).unwrap();
    let osprey = common::run(name, bytes, &[]);
    assert_eq!(osprey.error, None);
    assert_eq!(
        osprey.stdout, mono_out,
        "Osprey's stdout differs from mono's"
    );
    assert_eq!(Some(osprey.exit_code), mono.status.code(), "exit codes");
    mono_out
}

const ORDER: &str = r#"
using System;
using System.Runtime.CompilerServices;
class P {
    static bool Log(string s, bool result) { Console.WriteLine("filter " + s + " -> " + result); return result; }
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Thrower(string m) { throw new InvalidOperationException(m); }
    static void Inner() {
        try {
            try { Thrower("x"); }
            finally { Console.WriteLine("finally 1"); }
        }
        catch (InvalidOperationException) when (Log("inner", false)) { Console.WriteLine("wrong"); }
        finally { Console.WriteLine("finally 2"); }
    }
    static int Leave(int n) {
        int r = 0;
        for (int i = 0; i < n; i++) {
            try {
                if (i == 1) continue;
                if (i == 3) break;
                r += i;
            } finally { Console.WriteLine("leave finally " + i); }
        }
        try { return r; } finally { Console.WriteLine("return finally"); }
    }
    static int Main() {
        // First pass: every filter runs (innermost first) before any
        // finally; second pass: the finally blocks, innermost first, then
        // the handler.
        try { Inner(); }
        catch (ArgumentException) { Console.WriteLine("wrong type"); }
        catch (InvalidOperationException e) when (Log("outer", true)) { Console.WriteLine("caught " + e.Message); }
        finally { Console.WriteLine("finally 3"); }

        // `throw e` starts a new trace (rethrow: see below).
        try {
            try { Thrower("t"); }
            catch (Exception e) { throw e; }
        } catch (Exception e) { Console.WriteLine("throw e keeps Thrower: " + e.StackTrace.Contains("Thrower")); }

        // An exception thrown in a finally replaces the one in flight.
        try {
            try { throw new ArgumentException("first"); }
            finally { throw new FormatException("second"); }
        } catch (Exception e) { Console.WriteLine(e.GetType().Name + " " + e.Message); }

        // A catch that throws: the new exception leaves the handler, the
        // enclosing finally runs, the outer catch sees it.
        try {
            try {
                try { throw new ArgumentException("a"); }
                catch (ArgumentException e) { throw new InvalidOperationException("from catch " + e.Message); }
                finally { Console.WriteLine("finally of the catch"); }
            } finally { Console.WriteLine("enclosing finally"); }
        } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }

        // Leaving protected blocks by continue, break and return.
        Console.WriteLine("Leave = " + Leave(5));
        return 7;
    }
}
"#;

#[test]
fn filters_run_before_finally_blocks_and_finally_blocks_run_innermost_first() {
    let out = same_as_mono("eh_order", ORDER);
    // Not only equal to mono: the order the passes imply.
    let expected =
        "filter inner -> False\nfilter outer -> True\nfinally 1\nfinally 2\ncaught x\nfinally 3\n\
throw e keeps Thrower: False\nFormatException second\n\
finally of the catch\nenclosing finally\nfrom catch a\n\
leave finally 0\nleave finally 1\nleave finally 2\nleave finally 3\nreturn finally\nLeave = 2\n";
    assert_eq!(out, expected);
}

/// Runs `body` (statements of Main, with `log` and the helpers below in
/// scope) in a program compiled against corelib and returns its stdout.
fn against_corelib(name: &str, body: &str) -> String {
    let source = format!(
        r#"using System;
using Osprey;
class P {{
    static string log = "";
    static void Deep(int n, bool fcall) {{
        try {{
            if (n > 0) Deep(n - 1, fcall);
            else if (fcall) TransitionProbe.FCallRepeat("x", -1);
            else TransitionProbe.Raise("deep");
        }} finally {{ log += "f" + n + " "; }}
    }}
    static bool Filter(string s, bool r) {{ log += "filter-" + s + " "; return r; }}
    static bool Throws() {{ log += "throwing-filter "; throw new FormatException("in a filter"); }}
    static int Main() {{
{body}
        return 0;
    }}
}}
"#
    );
    let o = common::run(name, common::compile(name, &source, true), &[]);
    assert_eq!(o.error, None);
    assert_eq!(o.exit_code, 0);
    o.stdout
}

#[test]
fn exceptions_from_qcalls_and_fcalls_unwind_through_managed_frames() {
    let out = against_corelib(
        "eh_native",
        r#"
        try { Deep(2, false); }
        catch (InvalidOperationException e) when (Filter("qcall", e.Message == "deep")) { log += "caught:" + e.Message; }
        Console.WriteLine(log);
        log = "";
        try { Deep(1, true); }
        catch (InvalidOperationException) when (Filter("wrong-type", true)) { log += "wrong"; }
        catch (ArgumentOutOfRangeException e) when (Filter("fcall", true)) { log += "caught:" + e.GetType().Name; }
        Console.WriteLine(log);
        log = "";
        // The trace of an exception raised by a QCall starts at the
        // QCall's managed caller and goes on through the frames it left.
        try { Deep(0, false); }
        catch (Exception e) { Console.WriteLine(e.StackTrace.Contains("P.Deep") + " " + e.StackTrace.Contains("TransitionProbe.Raise")); }
        "#,
    );
    assert_eq!(
        out,
        "filter-qcall f0 f1 f2 caught:deep\nfilter-fcall f0 f1 caught:ArgumentOutOfRangeException\nTrue True\n"
    );
}

const RETHROW: &str = r#"
using System;
using System.Runtime.CompilerServices;
class P {
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Thrower(string m) { throw new InvalidOperationException(m); }
    static void Main() {
        try {
            try { Thrower("r"); }
            catch (Exception) { throw; }
        } catch (Exception e) { Console.WriteLine("rethrow keeps Thrower: " + e.StackTrace.Contains("Thrower")); }
    }
}
"#;

/// `throw;` keeps the trace of the exception it rethrows (mono 6.8 and
/// .NET both show the throwing frame); `samples/eh-rethrow-trace` compares
/// whole traces.
#[test]
fn rethrow_keeps_the_throwing_frame_in_the_trace() {
    let out = same_as_mono("eh_rethrow", RETHROW);
    assert_eq!(out, "rethrow keeps Thrower: True\n");
}

/// ECMA-335 II.19: an exception escaping a filter is swallowed and the
/// filter counts as false (CoreCLR does this; mono 6.8 does not always,
/// so this is not compared with mono).
#[test]
fn a_filter_that_throws_counts_as_false() {
    let out = against_corelib(
        "eh_throwing_filter",
        r#"
        try {
            try { throw new ArgumentException("a"); }
            catch (ArgumentException) when (Throws()) { log += "wrong "; }
            catch (ArgumentException e) when (Filter("next", true)) { log += "next:" + e.Message + " "; }
        } catch (FormatException) { log += "filter-exception-escaped "; }
        Console.WriteLine(log);
        log = "";
        try {
            try { TransitionProbe.Raise("q"); }
            catch (InvalidOperationException) when (Throws()) { log += "wrong "; }
            finally { log += "finally "; }
        } catch (InvalidOperationException e) { log += "outer:" + e.Message; }
        Console.WriteLine(log);
        "#,
    );
    assert_eq!(
        out,
        "throwing-filter filter-next next:a \nthrowing-filter finally outer:q\n"
    );
}
