//! The build-time check of the FCall list (vm/build.rs): every registration
//! must name a corelib internal call with exactly its signature, and a
//! mismatch names the registration's line and what corelib declares.

#[path = "../src/loader/names.rs"]
#[allow(dead_code)]
mod names;

#[path = "../build/fcall_registrations.rs"]
mod fcall_registrations;

use fcall_registrations::{check, registrations};

fn real_table() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/fcall/mod.rs")).unwrap()
}

#[test]
fn the_real_table_matches_corelib() {
    let regs = registrations(&real_table()).expect("the table parses");
    assert!(regs.len() > 50, "{} registrations", regs.len());
    assert!(regs
        .iter()
        .any(|r| r.class == "System.Math" && r.method == "Sqrt" && r.sig == "float64(float64)"));
    let problems = check(&regs, osprey_corelib::CORELIB_DLL).unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_wrong_signature_names_the_line_and_the_declared_one() {
    let source = real_table().replacen(
        "method: \"Sqrt\",\n        sig: \"float64(float64)\",",
        "method: \"Sqrt\",\n        sig: \"double(double)\",",
        1,
    );
    let regs = registrations(&source).unwrap();
    let line = regs.iter().find(|r| r.method == "Sqrt").unwrap().line;
    assert!(source
        .lines()
        .nth(line - 1)
        .unwrap()
        .trim_start()
        .starts_with("FCall {"));
    let problems = check(&regs, osprey_corelib::CORELIB_DLL).unwrap();
    assert_eq!(
        problems,
        [format!(
            "vm/src/fcall/mod.rs:{line}: the FCall System.Math::Sqrt is registered with sig \"double(double)\", \
             but corelib declares it as \"float64(float64)\" (docs/internal-calls.md: the sig grammar)"
        )]
    );
}

#[test]
fn every_kind_of_mistake_is_reported_at_once() {
    let source = r#"
pub static FCALLS: &[FCall] = &[
    FCall {
        class: "System.Math",
        method: "NoSuchMethod",
        sig: "void()",
        address: a as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Max",
        sig: "int32(int32,int32)",
        address: a as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Max",
        sig: "void()",
        address: a as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Diagnostics.Stopwatch",
        method: "GetTimestamp",
        sig: "int64()",
        address: a as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Diagnostics.Stopwatch",
        method: "GetTimestamp",
        sig: "int64()",
        address: a as *const (),
        flags: 0,
    },
];
"#;
    let regs = registrations(source).unwrap();
    assert_eq!(
        regs.iter().map(|r| r.line).collect::<Vec<_>>(),
        [3, 10, 17, 24, 31]
    );
    let problems = check(&regs, osprey_corelib::CORELIB_DLL).unwrap();
    let expected = [
        ":3: the FCall System.Math::NoSuchMethod is registered, but corelib declares no method System.Math::NoSuchMethod",
        ":10: the FCall System.Math::Max \"int32(int32,int32)\" is registered, but corelib's method is not an internal call",
        ":17: the FCall System.Math::Max \"void()\" is registered, but no System.Math::Max of corelib is an internal call",
        ":31: the FCall System.Diagnostics.Stopwatch::GetTimestamp \"int64()\" is registered twice (first at line 24)",
    ];
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    for (p, e) in problems.iter().zip(expected) {
        assert!(
            p.starts_with("vm/src/fcall/mod.rs:") && p.contains(e),
            "{p}\nshould contain\n{e}"
        );
    }
}

#[test]
fn a_table_it_cannot_read_is_an_error() {
    assert!(registrations("no table here").is_err());
    let err = registrations(
        "pub static FCALLS: &[FCall] = &[\n    FCall {\n        class: System,\n    },\n];",
    )
    .unwrap_err();
    assert!(err.contains("must be a string literal"), "{err}");
}
