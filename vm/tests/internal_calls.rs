//! Every kind of call between managed code and the runtime, exercised from
//! managed code (programs compiled against corelib, which can reach
//! `Osprey.TransitionProbe`), and Rust calling managed code through the
//! call-site API.

mod common;

use osprey_binder::BoundMethod;
use osprey_vm::{Arg, CallSite, Value};

fn probe(name: &str, body: &str) -> common::Outcome {
    let source = format!(
        "using System;\nusing Osprey;\nclass P {{\n static int Main(string[] args) {{\n{body}\n return 0;\n }}\n}}\n"
    );
    common::run(name, common::compile(name, &source, true), &[])
}

#[test]
fn fcall_returning_a_primitive_and_an_object() {
    let o = probe(
        "fcall_values",
        r#"Console.WriteLine(TransitionProbe.FCallNop(41));
           Console.WriteLine(TransitionProbe.FCallAsString("an object"));
           Console.WriteLine(TransitionProbe.FCallAsString(null) == null);"#,
    );
    assert_eq!(o.error, None);
    assert_eq!(o.stdout, "42\nan object\nTrue\n");
}

#[test]
fn fcall_with_a_helper_frame_that_allocates() {
    let o = probe(
        "fcall_helper_frame",
        r#"Console.WriteLine(TransitionProbe.FCallHelperFrameNop(1));
           Console.WriteLine(TransitionProbe.FCallRepeat("ab", 3));
           Console.WriteLine(TransitionProbe.FCallRepeat("", 5).Length);
           string s = "xyz";
           for (int i = 0; i < 1000; i++) s = TransitionProbe.FCallRepeat(s, 1);
           Console.WriteLine(s);"#,
    );
    assert_eq!(o.error, None);
    assert_eq!(o.stdout, "2\nababab\n0\nxyz\n");
}

#[test]
fn fcall_that_raises_after_returning() {
    let o = probe(
        "fcall_raise",
        r#"Console.WriteLine("before"); TransitionProbe.FCallRepeat("x", -1);"#,
    );
    assert_eq!(o.stdout, "before\n");
    let err = o.error.expect("the exception must surface");
    assert!(
        err.starts_with("System.ArgumentOutOfRangeException: Specified argument was out of the range of valid values.\n  at P.Main (System.String[] args) [0x0000a] in <"),
        "{err}"
    );
}

#[test]
fn qcall_with_a_string_in_and_a_string_out() {
    let o = probe(
        "qcall_strings",
        r#"Console.WriteLine(TransitionProbe.Echo("pre-", "fix"));
           Console.WriteLine(TransitionProbe.Echo(null, "only text"));
           Console.WriteLine(TransitionProbe.Echo("p", null) == null);
           Console.WriteLine(TransitionProbe.Echo("", "caf\u00e9 \u03bb"));"#,
    );
    assert_eq!(o.error, None);
    assert_eq!(o.stdout, "pre-fix\nonly text\nTrue\ncafé λ\n");
}

#[test]
fn qcall_strings_keep_embedded_nuls_and_unpaired_surrogates() {
    let o = probe(
        "qcall_nul",
        r#"string s = TransitionProbe.Echo("a\0b", "\0c\0");
           Console.WriteLine(s.Length);
           Console.WriteLine(s);
           Console.WriteLine((int)s[1] + " " + (int)s[3] + " " + (int)s[5]);
           Console.WriteLine(TransitionProbe.Echo("", "\0").Length);
           Console.WriteLine(TransitionProbe.Echo("\0", "").Length);
           string lone = TransitionProbe.Echo("\ud800", "x\udc00");
           Console.WriteLine(lone.Length + " " + (int)lone[0] + " " + (int)lone[2]);"#,
    );
    assert_eq!(o.error, None);
    assert_eq!(o.stdout, "6\na\0b\0c\0\n0 0 0\n1\n1\n3 55296 56320\n");
}

#[test]
fn qcall_argument_errors_name_the_parameter() {
    let o = probe(
        "qcall_argument",
        r#"for (int kind = 2; kind <= 4; kind++) {
               try { TransitionProbe.RaiseKind(kind); }
               catch (ArgumentException e) { Console.WriteLine(e.GetType() + ": " + e.Message); }
           }
           Console.WriteLine(TransitionProbe.RaiseKind(9));"#,
    );
    assert_eq!(o.error, None);
    assert_eq!(
        o.stdout,
        "System.ArgumentException: Must be even.\nParameter name: value\n\
         System.ArgumentNullException: Value cannot be null.\nParameter name: value\n\
         System.ArgumentOutOfRangeException: Must be small.\nParameter name: value\n\
         9\n"
    );
}

#[test]
fn qcall_bool_marshaling_and_suppressed_transition() {
    let o = probe(
        "qcall_bool",
        r#"Console.WriteLine(TransitionProbe.IsEven(4, false));
           Console.WriteLine(TransitionProbe.IsEven(4, true));
           Console.WriteLine(TransitionProbe.IsEven(7, false));
           Console.WriteLine(TransitionProbe.QCallNop(1));
           Console.WriteLine(TransitionProbe.QCallNopSuppressed(2));
           Console.WriteLine(TransitionProbe.LoopQCall(10000));
           Console.WriteLine(TransitionProbe.LoopQCallSuppressed(10000));"#,
    );
    assert_eq!(o.error, None);
    assert_eq!(o.stdout, "True\nFalse\nFalse\n2\n3\n10000\n10000\n");
}

#[test]
fn qcall_error_surfaces_as_a_managed_exception() {
    let o = probe(
        "qcall_raise",
        r#"Console.WriteLine("before"); TransitionProbe.Raise("from a QCall");"#,
    );
    assert_eq!(o.stdout, "before\n");
    let err = o.error.expect("the exception must surface");
    assert!(
        err.starts_with("System.InvalidOperationException: from a QCall\n  at Osprey.TransitionProbe.Raise (System.String message) [0x")
            && err.contains("\n  at P.Main (System.String[] args) [0x0000a] in <"),
        "{err}"
    );
}

#[test]
fn rust_panic_in_a_qcall_surfaces_as_a_managed_exception() {
    let o = probe(
        "qcall_panic",
        r#"Console.WriteLine("before"); TransitionProbe.Panic(5);"#,
    );
    assert_eq!(o.stdout, "before\n");
    let err = o.error.expect("the panic must surface");
    assert!(
        err.starts_with("System.Runtime.InteropServices.ExternalException: a QCall panicked: deliberate panic in a QCall (x = 5)"),
        "{err}"
    );
}

#[test]
fn environment_and_stopwatch_from_a_program_compiled_against_mscorlib() {
    let source = r#"using System; using System.Diagnostics;
class P { static int Main() {
    string home = Environment.GetEnvironmentVariable("PATH");
    Console.WriteLine(home != null && home.Length > 0);
    Console.WriteLine(Environment.GetEnvironmentVariable("OSPREY_SURELY_NOT_SET_12345") == null);
    long a = Stopwatch.GetTimestamp();
    long b = Stopwatch.GetTimestamp();
    Console.WriteLine(b >= a);
    Console.WriteLine(Stopwatch.Frequency > 1000000);
    Stopwatch sw = Stopwatch.StartNew();
    sw.Stop();
    Console.WriteLine(sw.ElapsedMilliseconds >= 0);
    return 0; } }"#;
    let o = common::run(
        "env_stopwatch",
        common::compile("env_stopwatch", source, false),
        &[],
    );
    assert_eq!(o.error, None);
    assert_eq!(o.stdout, "True\nTrue\nTrue\nTrue\nTrue\n");
}

#[test]
fn rust_calls_a_managed_method_with_arguments_and_a_result() {
    let source = "class P { static int Main() { return 0; } }";
    let bytes = common::compile("callsite", source, false);
    let result = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let r2 = result.clone();
    let o = common::run_with("callsite", bytes, &[], move |rt, thread| {
        let combine =
            CallSite::new(rt, rt.bound_method(BoundMethod::TransitionProbeCombine)).unwrap();
        // Objects are created and rooted in cooperative mode.
        thread.cooperative(|thread| {
            let s = rt.new_string(thread, "four").unwrap();
            let v = combine
                .call(thread, &[Arg::I4(3), Arg::I8(5), Arg::from(&s)])
                .unwrap();
            r2.lock().unwrap().push(format!("{v:?}"));
        });
        let v = combine
            .call(thread, &[Arg::I4(-1), Arg::I8(1 << 40), Arg::Ref(None)])
            .unwrap();
        r2.lock().unwrap().push(format!("{v:?}"));
        // Wrong arity is an error, not a crash.
        let e = combine.call(thread, &[Arg::I4(1)]);
        assert!(e.is_err());
        // Nothing stays rooted.
        assert_eq!(thread.rooted_count(), 0);
    });
    assert_eq!(o.error, None);
    let r = result.lock().unwrap();
    assert_eq!(r[0], format!("{:?}", Value::I8(3 + 50 + 400)));
    assert_eq!(r[1], format!("{:?}", Value::I8(-1 + (1 << 40) * 10 - 100)));
}

#[test]
fn every_corelib_internal_call_is_bound_and_every_registration_used() {
    let o = common::run_with(
        "binding_report",
        common::compile(
            "binding_report",
            "class P { static int Main() { return 0; } }",
            false,
        ),
        &[],
        |rt, _| {
            let report = rt.native_binding_report().expect("corelib loads");
            assert!(report.is_clean(), "\n{report}");
        },
    );
    assert_eq!(o.error, None);
}

/// Calling an internal call or QCall that nothing is registered for is a
/// MissingMethodException whose message is the registration to add: the
/// FCall's exact signature text, the QCall's EntryPoint, and the doc. (A
/// P/Invoke of a missing entry point is an EntryPointNotFoundException
/// naming the entry point and the library, at its first call.)
#[test]
fn unregistered_internal_calls_name_the_registration_they_need() {
    let source = r#"using System; using System.Runtime.CompilerServices; using System.Runtime.InteropServices;
class P {
    [MethodImpl(MethodImplOptions.InternalCall)]
    static extern unsafe uint NotRegistered(char* p, float f, string[] a, ref long r, object o);
    [DllImport("QCall", EntryPoint = "P_NotRegistered")]
    static extern int QCallNotRegistered(int x);
    [DllImport("libc", EntryPoint = "osprey_no_such_function")]
    static extern int NoSuchFunction();
    static unsafe int Main(string[] args) {
        long r = 0;
        if (args[0] == "fcall") NotRegistered(null, 1f, null, ref r, null);
        if (args[0] == "qcall") QCallNotRegistered(1);
        if (args[0] == "pinvoke") NoSuchFunction();
        return 0;
    }
}"#;
    let bytes = common::compile("unregistered", source, false);
    for (arg, expected) in [
        (
            "fcall",
            "System.MissingMethodException: no FCall is registered for the internal call P::NotRegistered: \
             add `FCall { class: \"P\", method: \"NotRegistered\", sig: \"uint32(char*,float32,string[],int64&,object)\", \
             address: ..., flags: ... }` to FCALLS in vm/src/fcall/mod.rs (see docs/internal-calls.md)",
        ),
        (
            "qcall",
            "System.MissingMethodException: no QCall is registered for EntryPoint \"P_NotRegistered\" \
             (declared by P::QCallNotRegistered): add `QCallEntry { name: \"P_NotRegistered\", address: ... }` \
             to ENTRIES in qcall/src/lib.rs (see docs/internal-calls.md)",
        ),
        (
            "pinvoke",
            "System.EntryPointNotFoundException: Unable to find an entry point named 'osprey_no_such_function' \
             in shared library 'libc'.",
        ),
    ] {
        let o = common::run(&format!("unregistered_{arg}"), bytes.clone(), &[arg]);
        // The exception, without the stack trace that follows it.
        let first = o.error.as_deref().map(|e| e.split("\n  at ").next().unwrap_or(e));
        assert_eq!(first, Some(expected), "{arg}");
    }
}

#[test]
fn exceptions_from_fcalls_and_qcalls_are_caught_in_csharp() {
    let o = probe(
        "internal_call_catch",
        r#"try { TransitionProbe.Raise("from a QCall"); }
           catch (InvalidOperationException e) { Console.WriteLine("qcall: " + e.Message); }
           try { TransitionProbe.FCallRepeat("x", -1); }
           catch (ArgumentOutOfRangeException e) { Console.WriteLine("fcall: " + e.GetType().Name); }
           try { TransitionProbe.Panic(7); }
           catch (System.Runtime.InteropServices.ExternalException e) { Console.WriteLine("panic: " + e.Message); }
           int caught = 0;
           for (int i = 0; i < 1000; i++) {
               try { TransitionProbe.Raise("again"); } catch (InvalidOperationException) { caught++; }
           }
           Console.WriteLine(caught);
           Console.WriteLine(TransitionProbe.Echo("still ", "fine"));"#,
    );
    assert_eq!(o.error, None);
    assert_eq!(
        o.stdout,
        "qcall: from a QCall\nfcall: ArgumentOutOfRangeException\npanic: a QCall panicked: deliberate panic in a QCall (x = 7)\n1000\nstill fine\n"
    );
}

/// The walkthrough's FCall and QCall (docs/internal-calls.md), called from
/// a program compiled against corelib.
#[test]
fn walkthrough_fcall_and_qcall() {
    let o = probe(
        "walkthrough",
        r#"Console.WriteLine(Walkthrough.Adler32("Wikipedia"));
           Console.WriteLine(Walkthrough.Adler32(""));
           Console.WriteLine(Walkthrough.Repeat("ab", 3, '-'));
           Console.WriteLine(Walkthrough.Repeat("x", 0, '-').Length);
           try { Walkthrough.Repeat("ab", -1, '-'); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
           try { Walkthrough.Repeat("abcdefgh", 1 << 22, ','); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
           try { Walkthrough.Adler32(null); } catch (ArgumentNullException e) { Console.WriteLine(e.GetType().Name); }"#,
    );
    assert_eq!(o.error, None);
    // zlib.adler32("Wikipedia".encode("utf-16-le")) == 600572824.
    assert_eq!(
        o.stdout,
        "600572824\n1\nab-ab-ab\n0\ntimes must not be negative\nParameter name: times\n\
         the result would be too long\nParameter name: times\nArgumentNullException\n"
    );
}

/// docs/internal-calls.md's walkthrough shows the files it creates as they
/// are (`<!-- walkthrough-file: PATH -->` before a code block) and the
/// registrations it adds as they are in their tables
/// (`<!-- walkthrough-snippet: PATH -->`).
#[test]
fn the_walkthrough_shows_the_code_as_it_is() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let doc = std::fs::read_to_string(root.join("docs/internal-calls.md")).unwrap();
    let mut checked = 0;
    for (marker, whole) in [
        ("<!-- walkthrough-file: ", true),
        ("<!-- walkthrough-snippet: ", false),
    ] {
        for (at, _) in doc.match_indices(marker) {
            let rest = &doc[at + marker.len()..];
            let path = &rest[..rest.find(" -->").unwrap()];
            let block = &rest[rest.find("```").unwrap()..];
            let body_start = block.find('\n').unwrap() + 1;
            let body = &block[body_start..body_start + block[body_start..].find("```").unwrap()];
            let file =
                std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            if whole {
                assert_eq!(
                    body, file,
                    "docs/internal-calls.md shows {path} differently"
                );
            } else {
                assert!(
                    file.contains(body),
                    "{path} does not contain, as docs/internal-calls.md shows:\n{body}"
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 5, "three files and two registrations");
}
