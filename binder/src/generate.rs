// The binder's generator: computes the managed layout of every bound corelib
// type from corelib.dll with the runtime's own field-layout code
// (`osprey_metadata::layout::layout_type_def`), checks that the bindings
// cover exactly the managed fields, and renders the `layouts` module that
// lib.rs asserts the mirrors against.
//
// Used by build.rs (`#[path]` module) and by tests/drift.rs, which runs it on
// deliberately modified corelibs.

use std::collections::HashMap;
use std::fmt::Write as _;

use osprey_metadata::layout::{self, FieldShape, Layout, TypeDefLayoutError};
use osprey_metadata::sig::TypeSig;
use osprey_metadata::tables::TypeDefOrRef;
use osprey_metadata::Image;

/// One `class`/`value` line of bindings.rs.
#[derive(Clone, Debug)]
pub struct ClassSpec {
    /// `value` (a value type) or `class`.
    pub value_type: bool,
    /// The Rust mirror's name.
    pub mirror: &'static str,
    /// Managed namespace.
    pub namespace: &'static str,
    /// Managed name.
    pub name: &'static str,
    /// (Rust mirror field, managed field) pairs.
    pub fields: Vec<(&'static str, &'static str)>,
}

/// A bound type's managed layout.
#[derive(Clone, Debug)]
pub struct BoundLayout {
    /// The binding.
    pub spec: ClassSpec,
    /// Classes: where the instance ends (rounded to 8), counted from the
    /// object reference. Value types: the value's size.
    pub size: u32,
    /// The offset of each bound field, in `spec.fields` order.
    pub offsets: Vec<u32>,
}

/// Lays out corelib types on demand.
struct Corelib<'a> {
    img: Image<'a>,
    values: HashMap<u32, Layout>,
    classes: HashMap<u32, Layout>,
}

impl<'a> Corelib<'a> {
    fn find(&self, namespace: &str, name: &str) -> Result<u32, String> {
        self.img
            .find_type_def(namespace, name)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("binder: corelib has no type {namespace}.{name}"))
    }

    fn resolve(&self, t: TypeDefOrRef) -> Result<u32, String> {
        match t {
            TypeDefOrRef::TypeDef(rid) => Ok(rid),
            // corelib references no other assembly, so a TypeRef names one of its own types.
            TypeDefOrRef::TypeRef(rid) => {
                let row = self.img.type_ref(rid).map_err(|e| e.to_string())?;
                let ns = self.img.string(row.namespace).map_err(|e| e.to_string())?;
                let name = self.img.string(row.name).map_err(|e| e.to_string())?;
                self.find(ns, name)
            }
            TypeDefOrRef::TypeSpec(_) => {
                Err("binder: generic field types are not supported".into())
            }
        }
    }

    fn shape_of(&mut self, sig: &TypeSig) -> Result<FieldShape, String> {
        if let Some(s) = layout::primitive_shape(sig) {
            return Ok(s);
        }
        match sig.strip_modifiers() {
            TypeSig::ValueType(t) => {
                let rid = self.resolve(*t)?;
                let l = self.value_layout(rid)?;
                Ok(FieldShape::value_type(&l))
            }
            other => Err(format!("binder: unsupported field type {other}")),
        }
    }

    fn layout(
        &mut self,
        rid: u32,
        value_type: bool,
        parent_size: u32,
    ) -> Result<layout::TypeDefLayout, String> {
        let img = self.img.clone();
        match layout::layout_type_def(&img, rid, value_type, parent_size, &mut |sig| {
            self.shape_of(sig)
        }) {
            Ok(l) => Ok(l),
            Err(TypeDefLayoutError::Metadata(e)) => Err(e.to_string()),
            Err(TypeDefLayoutError::Shape(e)) => Err(e),
            Err(TypeDefLayoutError::Layout(e)) => Err(e.to_string()),
        }
    }

    fn value_layout(&mut self, rid: u32) -> Result<Layout, String> {
        if let Some(l) = self.values.get(&rid) {
            return Ok(l.clone());
        }
        let l = self.layout(rid, true, 0)?.layout;
        self.values.insert(rid, l.clone());
        Ok(l)
    }

    /// A class's layout, its parents' first (the instance size of the parent
    /// is where the class's fields start).
    fn class_layout(&mut self, rid: u32) -> Result<layout::TypeDefLayout, String> {
        let row = self.img.type_def(rid).map_err(|e| e.to_string())?;
        let parent_size = match row.extends {
            None => 8,
            Some(p) => {
                let prid = self.resolve(p)?;
                match self.classes.get(&prid) {
                    Some(l) => l.size,
                    None => {
                        let l = self.class_layout(prid)?.layout;
                        self.classes.insert(prid, l.clone());
                        l.size
                    }
                }
            }
        };
        self.layout(rid, false, parent_size)
    }
}

/// Computes the managed layout of every binding, checking that each binding
/// covers exactly the type's own instance fields.
pub fn compute(corelib: &[u8], specs: &[ClassSpec]) -> Result<Vec<BoundLayout>, String> {
    let img = Image::parse(corelib).map_err(|e| format!("binder: cannot read corelib.dll: {e}"))?;
    let mut c = Corelib {
        img,
        values: HashMap::new(),
        classes: HashMap::new(),
    };
    let mut out = Vec::new();
    for spec in specs {
        let qualified = format!("{}.{}", spec.namespace, spec.name);
        let rid = c.find(spec.namespace, spec.name)?;
        let tl = if spec.value_type {
            c.layout(rid, true, 0)?
        } else {
            c.class_layout(rid)?
        };
        let mut by_name = HashMap::new();
        for (frid, off) in tl.fields.iter().zip(&tl.layout.offsets) {
            let row = c.img.field(*frid).map_err(|e| e.to_string())?;
            let name = c
                .img
                .string(row.name)
                .map_err(|e| e.to_string())?
                .to_string();
            by_name.insert(name, *off);
        }
        let mut offsets = Vec::new();
        for (rust, managed) in &spec.fields {
            let off = by_name.remove(*managed).ok_or_else(|| {
                format!(
                    "binder: {qualified}.{managed}: corelib has no such instance field (bound to {}::{rust} in binder/src/bindings.rs)",
                    spec.mirror
                )
            })?;
            offsets.push(off);
        }
        if let Some(extra) = by_name.keys().min() {
            return Err(format!(
                "binder: {qualified}.{extra}: a managed instance field with no binding; add it to {} in binder/src/bindings.rs",
                spec.mirror
            ));
        }
        out.push(BoundLayout {
            spec: spec.clone(),
            size: tl.layout.size,
            offsets,
        });
    }
    Ok(out)
}

/// A Rust mirror's layout, as the compiler laid it out (`offset_of!`).
#[derive(Clone, Debug)]
pub struct MirrorLayout {
    /// The mirror's name.
    pub mirror: &'static str,
    /// `size_of` the mirror.
    pub size: usize,
    /// The offset of each mirror field, in the binding's order.
    pub offsets: Vec<usize>,
}

/// Every difference between the managed layouts and the Rust mirrors, one
/// line per drifted field (and per drifted size), naming the managed field,
/// its offset and the mirror field's: all of them at once, which the
/// compile-time assertions of lib.rs cannot do (they stop at the first).
pub fn drift(layouts: &[BoundLayout], mirrors: &[MirrorLayout]) -> Vec<String> {
    let mut out = Vec::new();
    for l in layouts {
        let Some(m) = mirrors.iter().find(|m| m.mirror == l.spec.mirror) else {
            out.push(format!(
                "binder: {}.{}: no mirror {} in binder/src/mirrors.rs",
                l.spec.namespace, l.spec.name, l.spec.mirror
            ));
            continue;
        };
        for (((rust, managed), off), mirror_off) in
            l.spec.fields.iter().zip(&l.offsets).zip(&m.offsets)
        {
            if *off as usize != *mirror_off {
                out.push(format!(
                    "binder: {}.{}.{managed}: managed offset {off}, but the mirror field {}::{rust} is at {mirror_off} (binder/src/mirrors.rs)",
                    l.spec.namespace, l.spec.name, l.spec.mirror
                ));
            }
        }
        if l.size as usize != m.size {
            out.push(format!(
                "binder: {}.{}: managed size {}, but the mirror {} is {} bytes (binder/src/mirrors.rs)",
                l.spec.namespace, l.spec.name, l.size, l.spec.mirror, m.size
            ));
        }
    }
    out
}

/// Renders the `layouts` module: one module per mirror with its managed
/// `SIZE` and the offset of each bound field, named after the mirror field.
pub fn render(layouts: &[BoundLayout]) -> String {
    let mut s = String::from("// Generated by binder/build.rs from corelib.dll. Do not edit.\n\n");
    for l in layouts {
        let kind = if l.spec.value_type {
            "value type"
        } else {
            "class"
        };
        let _ = writeln!(s, "/// `{}.{}` ({kind}).", l.spec.namespace, l.spec.name);
        let _ = writeln!(s, "pub mod {} {{", l.spec.mirror);
        let _ = writeln!(
            s,
            "    /// Managed size (classes: instance end from the object reference)."
        );
        let _ = writeln!(s, "    pub const SIZE: usize = {};", l.size);
        for ((rust, managed), off) in l.spec.fields.iter().zip(&l.offsets) {
            let _ = writeln!(s, "    /// Offset of `{managed}`.");
            let _ = writeln!(s, "    pub const {rust}: usize = {off};");
        }
        s.push_str("}\n\n");
    }
    s
}
