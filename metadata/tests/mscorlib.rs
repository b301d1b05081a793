//! Reads Mono's mscorlib.dll completely and compares with independent tools:
//! `ikdasm` (type and method counts) and System.Reflection running on Mono
//! (every method body's header, IL bytes and exception clauses).

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::thread;

use common::{assert_walk_clean, compile, mscorlib, run_tool, MSCORLIB};
use osprey_metadata::il::{Instructions, Operand};
use osprey_metadata::sig::TypeSig;
use osprey_metadata::tables::{CodedIndex, TypeDefOrRef, TypeOrMethodDef};
use osprey_metadata::{ClauseKind, Image, TableId, Token};

/// Declarations counted in an `ikdasm` listing.
#[derive(Debug, Default, PartialEq, Eq)]
struct IkdasmCounts {
    /// `.class` lines (type definitions, nested ones included).
    classes: u32,
    /// `.class extern` lines (exported/forwarded types).
    extern_classes: u32,
    /// `.method` lines (global methods of `<Module>` included).
    methods: u32,
}

/// Runs `ikdasm path` and counts its declarations, streaming the (large) output.
fn ikdasm_counts(path: &str) -> IkdasmCounts {
    let mut child = Command::new("ikdasm")
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot run `ikdasm`: {e}; install Mono's development tools (`apt-get install mono-devel`; CI installs it)")
        });
    let mut counts = IkdasmCounts::default();
    for line in BufReader::new(child.stdout.take().unwrap()).split(b'\n') {
        let line = line.unwrap();
        let text = String::from_utf8_lossy(&line);
        let trimmed = text.trim_start();
        if trimmed.starts_with(".class extern ") {
            counts.extern_classes += 1;
        } else if trimmed.starts_with(".class ") {
            counts.classes += 1;
        } else if trimmed.starts_with(".method ") {
            counts.methods += 1;
        }
    }
    assert!(child.wait().unwrap().success(), "ikdasm {path} failed");
    counts
}

/// The counts ikdasm should print for `image`: every TypeDef but the first
/// (`<Module>`, whose members ikdasm prints at the top level) is a `.class`;
/// every MethodDef is a `.method` (global ones too); every ExportedType is a
/// `.class extern`.
fn expected_ikdasm_counts(image: &Image<'_>) -> IkdasmCounts {
    let module_type = image.type_def(1).unwrap();
    assert_eq!(image.string(module_type.name).unwrap(), "<Module>");
    IkdasmCounts {
        classes: image.row_count(TableId::TypeDef) - 1,
        extern_classes: image.row_count(TableId::ExportedType),
        methods: image.row_count(TableId::MethodDef),
    }
}

#[test]
fn walks_clean_and_matches_ikdasm() {
    // ikdasm takes several seconds: run it while we walk.
    let ikdasm = thread::spawn(|| ikdasm_counts(MSCORLIB));
    let bytes = mscorlib();
    let report = assert_walk_clean("mscorlib", bytes);
    let image = Image::parse(bytes).unwrap();
    let s = report.stats;
    println!("mscorlib: {s:?}");
    assert_eq!(
        s.rows,
        TableId::ALL
            .iter()
            .map(|t| u64::from(image.row_count(*t)))
            .sum::<u64>()
    );
    assert!(
        s.method_bodies > 20_000 && s.instructions > 500_000 && s.exception_clauses > 1_000,
        "{s:?}"
    );
    assert!(s.signatures > 10_000, "{s:?}");

    let expected = expected_ikdasm_counts(&image);
    let actual = ikdasm.join().unwrap();
    println!(
        "ikdasm: {actual:?}; TypeDef rows: {}",
        image.row_count(TableId::TypeDef)
    );
    assert_eq!(actual, expected);
}

#[test]
fn headers_and_well_known_types() {
    let image = Image::parse(mscorlib()).unwrap();
    assert!(!image.pe().is_pe32_plus());
    assert_eq!(image.runtime_version(), "v4.0.30319");
    assert_eq!(image.assembly_name().unwrap(), Some("mscorlib"));
    assert_eq!(
        image.string(image.module(1).unwrap().name).unwrap(),
        "mscorlib.dll"
    );
    assert!(image.guid(image.module(1).unwrap().mvid).unwrap().is_some());
    assert_eq!(image.entry_point(), None);
    assert_eq!(image.cli_header().major_runtime_version, 2);

    let object = image
        .find_type_def("System", "Object")
        .unwrap()
        .expect("System.Object");
    assert_eq!(image.type_def(object).unwrap().extends, None);
    let value_type = image.find_type_def("System", "ValueType").unwrap().unwrap();
    let int32 = image.find_type_def("System", "Int32").unwrap().unwrap();
    assert_eq!(
        image.type_def(int32).unwrap().extends,
        Some(TypeDefOrRef::TypeDef(value_type))
    );
    assert_eq!(image.type_def_full_name(int32).unwrap(), "System.Int32");
    // Int32 has one instance field, m_value.
    let fields: Vec<_> = image.field_range(int32).unwrap().collect();
    assert!(fields
        .iter()
        .any(|&f| image.string(image.field(f).unwrap().name).unwrap() == "m_value"));

    // List<T>: one generic parameter named T.
    let list = image
        .find_type_def("System.Collections.Generic", "List`1")
        .unwrap()
        .unwrap();
    let params: Vec<_> = image
        .generic_params_of(TypeOrMethodDef::TypeDef(list))
        .map(|r| r.unwrap().1)
        .collect();
    assert_eq!(params.len(), 1);
    assert_eq!(image.string(params[0].name).unwrap(), "T");
    assert!(image.interface_impls_of(list).count() >= 3);

    // Nested types know their enclosing type.
    let nested = image.nested_class(1).unwrap();
    assert_eq!(
        image.enclosing_class_of(nested.nested_class).unwrap(),
        Some(nested.enclosing_class)
    );
    assert!(image
        .type_def_full_name(nested.nested_class)
        .unwrap()
        .contains('/'));

    // P/Invoke: every ImplMap row resolves to names.
    for (_, row) in image.tables().rows::<osprey_metadata::tables::ImplMapRow>() {
        let row = row.unwrap();
        if let osprey_metadata::tables::MemberForwarded::MethodDef(m) = row.member_forwarded {
            let import = image.pinvoke_import_of(m).unwrap().unwrap();
            assert!(!import.module_name.is_empty());
        }
    }
}

#[test]
fn member_lists_partition_their_tables() {
    let image = Image::parse(mscorlib()).unwrap();
    let (mut fields, mut methods) = (0, 0);
    for t in 1..=image.row_count(TableId::TypeDef) {
        fields += image.field_range(t).unwrap().len() as u32;
        let range = image.method_range(t).unwrap();
        methods += range.len() as u32;
        for m in range {
            assert_eq!(
                image.method_owner(m).unwrap(),
                Some(t),
                "owner of method {m}"
            );
        }
    }
    assert_eq!(fields, image.row_count(TableId::Field));
    assert_eq!(methods, image.row_count(TableId::MethodDef));
    let params: usize = (1..=image.row_count(TableId::MethodDef))
        .map(|m| image.param_range(m).unwrap().len())
        .sum();
    assert_eq!(params as u32, image.row_count(TableId::Param));
}

/// Compares every method body with what System.Reflection (Mono) reports.
#[test]
fn method_bodies_match_reflection() {
    let dumper = compile("BodyDump.cs", "BodyDump.exe", &[]);
    // "mscorlib" makes the dumper use the corlib it runs on, which is this file.
    let out = run_tool("mono", &[dumper.to_str().unwrap(), "mscorlib"]);
    assert!(
        out.status.success(),
        "BodyDump failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let image = Image::parse(mscorlib()).unwrap();
    let compared = compare_bodies(&image, &String::from_utf8(out.stdout).unwrap());
    assert!(compared > 20_000, "only {compared} bodies compared");
}

/// Checks each line of BodyDump output against our decoding; returns the number of methods.
pub fn compare_bodies(image: &Image<'_>, dump: &str) -> usize {
    let mut seen = HashMap::new();
    for line in dump.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let token = Token::from_raw(u32::from_str_radix(fields[0], 16).unwrap());
        assert_eq!(token.table(), Some(TableId::MethodDef), "{line}");
        let body = image.method_body_of(token.rid()).unwrap().expect(line);
        let ours = format!(
            "{} {} {} {} {:08X}",
            body.max_stack,
            u8::from(body.init_locals),
            format_args!("{:08X}", body.local_var_sig.map_or(0, |t| t.raw())),
            body.code.len(),
            fnv1a(body.code)
        );
        assert_eq!(ours, fields[1..6].join(" "), "header/IL of {token}");
        let clauses: Vec<String> = body
            .exception_clauses
            .iter()
            .map(|c| {
                let (flags, extra) = match c.kind {
                    ClauseKind::Catch(t) => (0, t.raw()),
                    ClauseKind::Filter { filter_offset } => (1, filter_offset),
                    ClauseKind::Finally => (2, 0),
                    ClauseKind::Fault => (4, 0),
                };
                format!(
                    "{flags}:{}+{}:{}+{}:{extra:X}",
                    c.try_offset, c.try_length, c.handler_offset, c.handler_length
                )
            })
            .collect();
        assert_eq!(clauses, fields[6..].to_vec(), "clauses of {token}");
        // Every instruction decodes; branch targets were checked by the walk.
        for insn in Instructions::new(body.code) {
            let (_, insn) = insn.unwrap();
            if let Operand::Token(t) = insn.operand {
                image.check_token(t, "operand").unwrap();
            }
        }
        seen.insert(token, ());
    }
    // Every MethodDef with an RVA was reported by reflection.
    let with_body = (1..=image.row_count(TableId::MethodDef))
        .filter(|&m| image.method_def(m).unwrap().rva != 0)
        .count();
    assert_eq!(seen.len(), with_body, "methods with bodies");
    seen.len()
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(2_166_136_261u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    })
}

#[test]
fn signatures_resolve_to_named_types() {
    let image = Image::parse(mscorlib()).unwrap();
    // String.Concat(string, string): static, returns string.
    let string = image.find_type_def("System", "String").unwrap().unwrap();
    let concat = image
        .method_range(string)
        .unwrap()
        .find(|&m| {
            let row = image.method_def(m).unwrap();
            image.string(row.name).unwrap() == "Concat"
                && image.method_def_sig(m).unwrap().params == vec![TypeSig::String, TypeSig::String]
        })
        .expect("String.Concat(string, string)");
    let sig = image.method_def_sig(concat).unwrap();
    assert!(!sig.has_this);
    assert_eq!(sig.ret, TypeSig::String);
    // Every TypeSpec decodes and every type it mentions has a name.
    for rid in 1..=image.row_count(TableId::TypeSpec) {
        let t = image.type_spec_sig(rid).unwrap();
        t.for_each_type_ref(&mut |r| {
            if !matches!(r, TypeDefOrRef::TypeSpec(_)) {
                image.type_name(r).unwrap();
            }
            assert!(r.rid() <= image.row_count(r.table()));
        });
    }
}
