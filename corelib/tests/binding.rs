//! Programs are compiled against Mono's mscorlib and bind to corelib by
//! namespace and type name, and members by name and signature. This test
//! compiles `tests/host/Binding.cs` (which uses corelib's public surface)
//! against Mono's mscorlib and checks that every mscorlib type and member
//! it references exists in corelib.dll.
//!
//! Skipped (with a message) only when ikdasm is not installed.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Listing, MemberRef, Method};
use osprey_corelib::CORELIB_DLL_PATH;

/// Types mcs references by itself that corelib does not declare (the
/// runtime never needs to resolve them): `-unsafe` adds a
/// SecurityPermission request and [module: UnverifiableCode].
const NOT_NEEDED: &[&str] = &["System.Security.UnverifiableCodeAttribute"];

const MEMBER_OPCODES: &[&str] = &[
    "call",
    "callvirt",
    "newobj",
    "ldfld",
    "ldflda",
    "stfld",
    "ldsfld",
    "ldsflda",
    "stsfld",
    "ldftn",
    "ldvirtftn",
    "ldtoken",
];

fn compile_sample() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corelib-binding");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let exe = dir.join("binding.exe");
    let output = Command::new("mcs")
        .arg("-unsafe")
        .arg(format!("-out:{}", exe.display()))
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/host/Binding.cs"))
        .current_dir(&dir)
        .output()
        .expect("run mcs");
    assert!(
        output.status.success(),
        "mcs failed to compile tests/host/Binding.cs against Mono's mscorlib:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    exe
}

/// Every `[mscorlib]Type` named anywhere in the listing.
fn referenced_types(text: &str) -> BTreeSet<String> {
    let mut types = BTreeSet::new();
    for (start, _) in text.match_indices("[mscorlib]") {
        let rest = &text[start + "[mscorlib]".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || "_.`/".contains(c)))
            .unwrap_or(rest.len());
        types.insert(rest[..end].to_owned());
    }
    types
}

/// Every mscorlib member referenced by an instruction or a custom attribute.
fn referenced_members(listing: &Listing) -> Vec<MemberRef> {
    let mut refs = Vec::new();
    for method in listing.methods.values() {
        for (opcode, operand) in &method.body {
            if MEMBER_OPCODES.contains(&opcode.as_str()) && operand.contains("::") {
                let member = common::member_ref(operand);
                if member.class.contains("[mscorlib]") {
                    refs.push(member);
                }
            }
        }
    }
    // .custom instance void [mscorlib]X::.ctor(params) = ( ... ), possibly
    // wrapped over several lines.
    let lines: Vec<&str> = listing.text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.trim().strip_prefix(".custom ") else {
            continue;
        };
        if !rest.contains("[mscorlib]") {
            continue;
        }
        let mut text = rest.to_owned();
        let mut j = i + 1;
        while !text.contains(')') && j < lines.len() {
            text.push(' ');
            text.push_str(lines[j].trim());
            j += 1;
        }
        let ctor = text.split(" = (").next().unwrap();
        refs.push(common::member_ref(ctor));
    }
    refs
}

fn strip_generic_args(class: &str) -> String {
    let class = common::normalize(class);
    match class.find('<') {
        Some(i) => class[..i].to_owned(),
        None => class,
    }
}

fn resolves(
    member: &MemberRef,
    methods: &BTreeMap<(String, String), Vec<&Method>>,
    fields: &BTreeSet<(String, String)>,
) -> bool {
    let class = strip_generic_args(&member.class);
    let Some(params) = &member.params else {
        return fields.contains(&(class, member.name.clone()));
    };
    let Some(candidates) = methods.get(&(class.clone(), member.name.clone())) else {
        return false;
    };
    if class.contains('`') {
        // Members of generic types: signatures use !0 here and !T there;
        // the parameter count is enough.
        return candidates.iter().any(|m| m.params.len() == params.len());
    }
    let want_params: Vec<String> = params.iter().map(|p| common::normalize(p)).collect();
    let want_ret = common::normalize(&member.ret);
    candidates.iter().any(|m| {
        common::normalize(&m.ret) == want_ret
            && m.params
                .iter()
                .map(|p| common::normalize(p))
                .collect::<Vec<_>>()
                == want_params
    })
}

#[test]
fn programs_compiled_against_mono_bind_to_corelib() {
    let Some(corelib) = common::ikdasm(Path::new(CORELIB_DLL_PATH)) else {
        return;
    };
    let exe = compile_sample();
    let Some(program) = common::ikdasm(&exe) else {
        return;
    };

    let classes: BTreeSet<&str> = corelib.classes.iter().map(String::as_str).collect();
    let mut methods: BTreeMap<(String, String), Vec<&Method>> = BTreeMap::new();
    for method in corelib.methods.values() {
        methods
            .entry((method.class.clone(), method.name.clone()))
            .or_default()
            .push(method);
    }
    let fields: BTreeSet<(String, String)> = corelib
        .fields
        .iter()
        .map(|(class, name, _)| (class.clone(), name.clone()))
        .collect();

    let mut missing = BTreeSet::new();
    for ty in referenced_types(&program.text) {
        if !classes.contains(ty.as_str()) && !NOT_NEEDED.contains(&ty.as_str()) {
            missing.insert(format!("type {ty}"));
        }
    }
    let members = referenced_members(&program);
    assert!(
        members.len() > 150,
        "only {} member references found: is the parser broken?",
        members.len()
    );
    for member in &members {
        if NOT_NEEDED.contains(&strip_generic_args(&member.class).as_str()) {
            continue;
        }
        if !resolves(member, &methods, &fields) {
            missing.insert(format!("member {}", common::normalize(&member.key())));
        }
    }
    assert!(
        missing.is_empty(),
        "tests/host/Binding.cs, compiled against Mono's mscorlib, uses what corelib lacks:\n  {}",
        missing.into_iter().collect::<Vec<_>>().join("\n  ")
    );
}
