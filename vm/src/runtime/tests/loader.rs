//! The loader (docs/type-loader.md): instance field layout (sequential,
//! explicit, packing, alignment, structs in structs, reference maps),
//! vtables (override, newslot, sealed) and interface maps (inherited,
//! re-implemented, generic interfaces), checked on types compiled by
//! `mcs` against the rules of ECMA-335 II.10.1.2 and II.10.3.

use super::harness::{compile, with_runtime, Env};
use crate::gc::CollectorKind;
use crate::typesystem::TypeHandle;

const SOURCE: &str = r#"
using System;
using System.Runtime.InteropServices;

// Sequential: each field at the next multiple of its alignment.
public struct Seq { public byte A; public int B; public byte C; public long D; public short E; }
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct Packed1 { public byte A; public int B; public short C; public long D; }
[StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct Packed2 { public byte A; public long B; public byte C; }
[StructLayout(LayoutKind.Sequential, Size = 20)]
public struct Sized { public int A; }
[StructLayout(LayoutKind.Explicit, Size = 24)]
public struct Expl {
    [FieldOffset(0)] public int I;
    [FieldOffset(0)] public float F;
    [FieldOffset(4)] public short S;
    [FieldOffset(8)] public long L;
}
[StructLayout(LayoutKind.Explicit)]
public struct ExplRef { [FieldOffset(0)] public long X; [FieldOffset(8)] public object O; [FieldOffset(16)] public int Y; }
public struct Inner { public byte A; public string O; }
public struct Outer { public byte B; public Inner I; public int C; public object D; }
public struct Small { public byte A; public byte B; }
public struct HoldsSmall { public byte X; public Small S; public short Y; }

public class Base { public object R; public byte B; public long L; }
public class Derived : Base { public byte B2; public string S; public int I; }

// Vtables.
public class VA {
    public virtual int F() { return 1; }
    public virtual int G() { return 2; }
    public override string ToString() { return "VA"; }
}
public class VB : VA {
    public override int F() { return 3; }
    public new virtual int G() { return 4; }
}
public sealed class VC : VB {
    public sealed override int F() { return 5; }
    public override int G() { return 6; }
}

// Interface maps.
public interface I1 { int M(); }
public interface I2 : I1 { int N(); }
public interface IG<T> { T Get(); }
public class P : I2, IG<int>, IG<string> {
    public virtual int M() { return 1; }
    public int N() { return 2; }
    int IG<int>.Get() { return 3; }
    string IG<string>.Get() { return "4"; }
}
public class Q : P { }
public class S : P { public override int M() { return 5; } }
public class R : P, I1 { public new int M() { return 6; } }

// Explicit layouts the loader must refuse.
[StructLayout(LayoutKind.Explicit)]
public struct RefOverlapsLong { [FieldOffset(0)] public object O; [FieldOffset(0)] public long L; }
[StructLayout(LayoutKind.Explicit)]
public struct MisalignedRef { [FieldOffset(0)] public int I; [FieldOffset(4)] public object O; }
"#;

/// The vtable of `t` as `Owner::Name` per slot.
fn vtable(t: TypeHandle) -> Vec<String> {
    t.vtable_methods
        .iter()
        .map(|m| format!("{}::{}", m.owner.name, m.name))
        .collect()
}

/// The interface map of `t`: each interface's name and its slots.
fn interface_map(t: TypeHandle) -> Vec<(String, Vec<u32>)> {
    t.interface_map
        .iter()
        .map(|m| (m.interface.name.clone(), m.slots.clone()))
        .collect()
}

/// The method in slot `slot` of `t`'s vtable, as `Owner::Name`.
fn slot(t: TypeHandle, slot: u32) -> String {
    let m = &t.vtable_methods[slot as usize];
    format!("{}::{}", m.owner.name, m.name)
}

const OBJECT_SLOTS: [&str; 4] = [
    "System.Object::Finalize",
    "System.Object::ToString",
    "System.Object::Equals",
    "System.Object::GetHashCode",
];

fn run(name: &str, test: impl FnOnce(Env<'_>) + Send + 'static) {
    with_runtime(
        name,
        compile("loader", SOURCE),
        CollectorKind::Generational,
        test,
    );
}

/// The offset of instance field `name` of `t`.
fn offset(t: TypeHandle, name: &str) -> u32 {
    t.instance_fields
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("{} has no field {name}", t.name))
        .offset
}

fn offsets(t: TypeHandle, names: &[&str]) -> Vec<u32> {
    names.iter().map(|n| offset(t, n)).collect()
}

/// (size, alignment, reference offsets) of a value type.
fn value_shape(t: TypeHandle) -> (u32, u32, Vec<u32>) {
    let l = t.value_layout.as_ref().expect("a value type has a layout");
    (l.size, l.align, l.gc_refs.to_vec())
}

#[test]
fn sequential_structs_align_each_field_to_its_size() {
    run("loader-sequential", |env| {
        let seq = env.ty("Seq");
        assert_eq!(offsets(seq, &["A", "B", "C", "D", "E"]), [0, 4, 8, 16, 24]);
        // 26 bytes of fields, rounded up to the alignment of the long.
        assert_eq!(value_shape(seq), (32, 8, vec![]));
        // The boxed form: the method-table word, then the value.
        assert_eq!(seq.mt.base_size, 40);
        assert!(seq.instance_gc_refs.is_empty());
    });
}

#[test]
fn packing_caps_field_alignment() {
    run("loader-packing", |env| {
        let p1 = env.ty("Packed1");
        assert_eq!(offsets(p1, &["A", "B", "C", "D"]), [0, 1, 5, 7]);
        assert_eq!(value_shape(p1), (15, 1, vec![]));
        let p2 = env.ty("Packed2");
        assert_eq!(offsets(p2, &["A", "B", "C"]), [0, 2, 10]);
        assert_eq!(value_shape(p2), (12, 2, vec![]));
        // ClassLayout.ClassSize makes a struct bigger than its fields.
        let sized = env.ty("Sized");
        assert_eq!(offset(sized, "A"), 0);
        assert_eq!(value_shape(sized), (20, 4, vec![]));
        assert_eq!(sized.mt.base_size, 8 + 24);
    });
}

#[test]
fn explicit_offsets_overlap_and_keep_reference_maps() {
    run("loader-explicit", |env| {
        let e = env.ty("Expl");
        assert_eq!(offsets(e, &["I", "F", "S", "L"]), [0, 0, 4, 8]);
        assert_eq!(value_shape(e), (24, 8, vec![]));
        let r = env.ty("ExplRef");
        assert_eq!(offsets(r, &["X", "O", "Y"]), [0, 8, 16]);
        assert_eq!(value_shape(r), (24, 8, vec![8]));
        // Boxed, the reference sits after the method-table word.
        assert_eq!(r.instance_gc_refs, [16]);
    });
}

#[test]
fn explicit_layouts_that_hide_a_reference_are_type_load_errors() {
    run("loader-explicit-bad", |env| {
        for name in ["RefOverlapsLong", "MisalignedRef"] {
            let mut loader = env.rt.loader();
            let rid = loader.find_type(env.asm, "", name).unwrap().unwrap();
            let err = loader
                .load_type_def(crate::typesystem::TypeDefId {
                    assembly: env.asm,
                    rid,
                })
                .expect_err(name);
            assert!(
                matches!(err, crate::loader::LoadError::InvalidType { .. }),
                "{name}: {err}"
            );
            assert_eq!(
                err.exception_kind(),
                osprey_binder::ExceptionKind::TypeLoad,
                "{name}"
            );
        }
    });
}

#[test]
fn structs_in_structs_are_aligned_and_contribute_their_references() {
    run("loader-nested", |env| {
        let inner = env.ty("Inner");
        assert_eq!(offsets(inner, &["A", "O"]), [0, 8]);
        assert_eq!(value_shape(inner), (16, 8, vec![8]));
        let outer = env.ty("Outer");
        // Inner is 8-aligned (it holds a reference): B at 0, Inner at 8,
        // Inner.O at 16, then C after Inner's 16 bytes, D aligned to 8.
        assert_eq!(offsets(outer, &["B", "I", "C", "D"]), [0, 8, 24, 32]);
        assert_eq!(value_shape(outer), (40, 8, vec![16, 32]));
        assert_eq!(outer.instance_gc_refs, [24, 40]);
        // A struct of bytes is 1-aligned: it packs right after a byte.
        let holds = env.ty("HoldsSmall");
        assert_eq!(value_shape(env.ty("Small")), (2, 1, vec![]));
        assert_eq!(offsets(holds, &["X", "S", "Y"]), [0, 1, 4]);
        assert_eq!(value_shape(holds), (6, 2, vec![]));
    });
}

#[test]
fn class_fields_put_references_first_after_the_parent() {
    run("loader-classes", |env| {
        let base = env.ty("Base");
        // Auto layout: references first, then by decreasing alignment,
        // from the end of System.Object (the method-table word).
        assert_eq!(offsets(base, &["R", "L", "B"]), [8, 16, 24]);
        assert_eq!(base.mt.base_size, 32);
        assert_eq!(base.instance_gc_refs, [8]);
        let derived = env.ty("Derived");
        assert_eq!(offsets(derived, &["S", "I", "B2"]), [32, 40, 44]);
        assert_eq!(derived.mt.base_size, 48);
        // The parent's references, then the type's own.
        assert_eq!(derived.instance_gc_refs, [8, 32]);
        assert!(derived
            .mt
            .has(crate::typesystem::types::mt_flags::CONTAINS_GC_REFS));
    });
}

#[test]
fn vtables_override_add_newslots_and_seal() {
    run("loader-vtables", |env| {
        let (a, b, c) = (env.ty("VA"), env.ty("VB"), env.ty("VC"));
        // System.Object's four virtuals come first; ToString is overridden
        // in its own slot.
        let mut want: Vec<String> = OBJECT_SLOTS.iter().map(|s| s.to_string()).collect();
        want[1] = "VA::ToString".into();
        want.extend(["VA::F".into(), "VA::G".into()]);
        assert_eq!(vtable(a), want);
        // VB overrides F in place; `new virtual G` takes a new slot and
        // leaves VA::G in VA's.
        want[4] = "VB::F".into();
        want.push("VB::G".into());
        assert_eq!(vtable(b), want);
        // The sealed VC overrides F and the newer G (slot 6), never VA::G.
        want[4] = "VC::F".into();
        want[6] = "VC::G".into();
        assert_eq!(vtable(c), want);
        assert_eq!(a.mt.num_vtable_slots, 6);
        assert_eq!(b.mt.num_vtable_slots, 7);
        assert_eq!(c.mt.num_vtable_slots, 7);
        // Every slot method records the slot it occupies in its owner.
        for t in [a, b, c] {
            for (i, m) in t.vtable_methods.iter().enumerate() {
                if m.owner == t {
                    assert_eq!(m.slot, Some(i as u32), "{}::{}", t.name, m.name);
                }
            }
        }
    });
}

#[test]
fn interface_maps_follow_inheritance_overrides_and_reimplementation() {
    run("loader-interfaces", |env| {
        let p = env.ty("P");
        // I2 first (declared), then the I1 it inherits, then each
        // instantiation of IG<T> separately.
        let expected = vec![
            ("I2".to_string(), vec![5]),
            ("I1".to_string(), vec![4]),
            ("IG`1[System.Int32]".to_string(), vec![6]),
            ("IG`1[System.String]".to_string(), vec![7]),
        ];
        assert_eq!(interface_map(p), expected);
        assert_eq!(slot(p, 4), "P::M");
        assert_eq!(slot(p, 5), "P::N");
        assert_eq!(slot(p, 6), "P::IG<int>.Get");
        assert_eq!(slot(p, 7), "P::IG<string>.Get");
        let ig_int = p.interface_map[2].interface;
        assert_eq!(ig_int.instantiation.len(), 1);
        assert_eq!(ig_int.instantiation[0].name, "System.Int32");
        assert_ne!(ig_int, p.interface_map[3].interface);

        // Inherited whole by a subclass that declares nothing.
        let q = env.ty("Q");
        assert_eq!(interface_map(q), expected);
        assert_eq!(vtable(q), vtable(p));

        // Overriding the implementing method keeps the slot, so calls
        // through I1 reach the override.
        let s = env.ty("S");
        assert_eq!(interface_map(s), expected);
        assert_eq!(slot(s, 4), "S::M");

        // Re-implementing I1 with a new method maps I1 to the new slot,
        // while I2 and IG<T> keep P's mapping.
        let r = env.ty("R");
        assert_eq!(slot(r, 8), "R::M");
        assert_eq!(
            interface_map(r),
            vec![
                ("I2".to_string(), vec![5]),
                ("I1".to_string(), vec![8]),
                ("IG`1[System.Int32]".to_string(), vec![6]),
                ("IG`1[System.String]".to_string(), vec![7]),
            ]
        );
        assert_eq!(slot(r, 4), "P::M");
    });
}
