//! The native layout of value types: what C sees of a struct, whether it
//! is *blittable* (the same bytes in managed and native memory, so the
//! marshaler can pin or copy it as is), and how the System V ABI passes it.
//!
//! A field's native form follows .NET's rules on Linux: primitives, enums,
//! pointers and `IntPtr` as themselves; `bool` as a 4-byte `BOOL` (1 byte
//! with `[MarshalAs(UnmanagedType.U1)]` or `I1`); `char` as one UTF-8 byte
//! when the struct's `CharSet` is `Ansi` (the default) or `Auto`, two bytes
//! when it is `Unicode`; `string` as a pointer to a NUL-terminated string
//! (UTF-8, or UTF-16 under `CharSet.Unicode` or `[MarshalAs(LPWStr)]`);
//! a delegate as a function pointer; a nested struct by its own native
//! layout. `Sequential` structs place fields in order, each aligned to the
//! smaller of its alignment and `Pack`; `Explicit` ones at their
//! `[FieldOffset]`s; `Size` is a minimum. A fixed buffer (`fixed int
//! a[4]`, which mcs compiles to a nested struct of one element and a
//! `Size`) is that many elements. `[MarshalAs(ByValTStr, SizeConst = n)]`
//! makes a string field `n` characters inline, `[MarshalAs(ByValArray,
//! SizeConst = n)]` an array field `n` elements inline. A formatted class
//! deriving from another starts with its base's native layout.

use osprey_jit::{EightByte, JitType, NativeStruct, StructClass};
use osprey_metadata::flags::type_attributes as ta;
use osprey_metadata::sig::TypeSig;
use osprey_metadata::tables::HasFieldMarshal;

use super::import::{field_marshal, fixed_count, native_type as nt};
use crate::loader::{FieldDesc, Loader, TypeHandle, TypeKind};

/// What one field is in native memory.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum NativeField {
    /// The same bytes as the managed field (of this many bytes).
    Blittable(u32),
    /// A `bool` as an integer of this many bytes (1 or 4).
    Bool(u32),
    /// A `char` as one UTF-8 byte.
    AnsiChar,
    /// A `string` as a pointer to a NUL-terminated copy (UTF-16 if `true`).
    String { utf16: bool },
    /// A delegate (of this type) as a function pointer.
    Delegate(TypeHandle),
    /// A nested struct (its native layout).
    Struct(TypeHandle),
    /// `[MarshalAs(ByValTStr, SizeConst = count)] string`: `count`
    /// characters inline (UTF-8 bytes, or UTF-16 units if `utf16`), the
    /// string truncated to `count - 1` and NUL-terminated.
    ByValTStr { count: u32, utf16: bool },
    /// `[MarshalAs(ByValArray, SizeConst = count)] T[]`: `count` elements
    /// inline. `array` is the managed array type; its elements are
    /// blittable primitives, or `char`s, which are one UTF-8 byte each
    /// (`elem_size` 1) unless the struct is `CharSet.Unicode`.
    ByValArray {
        array: TypeHandle,
        element: JitType,
        elem_size: u32,
        count: u32,
    },
}

/// One field of a native layout.
#[derive(Clone, Debug)]
pub(crate) struct NativeFieldLayout {
    /// Offset in the managed value.
    pub managed_offset: u32,
    /// Offset in the native struct.
    pub native_offset: u32,
    /// Its native form.
    pub kind: NativeField,
    /// Its managed type.
    pub jit_type: JitType,
}

/// A value type as C sees it.
#[derive(Clone, Debug)]
pub(crate) struct NativeLayout {
    /// Size in bytes of the native struct.
    pub size: u32,
    /// Its alignment.
    pub align: u32,
    /// The instance fields, in declaration order.
    pub fields: Vec<NativeFieldLayout>,
    /// Managed and native layouts are the same bytes.
    pub blittable: bool,
}

/// Why a type has no native layout: the message names the field.
#[derive(Clone, Debug)]
pub(crate) struct NotMarshalable(pub String);

/// The struct's `CharSet` is Unicode (UTF-16 chars and strings).
fn unicode_struct(loader: &mut Loader, t: TypeHandle) -> bool {
    let Some(def) = t.def else { return false };
    let asm = loader.assembly(def.assembly);
    asm.image()
        .type_def(def.rid)
        .map(|row| row.flags & ta::STRING_FORMAT_MASK == ta::UNICODE_CLASS)
        .unwrap_or(false)
}

/// Whether the struct is laid out `Explicit`ly.
fn explicit_struct(loader: &mut Loader, t: TypeHandle) -> bool {
    let Some(def) = t.def else { return false };
    let asm = loader.assembly(def.assembly);
    asm.image()
        .type_def(def.rid)
        .map(|row| row.flags & ta::LAYOUT_MASK == ta::EXPLICIT_LAYOUT)
        .unwrap_or(false)
}

/// `ClassLayout` (packing, size) of the struct, 0 when not given.
fn class_layout(loader: &mut Loader, t: TypeHandle) -> (u32, u32) {
    let Some(def) = t.def else { return (0, 0) };
    let asm = loader.assembly(def.assembly);
    match asm.image().class_layout_of(def.rid) {
        Ok(Some(row)) => (u32::from(row.packing_size), row.class_size),
        _ => (0, 0),
    }
}

/// Whether class `t` is a *formatted class*: declared with
/// `[StructLayout(Sequential)]` or `Explicit` (not the default `Auto`),
/// deriving from `System.Object` or from another formatted class (whose
/// fields come first, as the CLR lays them out), and not a delegate. C
/// sees such an object as a pointer to a struct of its fields
/// (`Marshal.StructureToPtr`, and P/Invoke arguments copied to native
/// memory for the call).
pub(crate) fn is_formatted_class(loader: &mut Loader, t: TypeHandle) -> bool {
    let mut cur = t;
    for _ in 0..64 {
        if !declares_layout_class(loader, cur) {
            return false;
        }
        match cur.parent() {
            Some(p) if p.name == "System.Object" => return true,
            Some(p) => cur = p,
            None => return false,
        }
    }
    false
}

/// The base formatted class of formatted class `t`, if it derives from one.
fn formatted_base(loader: &mut Loader, t: TypeHandle) -> Option<TypeHandle> {
    t.parent()
        .filter(|p| p.name != "System.Object" && is_formatted_class(loader, *p))
}

/// Whether class `t` itself is declared with sequential or explicit layout.
fn declares_layout_class(loader: &mut Loader, t: TypeHandle) -> bool {
    if t.kind != TypeKind::Class {
        return false;
    }
    let Some(def) = t.def else { return false };
    let asm = loader.assembly(def.assembly);
    asm.image()
        .type_def(def.rid)
        .map(|row| row.flags & ta::LAYOUT_MASK != ta::AUTO_LAYOUT)
        .unwrap_or(false)
}

/// The native layout of value type `t`, or of formatted class `t`
/// ([`is_formatted_class`]; its managed offsets are from the start of the
/// object's fields, as a boxed value's are, and it is never blittable:
/// its fields are converted one by one).
pub(crate) fn native_layout(
    loader: &mut Loader,
    t: TypeHandle,
) -> Result<NativeLayout, NotMarshalable> {
    native_layout_depth(loader, t, 0)
}

/// How deep structs may nest inside one another before the layout gives up
/// (a cycle through a formatted class's base or a field would otherwise
/// recurse forever).
const MAX_NESTING: u32 = 32;

/// [`native_layout`] at nesting `depth`: its steps are [`managed_size`],
/// [`scalar_layout`] for primitives and enums, [`LayoutRules::of`],
/// [`NativeLayoutBuilder::add_base`], [`native_field`] and
/// [`NativeLayoutBuilder::place`] for each instance field, and
/// [`NativeLayoutBuilder::finish`].
fn native_layout_depth(
    loader: &mut Loader,
    t: TypeHandle,
    depth: u32,
) -> Result<NativeLayout, NotMarshalable> {
    // A formatted class's fields start after the method table pointer.
    let class_fields = t.value_layout.is_none() && is_formatted_class(loader, t);
    let managed_size = managed_size(t, class_fields)?;
    if let Some(scalar) = scalar_layout(t, managed_size) {
        return Ok(scalar);
    }
    if depth > MAX_NESTING {
        return Err(NotMarshalable(format!("{} nests too deeply", t.name)));
    }
    let rules = LayoutRules::of(loader, t);
    let mut builder = NativeLayoutBuilder::new(class_fields);
    if class_fields {
        if let Some(b) = formatted_base(loader, t) {
            let base = native_layout_depth(loader, b, depth + 1)?;
            builder.add_base(base, b, rules.pack);
        }
    }
    for f in t.instance_fields.clone().iter() {
        let field = native_field(loader, t, f, rules.unicode, depth)?;
        builder.place(f, field, &rules);
    }
    Ok(builder.finish(&rules, managed_size))
}

/// Step 1: the size of the managed value (for a formatted class, of its
/// fields without the method table pointer); an error for a type that has
/// no native layout at all.
fn managed_size(t: TypeHandle, class_fields: bool) -> Result<u32, NotMarshalable> {
    match &t.value_layout {
        Some(l) => Ok(l.size),
        None if class_fields => Ok(t.mt.base_size.saturating_sub(8)),
        None => Err(NotMarshalable(format!(
            "{} is neither a value type nor a class with sequential or explicit layout",
            t.name
        ))),
    }
}

/// Step 2: a primitive or an enum on its own (the element of a nested
/// struct field, or a struct argument that is a primitive), which has no
/// fields to lay out. `None` for other types.
fn scalar_layout(t: TypeHandle, managed_size: u32) -> Option<NativeLayout> {
    if !matches!(t.kind, TypeKind::Primitive(_) | TypeKind::Enum(_)) {
        return None;
    }
    // On its own, a bool is a 4-byte BOOL and a char one ANSI byte.
    let (size, blittable) = match t.jit_type() {
        JitType::Bool => (4, false),
        JitType::Char => (1, false),
        _ => (managed_size, true),
    };
    Some(NativeLayout {
        size,
        align: size,
        fields: Vec::new(),
        blittable,
    })
}

/// Step 3: what the type's metadata says about its layout.
struct LayoutRules {
    /// `CharSet.Unicode`: UTF-16 chars and strings.
    unicode: bool,
    /// `LayoutKind.Explicit`: fields at their `[FieldOffset]`s.
    explicit: bool,
    /// The packing (`Pack`, 8 when not given, at most 8).
    pack: u32,
    /// `Size` (a minimum), 0 when not given.
    class_size: u32,
}

impl LayoutRules {
    fn of(loader: &mut Loader, t: TypeHandle) -> LayoutRules {
        let (pack, class_size) = class_layout(loader, t);
        LayoutRules {
            unicode: unicode_struct(loader, t),
            explicit: explicit_struct(loader, t),
            pack: if pack == 0 { 8 } else { pack.min(8) },
            class_size,
        }
    }
}

/// The native layout being built, one field at a time.
struct NativeLayoutBuilder {
    /// Whether the fields are a formatted class's (managed offsets count
    /// from the method table pointer).
    class_fields: bool,
    fields: Vec<NativeFieldLayout>,
    blittable: bool,
    /// The end of the last field placed.
    offset: u32,
    align: u32,
    /// Where the base class's managed fields end (0 without a base).
    base_managed: u32,
    /// Where the base class's native fields end (0 without a base).
    base_native: u32,
}

impl NativeLayoutBuilder {
    fn new(class_fields: bool) -> NativeLayoutBuilder {
        NativeLayoutBuilder {
            class_fields,
            fields: Vec::new(),
            blittable: true,
            offset: 0,
            align: 1,
            base_managed: 0,
            base_native: 0,
        }
    }

    /// Step 4: a formatted class deriving from another (`b`, of native
    /// layout `base`): the base's native fields first, then this class's,
    /// from the base's native size on (explicit offsets count from there
    /// too).
    fn add_base(&mut self, base: NativeLayout, b: TypeHandle, pack: u32) {
        self.fields.extend(base.fields);
        self.offset = base.size;
        self.base_native = base.size;
        self.align = base.align.min(pack);
        self.base_managed = b.mt.base_size.saturating_sub(8);
    }

    /// Step 6: places field `f` of native form `field` after the fields
    /// placed so far (or at its explicit offset).
    fn place(&mut self, f: &FieldDesc, field: FieldForm, rules: &LayoutRules) {
        let FieldForm {
            kind,
            size,
            align: falign,
            jit_type,
        } = field;
        if !matches!(kind, NativeField::Blittable(_)) {
            self.blittable = false;
        }
        let falign = falign.min(rules.pack);
        let managed_offset = if self.class_fields {
            f.offset - 8
        } else {
            f.offset
        };
        let native_offset = if rules.explicit {
            managed_offset - self.base_managed.min(managed_offset) + self.base_native
        } else {
            self.offset.next_multiple_of(falign)
        };
        if native_offset != managed_offset || self.class_fields {
            self.blittable = false;
        }
        self.offset = self.offset.max(native_offset + size);
        self.align = self.align.max(falign);
        self.fields.push(NativeFieldLayout {
            managed_offset,
            native_offset,
            kind,
            jit_type,
        });
    }

    /// Step 7: the size (at least `Size`, rounded to the alignment) and
    /// whether the whole is blittable.
    fn finish(self, rules: &LayoutRules, managed_size: u32) -> NativeLayout {
        // A derived class's `Size` counts from its base's native size (CoreCLR's rule).
        let class_size = if rules.class_size != 0 {
            rules.class_size + self.base_native
        } else {
            0
        };
        let size = self
            .offset
            .max(class_size)
            .max(1)
            .next_multiple_of(self.align);
        NativeLayout {
            size,
            align: self.align,
            fields: self.fields,
            blittable: self.blittable && size == managed_size,
        }
    }
}

/// One field's native form, size and alignment (before `Pack`).
struct FieldForm {
    kind: NativeField,
    size: u32,
    align: u32,
    jit_type: JitType,
}

/// Step 5: the native form of field `f` of `t` (`unicode`: the struct's
/// `CharSet`), from its managed type and its `[MarshalAs]`.
fn native_field(
    loader: &mut Loader,
    t: TypeHandle,
    f: &FieldDesc,
    unicode: bool,
    depth: u32,
) -> Result<FieldForm, NotMarshalable> {
    let (marshal_as, fixed) = {
        let asm = loader.assembly(f.assembly);
        let owner = HasFieldMarshal::Field(f.rid);
        (
            field_marshal(asm.image(), owner),
            fixed_count(asm.image(), owner),
        )
    };
    let bad = |why: &str| NotMarshalable(format!("the field {}.{} ({why})", t.name, f.name));
    // (FieldDesc::jit_type is filled lazily: ask the loader.)
    let jit_type = loader
        .jit_type_of_sig(f.assembly, &f.sig, &t.generic_context())
        .map_err(|e| NotMarshalable(format!("the field {}.{}: {e}", t.name, f.name)))?;
    let (kind, size, align) = match (jit_type, f.sig.strip_modifiers()) {
        (JitType::Bool, _) => {
            let n = match marshal_as {
                Some(nt::U1 | nt::I1) => 1,
                _ => 4,
            };
            (NativeField::Bool(n), n, n)
        }
        (JitType::Char, _) if unicode || marshal_as == Some(nt::U2) => {
            (NativeField::Blittable(2), 2, 2)
        }
        (JitType::Char, _) => (NativeField::AnsiChar, 1, 1),
        (JitType::Ref, TypeSig::String) if marshal_as == Some(nt::BYVALTSTR) => {
            let count = fixed
                .filter(|n| *n > 0)
                .ok_or_else(|| bad("ByValTStr needs a SizeConst above 0"))?;
            let utf16 = unicode;
            let unit = if utf16 { 2 } else { 1 };
            (NativeField::ByValTStr { count, utf16 }, count * unit, unit)
        }
        (JitType::Ref, TypeSig::SzArray(elem)) if marshal_as == Some(nt::BYVALARRAY) => {
            let count = fixed
                .filter(|n| *n > 0)
                .ok_or_else(|| bad("ByValArray needs a SizeConst above 0"))?;
            by_val_array_field(loader, t, f, elem, count, unicode).map_err(|why| bad(&why))?
        }
        (JitType::Ref, TypeSig::String) => {
            let utf16 = match marshal_as {
                Some(nt::LPWSTR) => true,
                Some(nt::LPSTR | nt::LPUTF8STR) => false,
                _ => unicode,
            };
            (NativeField::String { utf16 }, 8, 8)
        }
        (JitType::Ref, _) => {
            let ft = loader
                .type_of_sig(f.assembly, &f.sig, &t.generic_context())
                .ok();
            match ft {
                Some(ft) if is_delegate(ft) => (NativeField::Delegate(ft), 8, 8),
                _ => return Err(bad("a reference that is not a string or a delegate")),
            }
        }
        (JitType::ByRef, _) => return Err(bad("a managed pointer")),
        (JitType::Struct(h), _) => {
            // SAFETY: `JitType::Struct` handles come from this runtime's loader.
            let inner = unsafe { TypeHandle::from_jit(h) };
            let nl = native_layout_depth(loader, inner, depth + 1)?;
            if nl.blittable {
                (NativeField::Blittable(nl.size), nl.size, nl.align)
            } else {
                (NativeField::Struct(inner), nl.size, nl.align)
            }
        }
        (ty, _) => {
            let n = ty.primitive_size().unwrap_or(f.size);
            (NativeField::Blittable(n), n, n.clamp(1, 8))
        }
    };
    Ok(FieldForm {
        kind,
        size,
        align,
        jit_type,
    })
}

/// `[MarshalAs(ByValArray, SizeConst = count)]` on field `f` of `t`, an
/// array of `elem`: its native form, size and alignment, or why not.
fn by_val_array_field(
    loader: &mut Loader,
    t: TypeHandle,
    f: &FieldDesc,
    elem: &TypeSig,
    count: u32,
    unicode: bool,
) -> Result<(NativeField, u32, u32), String> {
    let element = loader
        .jit_type_of_sig(f.assembly, elem, &t.generic_context())
        .map_err(|e| e.to_string())?;
    let elem_size = match element {
        JitType::Char if !unicode => 1,
        JitType::Bool | JitType::Ref | JitType::ByRef | JitType::Struct(_) => {
            return Err("ByValArray elements must be primitives other than bool".into())
        }
        ty => ty.primitive_size().unwrap_or(8),
    };
    let array = loader
        .type_of_sig(f.assembly, &f.sig, &t.generic_context())
        .map_err(|e| e.to_string())?;
    Ok((
        NativeField::ByValArray {
            array,
            element,
            elem_size,
            count,
        },
        count * elem_size,
        elem_size.clamp(1, 8),
    ))
}

/// Whether `t` is a delegate type (derives from `System.MulticastDelegate`).
pub(crate) fn is_delegate(t: TypeHandle) -> bool {
    let mut cur = t.parent();
    while let Some(p) = cur {
        if p.name == "System.MulticastDelegate" {
            return true;
        }
        cur = p.parent();
    }
    false
}

/// The System V classification (§3.2.3) of a struct with this native
/// layout: over 16 bytes, or with a field that straddles an eightbyte, in
/// memory; otherwise each eightbyte is SSE if only floats touch it, else
/// INTEGER.
pub(crate) fn sysv_class(
    loader: &mut Loader,
    t: TypeHandle,
) -> Result<NativeStruct, NotMarshalable> {
    let nl = native_layout(loader, t)?;
    if nl.size > 16 {
        return Ok(NativeStruct {
            size: nl.size,
            class: StructClass::Memory,
        });
    }
    let mut classes: [Option<EightByte>; 2] = [None, None];
    if !classify_into(loader, t, &nl, 0, &mut classes) {
        return Ok(NativeStruct {
            size: nl.size,
            class: StructClass::Memory,
        });
    }
    // An eightbyte holding only padding is passed in whatever register;
    // SSE, as the ABI's NO_CLASS merges.
    let first = classes[0].unwrap_or(EightByte::Sse);
    let second = (nl.size > 8).then(|| classes[1].unwrap_or(EightByte::Sse));
    Ok(NativeStruct {
        size: nl.size,
        class: StructClass::Registers { first, second },
    })
}

/// Marks the eightbytes `[offset, offset + size)` touches with `class`
/// (INTEGER wins); false if the field is not naturally aligned.
fn mark(classes: &mut [Option<EightByte>; 2], offset: u32, size: u32, class: EightByte) -> bool {
    if size == 0 || offset % size.min(8) != 0 {
        return false;
    }
    let (first, last) = (offset / 8, (offset + size - 1) / 8);
    for eb in first..=last {
        let Some(slot) = classes.get_mut(eb as usize) else {
            return false;
        };
        *slot = Some(match (*slot, class) {
            (Some(EightByte::Integer), _) | (_, EightByte::Integer) => EightByte::Integer,
            _ => EightByte::Sse,
        });
    }
    true
}

/// Adds the classes of `t`'s fields at `base` to `classes`; false if a
/// field is not naturally aligned (the struct then goes in memory).
fn classify_into(
    loader: &mut Loader,
    t: TypeHandle,
    nl: &NativeLayout,
    base: u32,
    classes: &mut [Option<EightByte>; 2],
) -> bool {
    if nl.fields.is_empty() {
        // A primitive (or an empty struct: padding only).
        return match t.jit_type() {
            JitType::R4 => mark(classes, base, 4, EightByte::Sse),
            JitType::R8 => mark(classes, base, 8, EightByte::Sse),
            JitType::Struct(_) => true,
            _ => mark(classes, base, nl.size, EightByte::Integer),
        };
    }
    // A fixed buffer: one element field and a larger size; every element
    // counts.
    let repeat = nl.fields.len() == 1
        && matches!(nl.fields[0].kind, NativeField::Blittable(n) if n > 0 && nl.size > n && nl.size % n == 0);
    for f in &nl.fields {
        let at = base + f.native_offset;
        let ok = match (f.kind, f.jit_type) {
            (NativeField::Blittable(_), JitType::Struct(h))
            | (NativeField::Struct(_), JitType::Struct(h)) => {
                // SAFETY: `JitType::Struct` handles come from this runtime's loader.
                let inner = unsafe { TypeHandle::from_jit(h) };
                match native_layout(loader, inner) {
                    Ok(inl) => classify_into(loader, inner, &inl, at, classes),
                    Err(_) => false,
                }
            }
            (NativeField::Blittable(n), JitType::R4 | JitType::R8) => {
                let count = if repeat { nl.size / n } else { 1 };
                (0..count).all(|i| mark(classes, at + i * n, n, EightByte::Sse))
            }
            (NativeField::Blittable(n), _) => {
                let count = if repeat { nl.size / n } else { 1 };
                (0..count).all(|i| mark(classes, at + i * n, n, EightByte::Integer))
            }
            (NativeField::Bool(n), _) => mark(classes, at, n, EightByte::Integer),
            (NativeField::AnsiChar, _) => mark(classes, at, 1, EightByte::Integer),
            (NativeField::String { .. } | NativeField::Delegate(_), _) => {
                mark(classes, at, 8, EightByte::Integer)
            }
            (NativeField::ByValTStr { count, utf16 }, _) => {
                let unit = if utf16 { 2 } else { 1 };
                (0..count).all(|i| mark(classes, at + i * unit, unit, EightByte::Integer))
            }
            (
                NativeField::ByValArray {
                    element,
                    elem_size,
                    count,
                    ..
                },
                _,
            ) => {
                let class = if element.is_float() {
                    EightByte::Sse
                } else {
                    EightByte::Integer
                };
                (0..count).all(|i| mark(classes, at + i * elem_size, elem_size, class))
            }
            (NativeField::Struct(_), _) => false,
        };
        if !ok {
            return false;
        }
    }
    true
}
