//! The IL verifier, the trust policy and metadata validation
//! (docs/verification.md), and every reproducer of issue 10, its files
//! copied into tests/repro/ (R13, which has no file, is tested in
//! tests/cli.rs).
//!
//! Verifier rules are tested in IL (tests/il/verify-*.il, assembled with
//! ilasm): mono has no verifier, so the expected outcomes are ECMA-335's and
//! are written here; verifiable programs are compared with mono.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn repo(path: &str) -> PathBuf {
    repo_root().join(path)
}

/// Assembles `il` (a path under the repository) with ilasm into a fresh
/// directory named `name`.
fn assemble(il: &str, name: &str) -> PathBuf {
    let dir = fresh_dir(name);
    let exe = dir.join(format!("{name}.exe"));
    let out = Command::new("ilasm")
        .arg("-quiet")
        .arg(format!("-output:{}", exe.display()))
        .arg(repo(il))
        .output()
        .expect("ilasm runs (mono-devel)");
    assert!(
        out.status.success(),
        "ilasm {il}: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    exe
}

/// Compiles a C# file of the repository without `-unsafe` (so the trust
/// policy verifies it in full) into a fresh directory.
fn compile(cs: &str, name: &str, flags: &[&str]) -> PathBuf {
    let dir = fresh_dir(name);
    let src = dir.join(format!("{name}.cs"));
    fs::copy(repo(cs), &src).unwrap();
    compile_cs(&src, &dir, flags).unwrap_or_else(|e| panic!("{e}"))
}

/// Runs `osprey run OPTS EXE` with `env`, and fails on a crash or timeout.
fn run(exe: &Path, opts: &[&str], env: &[(&str, &str)]) -> RunOutput {
    let opts: Vec<String> = opts.iter().map(|s| s.to_string()).collect();
    let env: Vec<_> = env.iter().map(|(k, v)| (k.into(), v.into())).collect();
    let r = run_osprey(exe, &[], &opts, &env, None, DEFAULT_TIMEOUT).unwrap();
    assert!(
        !r.timed_out && !r.panicked() && r.status.code().is_some(),
        "osprey run {opts:?} {}: {}\nstderr:\n{}",
        exe.display(),
        describe_status(&r.status),
        tail(&r.stderr_lossy(), 3000)
    );
    r
}

/// Fails unless Osprey's stdout and exit code are mono's.
fn same_as_mono(exe: &Path, run: &RunOutput, what: &str) {
    let mono = run_mono(exe, &[], None, DEFAULT_TIMEOUT).unwrap();
    if let Err(report) = compare_runs("mono", &mono, "osprey", run, DEFAULT_TIMEOUT) {
        panic!("{what}\n{report}");
    }
}

/// Fails unless `run` ended with the unhandled managed exception `exception`
/// (exit code 1, the `Unhandled exception.` report) whose text contains
/// every one of `words`.
fn unhandled(run: &RunOutput, exception: &str, words: &[&str], what: &str) {
    let stderr = run.stderr_lossy();
    let line = stderr
        .lines()
        .find(|l| l.starts_with("Unhandled exception. "))
        .unwrap_or_else(|| panic!("{what}: no unhandled exception; stderr:\n{stderr}"));
    assert!(
        line.starts_with(&format!("Unhandled exception. {exception}: ")),
        "{what}: expected {exception}; stderr:\n{stderr}"
    );
    for w in words {
        assert!(line.contains(w), "{what}: {w:?} not in:\n{line}");
    }
    assert_eq!(run.code(), Some(1), "{what}: exit code; stderr:\n{stderr}");
}

// ---------------------------------------------------------------------------
// Rules, one case each (tests/il/verify-rules.il)

/// What a case of verify-rules.il prints in a mode: `ok` or the type of
/// the exception it raised and the text its message must contain.
enum Outcome {
    Ok,
    Raises(&'static str, &'static str),
}

const INVALID: &str = "System.InvalidProgramException";
const UNVERIFIABLE: &str = "System.Security.VerificationException";

/// Each case, the rule its message names, and its class: `t` type safety
/// (always invalid), `v` verifiability, `u` unsafe code.
const CASES: &[(&str, &str, char)] = &[
    (
        "ts_field_owner",
        "field access on an object of another type",
        't',
    ),
    ("ts_this_type", "call on an object of another type", 't'),
    ("ts_argument", "argument of the wrong type", 't'),
    ("ts_store", "value of the wrong type stored", 't'),
    (
        "ts_pointer_target",
        "access through a managed pointer to another type",
        't',
    ),
    (
        "ts_array_element",
        "array access of the wrong element type",
        't',
    ),
    (
        "ts_merge",
        "incompatible types where control flow merges",
        't',
    ),
    (
        "ts_delegate_signature",
        "delegate over a method of another signature",
        't',
    ),
    (
        "ts_instruction_kind",
        "instruction applied to the wrong kind of member or type",
        't',
    ),
    (
        "ts_branch_out_of_try",
        "control transfer into or out of an exception region",
        't',
    ),
    (
        "ts_branch_into_try",
        "control transfer into or out of an exception region",
        't',
    ),
    (
        "v_byref_escape",
        "managed pointer to the method's own frame escapes it",
        'v',
    ),
    (
        "v_readonly_pointer",
        "write through a read-only managed pointer",
        'v',
    ),
    (
        "v_initonly",
        "initonly field written outside its constructor",
        'v',
    ),
    (
        "v_uninit_this",
        "use of this before the base constructor runs",
        'v',
    ),
    (
        "v_this_replaced",
        "use of this before the base constructor runs",
        'v',
    ),
    (
        "v_constructor_call",
        "constructor called outside object construction",
        'v',
    ),
    (
        "v_nonvirtual_call",
        "non-virtual call of a virtual method on another object",
        'v',
    ),
    (
        "v_delegate_pattern",
        "function pointer used outside the delegate construction pattern",
        'v',
    ),
    ("v_abstract", "call of an abstract method", 'v'),
    (
        "v_valuetype_callvirt",
        "callvirt of a value type's method",
        'v',
    ),
    ("v_interface", "value may not implement the interface", 'v'),
    (
        "v_tail_call",
        "tail call that cannot replace the caller",
        'v',
    ),
    ("v_prefix", "misplaced prefix", 'v'),
    (
        "v_handler_exit",
        "handler exit instruction out of place",
        'v',
    ),
    ("v_numeric", "operands of different numeric kinds", 'v'),
    (
        "v_unknown_type",
        "value of a type the verifier cannot track",
        'v',
    ),
    (
        "u_pointer",
        "unmanaged pointer or managed pointer arithmetic",
        'u',
    ),
    ("u_localloc", "localloc", 'u'),
    ("u_block_operation", "block memory operation", 'u'),
    (
        "ts_calli_signature",
        "calli through a function pointer of another signature",
        't',
    ),
    (
        "u_calli",
        "calli through an untracked or unmanaged function pointer",
        'u',
    ),
    (
        "u_calli_unmanaged",
        "calli through an untracked or unmanaged function pointer",
        'u',
    ),
];

/// Checks every case's line of `out` against `expect(class)`.
fn check_cases(out: &str, mode: &str, expect: impl Fn(&str, char) -> Outcome) {
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        CASES.len(),
        "{mode}: one line per case:\n{out}"
    );
    for (line, &(name, rule, class)) in lines.iter().zip(CASES) {
        let rest = line
            .strip_prefix(name)
            .and_then(|r| r.strip_prefix(": "))
            .unwrap_or_else(|| panic!("{mode}: expected case {name}, got: {line}"));
        match expect(name, class) {
            Outcome::Ok => assert_eq!(rest, "ok", "{mode}: {name} should run"),
            Outcome::Raises(exception, text) => {
                assert!(
                    rest.starts_with(&format!("{exception}: ")),
                    "{mode}: {name} should raise {exception}: {line}"
                );
                assert!(
                    rest.contains(text),
                    "{mode}: {name}: {text:?} not in {line}"
                );
                if exception == INVALID || exception == UNVERIFIABLE {
                    // The message names the rule, the method and the offset.
                    assert!(rest.contains(rule), "{mode}: {name} names {rule:?}: {line}");
                    assert!(
                        rest.contains(" at IL_"),
                        "{mode}: {name} names the offset: {line}"
                    );
                    assert!(
                        rest.contains("::"),
                        "{mode}: {name} names the method: {line}"
                    );
                }
            }
        }
    }
}

/// The module is marked [UnverifiableCode] (as mcs -unsafe marks its
/// output): by default only the type-safety rules are enforced.
#[test]
fn type_safety_rules_hold_in_code_allowed_to_be_unverifiable() {
    let exe = assemble("tests/il/verify-rules.il", "verify-rules-default");
    let r = run(&exe, &[], &[]);
    assert_eq!(r.code(), Some(0), "stderr:\n{}", r.stderr_lossy());
    check_cases(&r.stdout_lossy(), "default", |name, class| match class {
        't' => Outcome::Raises(INVALID, "Invalid IL code in Cases::"),
        // Allowed to run: allocating an abstract class still fails.
        _ if name == "v_abstract" => Outcome::Raises("System.MemberAccessException", "Abs"),
        _ => Outcome::Ok,
    });
}

/// `osprey run --verify`: every rule, whatever the assembly's permissions.
#[test]
fn verify_option_enforces_every_rule() {
    let exe = assemble("tests/il/verify-rules.il", "verify-rules-verify");
    let r = run(&exe, &["--verify"], &[]);
    assert_eq!(r.code(), Some(0), "stderr:\n{}", r.stderr_lossy());
    check_cases(&r.stdout_lossy(), "--verify", |_, class| match class {
        't' => Outcome::Raises(INVALID, "Invalid IL code in "),
        _ => Outcome::Raises(UNVERIFIABLE, "unverifiable IL in "),
    });
}

/// `OSPREY_VERIFY=1`: every rule but the unsafe-code ones, also in code
/// allowed to be unverifiable.
#[test]
fn verify_all_enforces_all_but_unsafe_code_rules() {
    let exe = assemble("tests/il/verify-rules.il", "verify-rules-all");
    let r = run(&exe, &[], &[("OSPREY_VERIFY", "1")]);
    assert_eq!(r.code(), Some(0), "stderr:\n{}", r.stderr_lossy());
    check_cases(
        &r.stdout_lossy(),
        "OSPREY_VERIFY=1",
        |_, class| match class {
            't' => Outcome::Raises(INVALID, "Invalid IL code in "),
            'v' => Outcome::Raises(UNVERIFIABLE, "unverifiable IL in "),
            _ => Outcome::Ok,
        },
    );
}

#[test]
fn a_bad_osprey_verify_value_is_a_usage_error() {
    let exe = assemble("tests/il/verify-policy.il", "verify-bad-env");
    let r = run(&exe, &[], &[("OSPREY_VERIFY", "yes")]);
    assert_eq!(r.code(), Some(1));
    assert!(
        r.stderr_lossy()
            .lines()
            .any(|l| l.starts_with("error: OSPREY_VERIFY: unknown value 'yes'")),
        "stderr:\n{}",
        r.stderr_lossy()
    );
}

/// An assembly not marked [UnverifiableCode] must be verifiable: its
/// unverifiable and unsafe methods raise VerificationException by default.
#[test]
fn assemblies_not_marked_unsafe_are_verified_in_full() {
    let exe = assemble("tests/il/verify-policy.il", "verify-policy");
    let r = run(&exe, &[], &[]);
    assert_eq!(r.code(), Some(0), "stderr:\n{}", r.stderr_lossy());
    assert_eq!(
        r.stdout_lossy(),
        "verifiable code runs\nSystem.Security.VerificationException\nSystem.Security.VerificationException\n"
    );
}

// ---------------------------------------------------------------------------
// What the verifier must accept

/// Verifiable IL compilers seldom emit, run verified, prints what mono prints.
#[test]
fn verifiable_il_runs_verified_as_on_mono() {
    let exe = assemble("tests/il/verify-accept.il", "verify-accept");
    let r = run(&exe, &["--verify"], &[]);
    same_as_mono(&exe, &r, "verify-accept.il with --verify");
}

/// C# compiled without -unsafe is verified in full by default: merges of
/// object types (mcs leaves interface conversions at merges implicit) and
/// common idioms and generic code (tests/verify/).
#[test]
fn csharp_without_unsafe_code_runs_verified_as_on_mono() {
    for name in ["merges", "idioms", "generics"] {
        let exe = compile(
            &format!("tests/verify/{name}.cs"),
            &format!("verify-{name}"),
            &[],
        );
        let r = run(&exe, &[], &[]);
        same_as_mono(&exe, &r, name);
    }
}

/// Every sample without unsafe code runs under `--verify` as on mono (the
/// samples with unsafe code are checked with OSPREY_VERIFY=1 by .ci/run).
#[test]
fn samples_without_unsafe_code_run_verified() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for sample in discover_samples().into_iter().filter_map(Result::ok) {
        let source = fs::read_to_string(&sample.source).unwrap();
        if source.contains("unsafe") {
            continue;
        }
        checked += 1;
        let opts = CheckOptions::default().opt("--verify");
        if let Err(e) = check_sample(&sample, &opts) {
            failures.push(format!("{}: {e}", sample.name));
        }
    }
    assert!(checked > 20, "only {checked} samples without unsafe code");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// ---------------------------------------------------------------------------
// Metadata validation and size limits

/// Sizes up to the CLR's limit load; past it (instances, or a type's static
/// fields together), TypeLoadException; a frame over 1 GiB is invalid; a
/// field of a managed-pointer type is a TypeLoadException; large structs
/// are copied whole. (mono limits value
/// types to 1 MiB, so this is not compared with it: Osprey follows CoreCLR.)
#[test]
fn size_limits_follow_the_clr() {
    let exe = assemble("tests/il/size-limits.il", "size-limits");
    let r = run(&exe, &[], &[]);
    assert_eq!(r.code(), Some(0), "stderr:\n{}", r.stderr_lossy());
    assert_eq!(
        r.stdout_lossy(),
        "134217721\nSystem.TypeLoadException\nSystem.InvalidProgramException\n\
         System.TypeLoadException\nSystem.TypeLoadException\n42\n77\nkept\n0\n"
    );
}

/// Class hierarchies load as deep as the loader's nesting limit, and past
/// it fail with a TypeLoadException instead of overflowing the stack.
#[test]
fn deep_class_hierarchies_are_bounded() {
    let dir = fresh_dir("verify-deep-hierarchy");
    for (n, ok) in [(200, true), (400, false)] {
        let mut src = String::from("using System;\nclass C0 { public int V = 1; }\n");
        for i in 1..n {
            src += &format!("class C{i} : C{} {{ }}\n", i - 1);
        }
        src += &format!(
            "class P {{ static void Main() {{ Console.WriteLine(new C{}().V); }} }}\n",
            n - 1
        );
        let cs = dir.join(format!("deep{n}.cs"));
        fs::write(&cs, src).unwrap();
        let exe = compile_cs(&cs, &dir, &[]).unwrap_or_else(|e| panic!("{e}"));
        let r = run(&exe, &[], &[]);
        if ok {
            same_as_mono(&exe, &r, "a 200-deep class hierarchy");
        } else {
            unhandled(
                &r,
                "System.TypeLoadException",
                &["nest too deeply"],
                "400 deep",
            );
        }
    }
}

// ---------------------------------------------------------------------------
// The reproducers of issue 10 (copied into tests/repro/)

/// R01: a TypeRef that is its own resolution scope.
#[test]
fn r01_typeref_scope_cycle_is_a_bad_image() {
    let r = run(&repo("tests/repro/R01_typeref_scope_cycle.exe"), &[], &[]);
    unhandled(
        &r,
        "System.BadImageFormatException",
        &["TypeRef 0x000002 is its own resolution scope"],
        "R01",
    );
}

/// R02: `ref arr[i]` on a covariant array raises ArrayTypeMismatchException
/// at the `ldelema` (its exact-type check), as on mono.
#[test]
fn r02_ldelema_checks_the_exact_element_type() {
    for name in [
        "R02_covariant_ref_elem",
        "R02b_covariant_ref_string_oob_read",
    ] {
        let exe = compile(&format!("tests/repro/{name}.cs"), name, &["-unsafe"]);
        let r = run(&exe, &[], &[]);
        same_as_mono(&exe, &r, name);
    }
    let exe = assemble("tests/repro/R02c_ldelema_wrong_type.il", "R02c");
    let r = run(&exe, &[], &[]);
    same_as_mono(&exe, &r, "R02c");
    unhandled(&r, "System.ArrayTypeMismatchException", &[], "R02c");
}

/// R03, R03b, R04, R07: object operands of another class are invalid IL,
/// rejected before the method runs (R07 under GC stress too).
#[test]
fn r03_r04_r07_type_confused_operands_are_invalid_il() {
    let cases = [
        (
            "R03",
            assemble("tests/repro/R03_stfld_struct_field_on_object.il", "R03"),
            "Program::Main at IL_000b: field access on an object of another type",
        ),
        (
            "R03b",
            repo("tests/repro/R03b_om_arrays_stfld_token.exe"),
            "Node::.ctor at IL_0008: field access on an object of another type",
        ),
        (
            "R04",
            assemble("tests/repro/R04_callvirt_wrong_class.il", "R04"),
            "Program::Main at IL_0005: call on an object of another type",
        ),
        (
            "R07",
            assemble(
                "tests/repro/R07_stfld_beyond_object_heap_corruption.il",
                "R07",
            ),
            "Program::Main at IL_000c: field access on an object of another type",
        ),
    ];
    for (name, exe, text) in &cases {
        let r = run(exe, &[], &[]);
        unhandled(&r, "System.InvalidProgramException", &[text], name);
    }
    let r = run(&cases[3].1, &[], &[("OSPREY_GCSTRESS", "1")]);
    unhandled(
        &r,
        "System.InvalidProgramException",
        &[cases[3].2],
        "R07 under GC stress",
    );
    assert_eq!(r.stdout_lossy(), "", "R07 must not run");
}

/// R05: a 2 GiB struct is past the CLR's size limit: TypeLoadException,
/// not a hang.
#[test]
fn r05_a_2gb_struct_is_a_type_load_exception() {
    let exe = assemble("tests/repro/R05_struct_2GB_initobj_jit_hang.il", "R05");
    let r = run(&exe, &[], &[]);
    assert!(
        r.elapsed < Duration::from_secs(20),
        "R05 took {:?}",
        r.elapsed
    );
    unhandled(
        &r,
        "System.TypeLoadException",
        &["'Huge'", "134217721 bytes"],
        "R05",
    );
}

/// R06: a type's kind must agree with the signatures naming it; a base type
/// must exist and not be sealed. The original programs run as on mono.
#[test]
fn r06_type_kinds_are_checked_against_signatures() {
    let r = run(&repo("tests/repro/R06_own2_Big_extends_null.exe"), &[], &[]);
    unhandled(
        &r,
        "System.TypeLoadException",
        &["'Big'", "ELEMENT_TYPE_VALUETYPE", "it is a class"],
        "R06 (Big extends null)",
    );
    let r = run(
        &repo("tests/repro/R06b_gcrefs_TypeDef4_extends.exe"),
        &[],
        &[],
    );
    unhandled(
        &r,
        "System.TypeLoadException",
        &[
            "'NodeException'",
            "base type System.Runtime.CompilerServices.RuntimeHelpers is sealed",
        ],
        "R06b (NodeException extends a sealed class)",
    );
    for name in ["R06_own2", "R06_kind"] {
        let exe = compile(&format!("tests/repro/{name}.cs"), name, &["-unsafe"]);
        let r = run(&exe, &[], &[]);
        same_as_mono(&exe, &r, name);
    }
}

/// R12: an interface with an instance field. ilasm makes such a field
/// static (R12_interface_instance_field.il); the .exe beside it is that
/// assembly with the field's `static` flag cleared (Field row 1, flags
/// 0x0016 to 0x0006).
#[test]
fn r12_interfaces_have_no_instance_fields() {
    let r = run(
        &repo("tests/repro/R12_interface_instance_field.exe"),
        &[],
        &[],
    );
    unhandled(
        &r,
        "System.TypeLoadException",
        &["'I'", "instance field 'f'"],
        "R12",
    );
}

/// Compiles `tests/repro/NAME.cs` (with `-unsafe`, as the reproducers'
/// README builds them), runs it with `env` and fails unless stdout and the
/// exit code are mono's.
fn repro_as_on_mono(name: &str, env: &[(&str, &str)]) {
    let exe = compile(&format!("tests/repro/{name}.cs"), name, &["-unsafe"]);
    let r = run(&exe, &[], env);
    same_as_mono(&exe, &r, &format!("{name} with {env:?}"));
}

/// R08, R09: GC holes (the runtime-built TypeInitializationException and
/// its message; a QCall's string result under the moving collector), at
/// stress interval 1 (heap verification on) with both collectors.
/// (samples/gc-type-initializer-message and gc-qcall-string-result are the
/// same programs, run at interval 1 by tests/gc.rs.)
#[test]
fn r08_r09_gc_holes_under_stress_with_both_collectors() {
    for name in ["R08_tie_gc_hole", "R09_qcall_string_gc_hole"] {
        for gc in ["generational", "marksweep"] {
            repro_as_on_mono(name, &[("OSPREY_GCSTRESS", "1"), ("OSPREY_GC", gc)]);
        }
    }
}

/// R10, R14: array-element compatibility and covariance (ECMA-335 I.8.7):
/// `(uint[])(object)new int[1]` is allowed, an `ICloneable[]` is an
/// `object[]`, as on mono (tests/cli.rs covers the nested arrays where
/// mono and .NET disagree).
#[test]
fn r10_r14_array_compatibility_as_on_mono() {
    repro_as_on_mono("R10_int_array_as_uint_array", &[]);
    repro_as_on_mono("R14_interface_array_covariance", &[]);
}

/// R11: Environment.Exit ends the process with its code (7), as on mono.
#[test]
fn r11_environment_exit() {
    repro_as_on_mono("R11_env_exit_and_readline_missing", &[]);
}

/// R11 with an argument: Console.ReadLine at the end of input is null, and
/// a line is read, as on mono.
#[test]
fn r11_console_readline_at_end_of_input() {
    let name = "R11_env_exit_and_readline_missing";
    let exe = compile(&format!("tests/repro/{name}.cs"), name, &["-unsafe"]);
    let args = ["x".to_string()];
    for stdin in [&b""[..], b"a line\n"] {
        let r = run_osprey(&exe, &args, &[], &[], Some(stdin), DEFAULT_TIMEOUT).unwrap();
        let mono = run_mono(&exe, &args, Some(stdin), DEFAULT_TIMEOUT).unwrap();
        if let Err(report) = compare_runs("mono", &mono, "osprey", &r, DEFAULT_TIMEOUT) {
            panic!("{name} x < {stdin:?}\n{report}");
        }
    }
}

/// R15: `stackalloc byte[0]` is a null pointer, so writing through it
/// raises NullReferenceException, as on mono.
#[test]
fn r15_stackalloc_of_zero_bytes_is_null() {
    repro_as_on_mono("R15_stackalloc_zero", &[]);
}

// R13 (configuration errors) has no file: tests/cli.rs
// bad_gc_configuration_is_a_usage_error_naming_the_variable runs its
// commands.

/// mcs's mixed-Nullable temporary (tests/verify/nullable_temporary.cs): a
/// reference-free value type's method on a pointer to another is the
/// unsafe-code Pointer rule. With -unsafe it runs as on mono (also with
/// OSPREY_VERIFY=1, which leaves unsafe code alone); under --verify it
/// raises VerificationException naming the rule.
#[test]
fn mcs_nullable_temporaries_are_unsafe_code_not_type_confusion() {
    let name = "nullable_temporary";
    let exe = compile(&format!("tests/verify/{name}.cs"), name, &["-unsafe"]);
    for env in [&[][..], &[("OSPREY_VERIFY", "1")]] {
        let r = run(&exe, &[], env);
        same_as_mono(&exe, &r, &format!("{name} with {env:?}"));
    }
    let r = run(&exe, &["--verify"], &[]);
    unhandled(
        &r,
        UNVERIFIABLE,
        &[
            "Program::Main at IL_",
            "(unmanaged pointer or managed pointer arithmetic)",
            "a method of System.Nullable`1[System.Byte] called on a managed pointer to System.Nullable`1[System.Int32]",
        ],
        name,
    );
}
