//! Checks on the built corelib.dll, read through `ikdasm` (Mono's IL
//! disassembler, installed with mono):
//!
//! - the assembly is called `corelib` and the embedded bytes are the file;
//! - the internal calls (FCalls) are exactly the documented list, each with
//!   the `internalcall` flag and no body;
//! - the restricted path (String.Concat of strings, String.Length and the
//!   primitives' ToString()), followed through every call it makes, uses
//!   only the IL the first JIT supports.

mod common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

use common::{Listing, Method};
use osprey_corelib::{ASSEMBLY_NAME, CORELIB_DLL, CORELIB_DLL_PATH};

/// Internal calls the runtime relies on, `ret Class::Name(parameter types)`
/// (not the complete list: vm/tests/internal_calls.rs checks that every
/// internal call corelib declares is bound).
const INTERNAL_CALLS: &[&str] = &[
    "void System.Console::InternalWrite(int32, string)",
    "System.Type System.Object::GetType()",
    "int32 System.Runtime.CompilerServices.RuntimeHelpers::GetHashCode(object)",
    "string System.RuntimeType::GetTypeName(native int, int32)",
    "string System.String::FastAllocateString(int32)",
];

/// The internal calls the restricted path may reach.
const RESTRICTED_INTERNAL_CALLS: &[&str] = &["string System.String::FastAllocateString(int32)"];

/// Where the restricted path starts.
fn restricted_roots() -> Vec<String> {
    // Console.Write/WriteLine left the path when SetOut/SetError came
    // (they read the redirected writer from a static field); what they
    // format with is still on it through the primitives' ToString().
    let mut roots = vec!["string System.String::Concat(string, string)".to_owned()];
    roots.push("string System.String::Concat(string, string, string)".to_owned());
    roots.push("string System.String::Concat(string, string, string, string)".to_owned());
    roots.push("int32 System.String::get_Length()".to_owned());
    for ty in PRIMITIVES {
        roots.push(format!("string {ty}::ToString()"));
    }
    roots
}

const PRIMITIVES: &[&str] = &[
    "System.Boolean",
    "System.Char",
    "System.SByte",
    "System.Byte",
    "System.Int16",
    "System.UInt16",
    "System.Int32",
    "System.UInt32",
    "System.Int64",
    "System.UInt64",
];

/// The IL opcodes the first JIT supports (locals, arguments, integer
/// arithmetic, comparisons, branches, conversions, pointer reads and
/// writes, field loads, static calls).
const ALLOWED_OPCODES: &[&str] = &[
    "nop",
    "ldarg.0",
    "ldarg.1",
    "ldarg.2",
    "ldarg.3",
    "ldarg.s",
    "ldarg",
    "starg.s",
    "starg",
    "ldloc.0",
    "ldloc.1",
    "ldloc.2",
    "ldloc.3",
    "ldloc.s",
    "ldloc",
    "stloc.0",
    "stloc.1",
    "stloc.2",
    "stloc.3",
    "stloc.s",
    "stloc",
    "ldnull",
    "ldc.i4.m1",
    "ldc.i4.0",
    "ldc.i4.1",
    "ldc.i4.2",
    "ldc.i4.3",
    "ldc.i4.4",
    "ldc.i4.5",
    "ldc.i4.6",
    "ldc.i4.7",
    "ldc.i4.8",
    "ldc.i4.s",
    "ldc.i4",
    "ldc.i8",
    "dup",
    "pop",
    "add",
    "sub",
    "mul",
    "div",
    "div.un",
    "rem",
    "rem.un",
    "and",
    "or",
    "xor",
    "shl",
    "shr",
    "shr.un",
    "neg",
    "not",
    "conv.i1",
    "conv.i2",
    "conv.i4",
    "conv.i8",
    "conv.u1",
    "conv.u2",
    "conv.u4",
    "conv.u8",
    "conv.i",
    "conv.u",
    "ceq",
    "cgt",
    "cgt.un",
    "clt",
    "clt.un",
    "br",
    "br.s",
    "brtrue",
    "brtrue.s",
    "brfalse",
    "brfalse.s",
    "beq",
    "beq.s",
    "bne.un",
    "bne.un.s",
    "bge",
    "bge.s",
    "bge.un",
    "bge.un.s",
    "bgt",
    "bgt.s",
    "bgt.un",
    "bgt.un.s",
    "ble",
    "ble.s",
    "ble.un",
    "ble.un.s",
    "blt",
    "blt.s",
    "blt.un",
    "blt.un.s",
    "switch",
    "ret",
    "ldind.i1",
    "ldind.u1",
    "ldind.i2",
    "ldind.u2",
    "ldind.i4",
    "ldind.u4",
    "ldind.i8",
    "ldind.i",
    "stind.i1",
    "stind.i2",
    "stind.i4",
    "stind.i8",
    "stind.i",
    "ldfld",
    "call",
];

/// The fields the restricted path may load: a primitive's own value and a
/// string's length.
fn allowed_field(field: &str) -> bool {
    field.ends_with("System.String::_stringLength")
        || PRIMITIVES
            .iter()
            .any(|ty| field.ends_with(&format!("{ty}::m_value")))
}

/// corelib's listing, with methods keyed by `normalize`d `ret Class::Name(params)`.
fn corelib() -> Option<(Listing, BTreeMap<String, String>)> {
    let listing = common::ikdasm(Path::new(CORELIB_DLL_PATH))?;
    let keys = listing
        .methods
        .keys()
        .map(|k| (common::normalize(k), k.clone()))
        .collect();
    Some((listing, keys))
}

#[test]
fn embedded_bytes_are_the_built_file() {
    let file = std::fs::read(CORELIB_DLL_PATH).expect("read corelib.dll");
    assert_eq!(
        file, CORELIB_DLL,
        "CORELIB_DLL differs from {CORELIB_DLL_PATH}"
    );
    assert_eq!(&CORELIB_DLL[..2], b"MZ", "corelib.dll is not a PE file");
}

#[test]
fn assembly_is_named_corelib_and_references_nothing() {
    let Some((listing, _)) = corelib() else {
        return;
    };
    let il = &listing.text;
    assert!(
        il.lines()
            .any(|l| l.trim() == format!(".assembly {ASSEMBLY_NAME}")),
        "no `.assembly {ASSEMBLY_NAME}` in the listing"
    );
    let externs: Vec<&str> = il
        .lines()
        .filter(|l| l.starts_with(".assembly extern"))
        .collect();
    assert!(
        externs.is_empty(),
        "corelib must not reference other assemblies: {externs:?}"
    );
}

/// Whether each internal call is bound to a Rust function is the runtime's
/// business (vm/tests/internal_calls.rs checks that every one is); here:
/// the well-known ones exist, and no internal call has a body.
#[test]
fn internal_calls_have_no_body() {
    let Some((listing, keys)) = corelib() else {
        return;
    };
    let calls: Vec<&Method> = listing
        .methods
        .values()
        .filter(|m| m.internal_call)
        .collect();
    for key in INTERNAL_CALLS {
        assert!(keys.contains_key(*key), "{key} is missing");
        assert!(
            listing.methods[&keys[*key]].internal_call,
            "{key} is not an internal call"
        );
    }
    for m in calls {
        assert!(
            m.body.is_empty(),
            "{} is an internal call but has a body",
            m.key()
        );
    }
    let method = |key: &str| -> &Method { &listing.methods[&keys[key]] };
    assert!(method("string System.String::FastAllocateString(int32)").is_static);
    assert!(method("void System.Console::InternalWrite(int32, string)").is_static);
    assert!(!method("System.Type System.Object::GetType()").is_static);
}

#[test]
fn restricted_path_uses_only_first_jit_il() {
    let Some((listing, keys)) = corelib() else {
        return;
    };
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<(String, String)> = restricted_roots()
        .into_iter()
        .map(|r| (r, "root".to_owned()))
        .collect();
    while let Some((key, from)) = queue.pop_front() {
        if !seen.insert(key.clone()) {
            continue;
        }
        let Some(method) = keys.get(&key).map(|k| &listing.methods[k]) else {
            problems.push(format!("{key} (called from {from}) is not in corelib.dll"));
            continue;
        };
        if method.internal_call {
            if !RESTRICTED_INTERNAL_CALLS.contains(&key.as_str()) {
                problems.push(format!(
                    "{from} calls internal call {key}, not allowed on the restricted path"
                ));
            }
            continue;
        }
        if method.has_try {
            problems.push(format!("{key} has exception handling"));
        }
        if key.contains('<') || key.contains('!') {
            problems.push(format!("{key} is generic"));
        }
        for (opcode, operand) in &method.body {
            if !ALLOWED_OPCODES.contains(&opcode.as_str()) {
                problems.push(format!(
                    "{key}: `{opcode} {operand}` is not supported by the first JIT"
                ));
                continue;
            }
            match opcode.as_str() {
                "ldfld" if !allowed_field(operand) => {
                    problems.push(format!("{key}: loads field {operand}"));
                }
                "call" => {
                    let target = common::member_ref(operand);
                    let class = common::normalize(&target.class);
                    if target.instance
                        && class != "System.String"
                        && !PRIMITIVES.contains(&class.as_str())
                    {
                        problems.push(format!(
                            "{key}: instance call to {} (not a string or primitive)",
                            target.key()
                        ));
                    }
                    queue.push_back((common::normalize(&target.key()), key.clone()));
                }
                _ => {}
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the restricted path uses IL the first JIT does not support:\n  {}",
        problems.join("\n  ")
    );
    // The walk must actually have reached the formatting and allocation code.
    for needed in [
        "string System.Number::Int32ToDecStr(int32)",
        "string System.Number::UInt64ToDecStr(uint64)",
        "string System.Number::BooleanToString(bool)",
        "string System.String::FastAllocateString(int32)",
        "int32 System.Runtime.CompilerServices.RuntimeHelpers::get_OffsetToStringData()",
    ] {
        assert!(
            seen.contains(needed),
            "the restricted path never reached {needed}"
        );
    }
}

#[test]
fn required_types_and_layouts() {
    let Some((listing, _)) = corelib() else {
        return;
    };
    for ty in [
        "System.Object",
        "System.ValueType",
        "System.Enum",
        "System.Void",
        "System.String",
        "System.Array",
        "System.Delegate",
        "System.MulticastDelegate",
        "System.Exception",
        "System.Attribute",
        "System.Type",
        "System.RuntimeType",
        "System.Console",
        "System.Decimal",
        "System.Single",
        "System.Double",
        "System.IntPtr",
        "System.UIntPtr",
        "System.RuntimeTypeHandle",
        "System.RuntimeFieldHandle",
        "System.RuntimeMethodHandle",
        "System.TypedReference",
        "System.ArgIterator",
        "System.RuntimeArgumentHandle",
        "System.Nullable`1",
        "System.IO.TextWriter",
        "System.Runtime.CompilerServices.RuntimeHelpers",
        "System.Collections.Generic.KeyNotFoundException",
        "System.Diagnostics.DebuggableAttribute/DebuggingModes",
    ] {
        assert!(
            listing.classes.iter().any(|c| c == ty),
            "corelib.dll does not declare {ty}"
        );
    }
    // Instance fields, in declaration order, of the types the runtime reads.
    let fields = |class: &str| -> Vec<&str> {
        listing
            .fields
            .iter()
            .filter(|(c, _, is_static)| c == class && !is_static)
            .map(|(_, name, _)| name.as_str())
            .collect()
    };
    assert_eq!(fields("System.String"), ["_stringLength", "_firstChar"]);
    assert_eq!(
        fields("System.Exception"),
        [
            "_message",
            "_innerException",
            "_stackTrace",
            "_stackTraceString",
            "_HResult"
        ]
    );
    for ty in PRIMITIVES.iter().chain(&[
        "System.IntPtr",
        "System.UIntPtr",
        "System.Single",
        "System.Double",
    ]) {
        assert_eq!(fields(ty), ["m_value"], "{ty}");
    }
    assert_eq!(fields("System.RuntimeType"), ["m_handle"]);
    for ty in [
        "System.RuntimeTypeHandle",
        "System.RuntimeFieldHandle",
        "System.RuntimeMethodHandle",
    ] {
        assert_eq!(fields(ty), ["m_value"], "{ty}");
    }
    assert_eq!(
        fields("System.Delegate"),
        // _unmanagedThunk: the reverse P/Invoke thunk of
        // Marshal.GetFunctionPointerForDelegate (vm/src/interop/reverse.rs).
        ["_target", "_methodPtr", "_methodPtrAux", "_unmanagedThunk"]
    );
    assert_eq!(
        fields("System.MulticastDelegate"),
        ["_invocationList", "_invocationCount"]
    );
}

/// String's constructors are internal calls with no body: a string's size
/// depends on the arguments, so the runtime cannot allocate it before the
/// constructor runs. The JIT compiles `newobj String::.ctor(args)` as a
/// call to the static `string String::Ctor(args)`, which allocates and
/// fills the string (the CoreCLR convention).
#[test]
fn string_constructors_have_ctor_methods() {
    let Some((listing, keys)) = corelib() else {
        return;
    };
    let constructors: Vec<&Method> = listing
        .methods
        .values()
        .filter(|m| common::normalize(&m.class) == "System.String" && m.name == ".ctor")
        .collect();
    assert!(constructors.len() >= 3, "String's constructors are missing");
    for ctor in constructors {
        assert!(
            ctor.internal_call,
            "{} must be an internal call",
            ctor.key()
        );
        assert!(!ctor.is_static);
        let params: Vec<String> = ctor.params.iter().map(|p| common::normalize(p)).collect();
        let factory = format!("string System.String::Ctor({})", params.join(", "));
        let method = keys
            .get(&factory)
            .map(|k| &listing.methods[k])
            .unwrap_or_else(|| panic!("{} has no {factory}", ctor.key()));
        assert!(method.is_static, "{factory} must be static");
        assert!(
            !method.internal_call && !method.body.is_empty(),
            "{factory} must have a body"
        );
    }
}
