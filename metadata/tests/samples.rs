//! Checks specific facts about small assemblies compiled with `mcs` from
//! `tests/data/Samples.cs` (PE32 exe and PE32+ library).

mod common;

use common::{assert_walk_clean, compile, run_tool, samples};
use osprey_metadata::flags::{field_attributes, method_impl_attributes, type_attributes};
use osprey_metadata::il::{Instructions, Opcode, Operand};
use osprey_metadata::sig::{CallingConvention, MemberRefSig, TypeSig};
use osprey_metadata::tables::*;
use osprey_metadata::{ClauseKind, HeaderKind, Image, MethodBody, Primitive, Token};

fn image(x64: bool) -> Image<'static> {
    Image::parse(samples(x64)).unwrap()
}

fn type_rid(image: &Image<'_>, name: &str) -> u32 {
    image
        .find_type_def("Samples", name)
        .unwrap()
        .unwrap_or_else(|| panic!("type {name}"))
}

/// The MethodDef of `Samples.<type_name>::<method>`.
fn method(image: &Image<'_>, type_name: &str, method: &str) -> u32 {
    let t = type_rid(image, type_name);
    image
        .method_range(t)
        .unwrap()
        .find(|&m| image.string(image.method_def(m).unwrap().name).unwrap() == method)
        .unwrap_or_else(|| panic!("method {type_name}::{method}"))
}

fn field(image: &Image<'_>, type_rid: u32, name: &str) -> u32 {
    image
        .field_range(type_rid)
        .unwrap()
        .find(|&f| image.string(image.field(f).unwrap().name).unwrap() == name)
        .unwrap_or_else(|| panic!("field {name}"))
}

fn body<'a>(image: &Image<'a>, type_name: &str, name: &str) -> MethodBody<'a> {
    image
        .method_body_of(method(image, type_name, name))
        .unwrap()
        .unwrap()
}

fn opcodes(body: &MethodBody<'_>) -> Vec<(u32, Opcode, Operand)> {
    Instructions::new(body.code)
        .map(|i| i.unwrap())
        .map(|(o, i)| (o, i.opcode, i.operand))
        .collect()
}

#[test]
fn walks_clean_and_matches_ikdasm_and_reflection() {
    for x64 in [false, true] {
        let bytes = samples(x64);
        let report = assert_walk_clean("Samples", bytes);
        assert!(report.stats.method_bodies > 20 && report.stats.exception_clauses >= 5);
        let image = Image::parse(bytes).unwrap();
        assert_eq!(image.pe().is_pe32_plus(), x64);

        // Cross-check with ikdasm and System.Reflection, as for mscorlib.
        let path = common::compile(
            "Samples.cs",
            if x64 { "S64.dll" } else { "S.exe" },
            if x64 {
                &["/platform:x64", "/target:library"]
            } else {
                &[]
            },
        );
        let listing = run_tool("ikdasm", &[path.to_str().unwrap()]);
        let text = String::from_utf8_lossy(&listing.stdout);
        let count = |prefix: &str| {
            text.lines()
                .filter(|l| l.trim_start().starts_with(prefix))
                .count() as u32
        };
        assert_eq!(
            count(".class ") - count(".class extern "),
            image.row_count(TableId::TypeDef) - 1
        );
        assert_eq!(count(".method "), image.row_count(TableId::MethodDef));

        let dumper = compile("BodyDump.cs", "BodyDump.exe", &[]);
        let out = run_tool("mono", &[dumper.to_str().unwrap(), path.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let dump = String::from_utf8(out.stdout).unwrap();
        assert!(dump.lines().count() > 20);
        // Same checks as tests/mscorlib.rs, on a small image.
        for line in dump.lines() {
            let fields: Vec<&str> = line.split(' ').collect();
            let token = Token::from_raw(u32::from_str_radix(fields[0], 16).unwrap());
            let body = image.method_body_of(token.rid()).unwrap().unwrap();
            assert_eq!(fields[1], body.max_stack.to_string(), "{line}");
            assert_eq!(fields[4], body.code.len().to_string(), "{line}");
            assert_eq!(fields.len() - 6, body.exception_clauses.len(), "{line}");
        }
    }
}

#[test]
fn assembly_and_entry_point() {
    let image = image(false);
    assert_eq!(image.assembly_name().unwrap(), Some("Samples"));
    let main = method(&image, "Program", "Main");
    assert_eq!(
        image.entry_point(),
        Some(Token::new(TableId::MethodDef, main))
    );
    assert_eq!(
        image.entry_point().unwrap().to_string(),
        format!("0x06{main:06X}")
    );
    // The library has no entry point.
    assert_eq!(Image::parse(samples(true)).unwrap().entry_point(), None);
    let mscorlib_ref = image.assembly_ref(1).unwrap();
    assert_eq!(image.string(mscorlib_ref.name).unwrap(), "mscorlib");
    assert_eq!(mscorlib_ref.major_version, 4);
}

#[test]
fn exception_handling() {
    let image = image(false);
    let tcf = body(&image, "ExceptionDemo", "TryCatchFinally");
    assert_eq!(tcf.header_kind, HeaderKind::Fat);
    let kinds: Vec<_> = tcf.exception_clauses.iter().map(|c| c.kind).collect();
    assert_eq!(kinds.len(), 2);
    let ClauseKind::Catch(catch_type) = kinds[0] else {
        panic!("{kinds:?}")
    };
    let catch_type = TypeDefOrRef::from_token(catch_type).unwrap();
    assert_eq!(
        image.type_name(catch_type).unwrap(),
        "System.DivideByZeroException"
    );
    assert_eq!(kinds[1], ClauseKind::Finally);
    // The finally protects the try/catch.
    let (c, f) = (&tcf.exception_clauses[0], &tcf.exception_clauses[1]);
    assert!(
        f.try_offset <= c.try_offset
            && c.handler_offset + c.handler_length <= f.try_offset + f.try_length
    );

    let filter = body(&image, "ExceptionDemo", "Filter");
    let [clause] = filter.exception_clauses[..] else {
        panic!("{:?}", filter.exception_clauses)
    };
    let ClauseKind::Filter { filter_offset } = clause.kind else {
        panic!("{clause:?}")
    };
    assert!(filter_offset < clause.handler_offset);
    // The filter block ends with endfilter right before the handler.
    let ops = opcodes(&filter);
    let endfilter = ops
        .iter()
        .find(|(_, op, _)| *op == Opcode::Endfilter)
        .expect("endfilter");
    assert_eq!(endfilter.0 + 2, clause.handler_offset);

    let nested = body(&image, "ExceptionDemo", "Nested");
    // try { try { } finally { } } catch (OverflowException) { }
    let kinds: Vec<_> = nested.exception_clauses.iter().map(|c| c.kind).collect();
    assert!(
        matches!(kinds[..], [ClauseKind::Finally, ClauseKind::Catch(_)]),
        "{kinds:?}"
    );
    assert!(opcodes(&nested)
        .iter()
        .any(|(_, op, _)| *op == Opcode::AddOvf));
}

#[test]
fn switch_and_branches() {
    let image = image(false);
    let b = body(&image, "SwitchDemo", "Name");
    let ops = opcodes(&b);
    let (_, _, Operand::Switch(targets)) =
        ops.iter().find(|(_, op, _)| *op == Opcode::Switch).unwrap()
    else {
        panic!()
    };
    assert_eq!(targets.len(), 7);
    // Each case loads its day name.
    let names: Vec<String> = targets
        .iter()
        .map(|t| {
            let (_, _, operand) = ops.iter().find(|(o, _, _)| o == t).unwrap();
            let Operand::Token(tok) = operand else {
                panic!("{operand:?}")
            };
            image.ldstr(*tok).unwrap().to_string_lossy()
        })
        .collect();
    assert_eq!(
        names,
        [
            "Sunday",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday"
        ]
    );
}

#[test]
fn tiny_and_fat_headers() {
    let image = image(false);
    let tiny = body(&image, "LongMethods", "Tiny");
    assert_eq!(tiny.header_kind, HeaderKind::Tiny);
    assert_eq!(tiny.max_stack, 8);
    assert_eq!(tiny.local_var_sig, None);
    let ops = opcodes(&tiny);
    assert_eq!(ops.first().map(|o| o.1), Some(Opcode::LdcI47));
    assert_eq!(ops.last().map(|o| o.1), Some(Opcode::Ret));

    let long = body(&image, "LongMethods", "Long");
    assert_eq!(long.header_kind, HeaderKind::Fat);
    assert!(long.code.len() > 64, "{}", long.code.len());
    assert!(long.init_locals);
    let locals = image.local_sig(long.local_var_sig.unwrap()).unwrap().locals;
    assert!(
        locals.contains(&TypeSig::Prim(Primitive::I8))
            && locals.contains(&TypeSig::Prim(Primitive::R8))
            && locals.contains(&TypeSig::Prim(Primitive::R4))
    );
    let ops = opcodes(&long);
    assert!(ops
        .iter()
        .any(|(_, _, o)| *o == Operand::Int64(6_364_136_223_846_793_005)));
    assert!(ops.iter().any(|(_, _, o)| *o == Operand::Float64(0.5)));
    assert!(ops.iter().any(|(_, _, o)| *o == Operand::Float32(2.5)));
}

#[test]
fn pinned_locals() {
    let image = image(false);
    for name in ["Sum", "First"] {
        let b = body(&image, "PinnedDemo", name);
        let locals = image.local_sig(b.local_var_sig.unwrap()).unwrap().locals;
        assert!(locals.iter().any(|l| l.is_pinned()), "{name}: {locals:?}");
    }
    let b = body(&image, "PinnedDemo", "Sum");
    let locals = image.local_sig(b.local_var_sig.unwrap()).unwrap().locals;
    let pinned = locals.iter().find(|l| l.is_pinned()).unwrap();
    // mcs pins `ref int` (`int32& pinned`).
    assert_eq!(pinned.to_string(), "int32& pinned");
}

#[test]
fn generics() {
    let image = image(false);
    let box_rid = type_rid(&image, "Box`1");
    let params: Vec<_> = image
        .generic_params_of(TypeOrMethodDef::TypeDef(box_rid))
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(params.len(), 1);
    let (gp_rid, gp) = params[0];
    assert_eq!(image.string(gp.name).unwrap(), "T");
    // where T : IComparable<T>
    let constraints: Vec<_> = image
        .generic_param_constraints_of(gp_rid)
        .map(|r| r.unwrap().1)
        .collect();
    assert_eq!(constraints.len(), 1);
    let TypeDefOrRef::TypeSpec(spec) = constraints[0].constraint else {
        panic!()
    };
    let spec = image.type_spec_sig(spec).unwrap();
    let TypeSig::GenericInst {
        generic,
        args,
        is_value_type: false,
    } = &spec
    else {
        panic!("{spec}")
    };
    assert_eq!(image.type_name(*generic).unwrap(), "System.IComparable`1");
    assert_eq!(args, &[TypeSig::Var(0)]);

    // static U Convert<U>(T value, Func<T, U> f)
    let convert = method(&image, "Box`1", "Convert");
    let sig = image.method_def_sig(convert).unwrap();
    assert_eq!(sig.generic_param_count, 1);
    assert_eq!(sig.ret, TypeSig::MVar(0));
    assert_eq!(sig.params[0], TypeSig::Var(0));
    let mparams: Vec<_> = image
        .generic_params_of(TypeOrMethodDef::MethodDef(convert))
        .map(|r| r.unwrap().1)
        .collect();
    assert_eq!(image.string(mparams[0].name).unwrap(), "U");

    // Box<T>.Inner is nested and has a T[] field.
    let inner = image.nested_types_of(box_rid).unwrap();
    assert_eq!(inner.len(), 1);
    assert_eq!(image.enclosing_class_of(inner[0]).unwrap(), Some(box_rid));
    assert_eq!(
        image.type_def_full_name(inner[0]).unwrap(),
        "Samples.Box`1/Inner"
    );
    let items = field(&image, inner[0], "Items");
    assert_eq!(image.field_sig(items).unwrap().ty.to_string(), "!0[]");

    // GenericUse.Use instantiates Convert<string>: a MethodSpec exists.
    assert!(image.row_count(TableId::MethodSpec) >= 1);
    let spec = image.method_spec_sig(1).unwrap();
    assert_eq!(spec.args, vec![TypeSig::String]);
}

#[test]
fn field_rva_and_constants() {
    let image = image(false);
    let data = type_rid(&image, "Data");
    // The array initializer is stored in a <PrivateImplementationDetails> field with an RVA.
    let (field_rva_row, init) = (1..=image.row_count(TableId::FieldRva))
        .map(|r| image.field_rva(r).unwrap())
        .map(|r| (r, image.field_data_of(r.field, 48).unwrap().unwrap()))
        .next()
        .expect("a FieldRVA row");
    let values: Vec<i32> = init
        .chunks_exact(4)
        .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    assert_eq!(values, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]);
    let f = image.field(field_rva_row.field).unwrap();
    assert_ne!(f.flags & field_attributes::HAS_FIELD_RVA, 0);
    let owner = image.field_owner(field_rva_row.field).unwrap().unwrap();
    assert!(image
        .type_def_full_name(owner)
        .unwrap()
        .starts_with("<PrivateImplementationDetails>"));
    // The field's type is a value type with explicit size 48.
    let TypeSig::ValueType(TypeDefOrRef::TypeDef(blob_type)) =
        image.field_sig(field_rva_row.field).unwrap().ty
    else {
        panic!()
    };
    assert_eq!(
        image
            .class_layout_of(blob_type)
            .unwrap()
            .unwrap()
            .class_size,
        48
    );

    let answer = field(&image, data, "Answer");
    let c = image
        .constant_of(HasConstant::Field(answer))
        .unwrap()
        .unwrap();
    assert_eq!(c.ty, osprey_metadata::sig::element_type::I4);
    assert_eq!(c.value, 42i32.to_le_bytes());
    let greeting = field(&image, data, "Greeting");
    let c = image
        .constant_of(HasConstant::Field(greeting))
        .unwrap()
        .unwrap();
    assert_eq!(c.ty, osprey_metadata::sig::element_type::STRING);
    assert_eq!(c.value, b"h\0e\0l\0l\0o\0");
    // Default parameter value: Greet(string name = "world").
    let greet = method(&image, "Data", "Greet");
    let param = image
        .param_range(greet)
        .unwrap()
        .find(|&p| image.param(p).unwrap().sequence == 1)
        .unwrap();
    let c = image
        .constant_of(HasConstant::Param(param))
        .unwrap()
        .unwrap();
    assert_eq!(c.value, b"w\0o\0r\0l\0d\0");
}

#[test]
fn pinvoke_and_internal_calls() {
    let image = image(false);
    let qcall = method(&image, "Native", "QCallX");
    let import = image.pinvoke_import_of(qcall).unwrap().unwrap();
    assert_eq!((import.import_name, import.module_name), ("X", "QCall"));
    let getpid = image
        .pinvoke_import_of(method(&image, "Native", "GetPid"))
        .unwrap()
        .unwrap();
    assert_eq!((getpid.import_name, getpid.module_name), ("getpid", "libc"));
    let row = image.method_def(qcall).unwrap();
    assert_eq!(row.rva, 0);
    assert!(image.method_body_of(qcall).unwrap().is_none());
    let intrinsic = image
        .method_def(method(&image, "Native", "Intrinsic"))
        .unwrap();
    assert_ne!(
        intrinsic.impl_flags & method_impl_attributes::INTERNAL_CALL,
        0
    );
    assert!(image
        .pinvoke_import_of(method(&image, "Native", "Intrinsic"))
        .unwrap()
        .is_none());
}

#[test]
fn layouts() {
    let image = image(false);
    let union = type_rid(&image, "ExplicitUnion");
    let row = image.type_def(union).unwrap();
    assert_eq!(
        row.flags & type_attributes::LAYOUT_MASK,
        type_attributes::EXPLICIT_LAYOUT
    );
    assert_eq!(
        image.class_layout_of(union).unwrap().unwrap().class_size,
        16
    );
    let offsets: Vec<(String, Option<u32>)> = image
        .field_range(union)
        .unwrap()
        .map(|f| {
            (
                image
                    .string(image.field(f).unwrap().name)
                    .unwrap()
                    .to_owned(),
                image.field_offset_of(f).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        offsets,
        [
            ("Whole".into(), Some(0)),
            ("Low".into(), Some(0)),
            ("High".into(), Some(4)),
            ("Real".into(), Some(8))
        ]
    );
    let packed = type_rid(&image, "Packed");
    assert_eq!(
        image.class_layout_of(packed).unwrap().unwrap().packing_size,
        1
    );
    assert_eq!(
        image.class_layout_of(type_rid(&image, "Circle")).unwrap(),
        None
    );
}

#[test]
fn interfaces_overrides_properties_events_attributes() {
    let image = image(false);
    let circle = type_rid(&image, "Circle");
    let interfaces: Vec<String> = image
        .interface_impls_of(circle)
        .map(|r| image.type_name(r.unwrap().1.interface).unwrap())
        .collect();
    assert_eq!(interfaces.len(), 2);
    assert!(
        interfaces.contains(&"Samples.IShape".to_owned()),
        "{interfaces:?}"
    );
    // The explicit implementation of IShape.Name is a MethodImpl.
    let impls: Vec<_> = image
        .method_impls_of(circle)
        .map(|r| r.unwrap().1)
        .collect();
    assert_eq!(impls.len(), 1);
    let MethodDefOrRef::MethodDef(body) = impls[0].method_body else {
        panic!()
    };
    assert_eq!(
        image.string(image.method_def(body).unwrap().name).unwrap(),
        "Samples.IShape.get_Name"
    );

    let properties: Vec<_> = image.properties_of(circle).unwrap().collect();
    assert_eq!(properties.len(), 2); // IShape.Name and the indexer
    let indexer = properties
        .iter()
        .copied()
        .find(|&p| image.string(image.property(p).unwrap().name).unwrap() == "Item")
        .unwrap();
    let sig = osprey_metadata::sig::parse_property_sig(
        image
            .blob(image.property(indexer).unwrap().signature)
            .unwrap(),
    )
    .unwrap();
    assert!(sig.has_this);
    assert_eq!(
        (sig.ty, sig.params),
        (
            TypeSig::Prim(Primitive::R8),
            vec![TypeSig::Prim(Primitive::I4)]
        )
    );
    let accessors: Vec<_> = image
        .method_semantics_of(HasSemantics::Property(indexer))
        .map(|r| r.unwrap().1)
        .collect();
    assert_eq!(accessors.len(), 1);

    let events: Vec<_> = image.events_of(circle).unwrap().collect();
    assert_eq!(events.len(), 1);
    let event = image.event(events[0]).unwrap();
    assert_eq!(
        image.type_name(event.event_type.unwrap()).unwrap(),
        "System.EventHandler"
    );
    assert_eq!(
        image
            .method_semantics_of(HasSemantics::Event(events[0]))
            .count(),
        2
    );

    let attrs: Vec<_> = image
        .custom_attributes_of(Token::new(TableId::TypeDef, circle))
        .unwrap()
        .map(|a| a.unwrap())
        .collect();
    // [Marker("circle")] and, for the indexer, [DefaultMember("Item")].
    assert_eq!(attrs.len(), 2);
    let marker = attrs
        .iter()
        .find(|a| matches!(a.constructor, CustomAttributeType::MethodDef(_)))
        .unwrap();
    let CustomAttributeType::MethodDef(ctor) = marker.constructor else {
        panic!()
    };
    assert_eq!(
        image.method_owner(ctor).unwrap(),
        Some(type_rid(&image, "MarkerAttribute"))
    );
    // Prolog 01 00, then the string "circle" (length-prefixed UTF-8), then 0 named args.
    assert_eq!(marker.value, b"\x01\x00\x06circle\x00\x00");
    let default_member = attrs
        .iter()
        .find(|a| matches!(a.constructor, CustomAttributeType::MemberRef(_)))
        .unwrap();
    let CustomAttributeType::MemberRef(ctor) = default_member.constructor else {
        panic!()
    };
    let MemberRefParent::TypeRef(attr_type) = image.member_ref(ctor).unwrap().class else {
        panic!()
    };
    assert_eq!(
        image.type_ref_full_name(attr_type).unwrap(),
        "System.Reflection.DefaultMemberAttribute"
    );
    assert_eq!(default_member.value, b"\x01\x00\x04Item\x00\x00");
}

#[test]
fn vararg_call_site() {
    let image = image(false);
    let count = image
        .method_def_sig(method(&image, "VarArgs", "Count"))
        .unwrap();
    assert_eq!(count.call_conv, CallingConvention::VarArg);
    assert_eq!(count.sentinel, None);
    // The call site is a MemberRef with the variable part after the sentinel.
    let call = body(&image, "VarArgs", "Call");
    let (_, _, Operand::Token(target)) = opcodes(&call)
        .into_iter()
        .find(|(_, op, _)| *op == Opcode::Call)
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(target.table(), Some(TableId::MemberRef));
    let MemberRefSig::Method(sig) = image.member_ref_sig(target.rid()).unwrap() else {
        panic!()
    };
    assert_eq!(sig.call_conv, CallingConvention::VarArg);
    assert_eq!(sig.sentinel, Some(0));
    assert_eq!(sig.params.len(), 3);
    assert_eq!(sig.params[1], TypeSig::String);
    assert_eq!(
        sig.to_string(),
        "vararg int32 *(..., int32, string, float64)"
    );
}

#[test]
fn user_strings() {
    let image = image(false);
    let greet = body(&image, "Data", "Greet");
    let strings: Vec<String> = opcodes(&greet)
        .into_iter()
        .filter_map(|(_, op, operand)| match (op, operand) {
            (Opcode::Ldstr, Operand::Token(t)) => Some(image.ldstr(t).unwrap().to_string_lossy()),
            _ => None,
        })
        .collect();
    // mcs folds the constant `Greeting + ", "`.
    assert_eq!(strings, ["hello, "]);
}
