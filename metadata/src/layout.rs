//! Instance field layout: the one implementation Osprey uses.
//!
//! The type loader (vm/) lays out every runtime type with [`layout_fields`];
//! the binder's build script calls the same function on the freshly built
//! corelib to check its Rust mirror structs. The caller turns each field's
//! signature into a [`FieldShape`] (size, alignment, GC references), using
//! [`primitive_shape`] for everything but user value types, whose shape is
//! the [`Layout`] the caller computed for them earlier.
//!
//! Rules (the CoreCLR ones, simplified where noted):
//! * Classes start their fields where the parent's instance ends (rounded up
//!   to 8 bytes); offsets are from the object reference, which points at the
//!   method-table pointer, so `System.Object` ends at 8.
//! * `Auto` layout places object references first, then the other fields
//!   by decreasing alignment (8, 4, 2, 1), in declaration order within a
//!   group.
//! * `Sequential` layout keeps declaration order; each field is aligned to
//!   `min(its alignment, pack)`.
//! * `Explicit` layout uses the `[FieldOffset]` values (relative to the start
//!   of the type's own fields); an object reference must be 8-byte aligned
//!   and must not overlap anything that is not the same reference.
//! * A value type's size is rounded up to its alignment, is at least 1, and at
//!   least the `ClassLayout` size when one is given.

use std::fmt;

use crate::sig::TypeSig;

/// How a type's fields are placed (TypeAttributes.LayoutMask).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LayoutKind {
    /// The runtime chooses (classes, by default, in C#).
    Auto,
    /// Declaration order (structs, by default, in C#).
    Sequential,
    /// `[StructLayout(LayoutKind.Explicit)]` with `[FieldOffset]`s.
    Explicit,
}

/// What a field is made of, as far as layout and the GC care.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldShape {
    /// Size in bytes.
    pub size: u32,
    /// Natural alignment in bytes (1, 2, 4 or 8).
    pub align: u32,
    /// Offsets, relative to the field, of object references it holds
    /// (`[0]` for a reference-typed field).
    pub gc_refs: Vec<u32>,
    /// The field's `[FieldOffset]`, for explicit layout.
    pub explicit_offset: Option<u32>,
}

impl FieldShape {
    /// The shape of an object-reference field.
    pub fn reference() -> FieldShape {
        FieldShape {
            size: 8,
            align: 8,
            gc_refs: vec![0],
            explicit_offset: None,
        }
    }

    /// The shape of a plain (non-GC) field of the given size, aligned to its size.
    pub fn plain(size: u32) -> FieldShape {
        FieldShape {
            size,
            align: size.clamp(1, 8),
            gc_refs: Vec::new(),
            explicit_offset: None,
        }
    }

    /// The shape of a field of a value type whose layout is `layout`.
    pub fn value_type(layout: &Layout) -> FieldShape {
        FieldShape {
            size: layout.size,
            align: layout.align,
            gc_refs: layout.gc_refs.clone(),
            explicit_offset: None,
        }
    }
}

/// The shape of a field whose type signature needs no other type to be
/// known: primitives, references, pointers. `None` for user value types
/// (`ValueType`, value-type generic instantiations) and type variables,
/// which the caller resolves.
pub fn primitive_shape(sig: &TypeSig) -> Option<FieldShape> {
    Some(match sig {
        TypeSig::Prim(p) => FieldShape::plain(p.size()),
        TypeSig::Ptr(_) | TypeSig::FnPtr(_) => FieldShape::plain(8),
        s if s.is_reference() => FieldShape::reference(),
        TypeSig::Modified { inner, .. } => return primitive_shape(inner),
        _ => return None,
    })
}

/// The input to [`layout_fields`].
#[derive(Clone, Debug)]
pub struct LayoutRequest<'a> {
    /// The layout kind of the type.
    pub kind: LayoutKind,
    /// Whether the type is a value type (then offsets start at 0) or a class.
    pub is_value_type: bool,
    /// For classes: where the parent's instance ends (8 for a direct subclass
    /// of `System.Object`). Ignored for value types.
    pub parent_size: u32,
    /// `ClassLayout.PackingSize` (0 = default, which is 8).
    pub pack: u32,
    /// `ClassLayout.ClassSize` (0 = none): a minimum size for value types.
    pub class_size: u32,
    /// The instance fields, in declaration order.
    pub fields: &'a [FieldShape],
}

/// The result of [`layout_fields`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Offset of each field, in declaration order: from the object reference
    /// for classes, from the start of the value for value types.
    pub offsets: Vec<u32>,
    /// For value types: the size of a value. For classes: where this type's
    /// instance ends, rounded up to 8 (the `parent_size` of a subclass).
    pub size: u32,
    /// Alignment of the type (value types: the largest field alignment,
    /// capped by packing).
    pub align: u32,
    /// Offsets of every object reference in an instance, including the
    /// parent's for classes only if the caller merged them (this function
    /// reports the type's own fields).
    pub gc_refs: Vec<u32>,
}

/// Why a layout is invalid (a `TypeLoadException` in the CLR).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayoutError {
    /// Explicit layout without an offset for field `index`.
    MissingOffset {
        /// Declaration index of the field.
        index: usize,
    },
    /// An object reference at a misaligned explicit offset.
    MisalignedReference {
        /// Declaration index of the field.
        index: usize,
        /// Its offset.
        offset: u32,
    },
    /// An object reference overlapping a non-reference field.
    OverlappingReference {
        /// Declaration index of the field.
        index: usize,
        /// Its offset.
        offset: u32,
    },
    /// The type would exceed the size limit ([`MAX_INSTANCE_SIZE`]).
    TooLarge,
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LayoutError::MissingOffset { index } => {
                write!(
                    f,
                    "field {index} of an explicit-layout type has no [FieldOffset]"
                )
            }
            LayoutError::MisalignedReference { index, offset } => {
                write!(
                    f,
                    "field {index} is an object reference at misaligned offset {offset}"
                )
            }
            LayoutError::OverlappingReference { index, offset } => {
                write!(f, "field {index} is an object reference at offset {offset}, overlapping a field that is not")
            }
            LayoutError::TooLarge => write!(
                f,
                "its instance would be larger than {MAX_INSTANCE_SIZE} bytes, the limit of the CLR"
            ),
        }
    }
}

impl std::error::Error for LayoutError {}

/// The layout of one TypeDef's instance fields, as [`layout_type_def`] computes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeDefLayout {
    /// The instance fields (Field row ids), in declaration order.
    pub fields: Vec<u32>,
    /// Their shapes, in the same order.
    pub shapes: Vec<FieldShape>,
    /// The computed layout.
    pub layout: Layout,
}

/// Why [`layout_type_def`] failed.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeDefLayoutError<E> {
    /// The metadata is malformed.
    Metadata(crate::MetadataError),
    /// A field's shape could not be determined (the caller's error).
    Shape(E),
    /// The layout rules reject the type.
    Layout(LayoutError),
}

/// Lays out the instance fields of TypeDef `rid` of `img`: reads its
/// fields, layout kind, packing, class size and explicit offsets, asks
/// `shape_of` for the shape of each field's type (the caller resolves user
/// value types, possibly in other assemblies, recursively), and calls
/// [`layout_fields`]. This is the one place where a TypeDef becomes a
/// [`LayoutRequest`]: the type loader and the binder's build script both use it.
pub fn layout_type_def<E>(
    img: &crate::Image<'_>,
    rid: u32,
    is_value_type: bool,
    parent_size: u32,
    shape_of: &mut dyn FnMut(&TypeSig) -> Result<FieldShape, E>,
) -> Result<TypeDefLayout, TypeDefLayoutError<E>> {
    use crate::flags::{field_attributes as fa, type_attributes as ta};
    let md = TypeDefLayoutError::Metadata;
    let row = img.type_def(rid).map_err(md)?;
    let mut fields = Vec::new();
    let mut shapes = Vec::new();
    for frid in img.field_range(rid).map_err(md)? {
        let frow = img.field(frid).map_err(md)?;
        if frow.flags & fa::STATIC != 0 {
            continue;
        }
        let sig = img.field_sig(frid).map_err(md)?.ty;
        let mut shape = shape_of(&sig).map_err(TypeDefLayoutError::Shape)?;
        shape.explicit_offset = img.field_offset_of(frid).map_err(md)?;
        fields.push(frid);
        shapes.push(shape);
    }
    let (pack, class_size) = match img.class_layout_of(rid).map_err(md)? {
        Some(cl) => (u32::from(cl.packing_size), cl.class_size),
        None => (0, 0),
    };
    let kind = match row.flags & ta::LAYOUT_MASK {
        ta::SEQUENTIAL_LAYOUT => LayoutKind::Sequential,
        ta::EXPLICIT_LAYOUT => LayoutKind::Explicit,
        _ => LayoutKind::Auto,
    };
    let layout = layout_fields(&LayoutRequest {
        kind,
        is_value_type,
        parent_size,
        pack,
        class_size,
        fields: &shapes,
    })
    .map_err(TypeDefLayoutError::Layout)?;
    Ok(TypeDefLayout {
        fields,
        shapes,
        layout,
    })
}

/// The largest instance a type may have, and the largest field offset: the
/// CLR's limit (CoreCLR's `FIELD_OFFSET_LAST_REAL_OFFSET`, 2^27 - 7 bytes).
/// A type past it is a `TypeLoadException`.
pub const MAX_INSTANCE_SIZE: u64 = (1 << 27) - 7;

fn align_up(v: u64, a: u32) -> u64 {
    let a = u64::from(a.max(1));
    v.div_ceil(a) * a
}

/// Lays out the instance fields of one type.
pub fn layout_fields(req: &LayoutRequest<'_>) -> Result<Layout, LayoutError> {
    let pack = if req.pack == 0 { 8 } else { req.pack.min(8) };
    let start: u64 = if req.is_value_type {
        0
    } else {
        align_up(u64::from(req.parent_size.max(8)), 8)
    };
    let n = req.fields.len();
    let mut offsets = vec![0u64; n];
    let mut end = start;
    let mut align = 1u32;

    match req.kind {
        LayoutKind::Explicit => {
            for (i, f) in req.fields.iter().enumerate() {
                let off = f
                    .explicit_offset
                    .ok_or(LayoutError::MissingOffset { index: i })?;
                offsets[i] = start + u64::from(off);
                end = end.max(offsets[i] + u64::from(f.size));
                align = align.max(f.align.min(pack));
            }
            check_explicit_refs(req.fields, &offsets)?;
        }
        LayoutKind::Sequential => {
            for (i, f) in req.fields.iter().enumerate() {
                let a = f.align.min(pack);
                let off = align_up(end, a);
                offsets[i] = off;
                end = off + u64::from(f.size);
                align = align.max(a);
            }
        }
        LayoutKind::Auto => {
            // References first, then by decreasing alignment; stable within a group.
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_key(|&i| {
                let f = &req.fields[i];
                let is_ref = f.gc_refs == [0] && f.size == 8;
                (!is_ref, std::cmp::Reverse(f.align))
            });
            for i in order {
                let f = &req.fields[i];
                let a = f.align.min(pack);
                let off = align_up(end, a);
                offsets[i] = off;
                end = off + u64::from(f.size);
                align = align.max(a);
            }
        }
    }
    if end > MAX_INSTANCE_SIZE {
        return Err(LayoutError::TooLarge);
    }
    let size = if req.is_value_type {
        let s = align_up(end.max(1), align).max(u64::from(req.class_size));
        if s > MAX_INSTANCE_SIZE {
            return Err(LayoutError::TooLarge);
        }
        s as u32
    } else {
        align_up(end, 8) as u32
    };
    let mut gc_refs = Vec::new();
    for (i, f) in req.fields.iter().enumerate() {
        for r in &f.gc_refs {
            gc_refs.push(offsets[i] as u32 + r);
        }
    }
    gc_refs.sort_unstable();
    gc_refs.dedup();
    Ok(Layout {
        offsets: offsets.into_iter().map(|o| o as u32).collect(),
        size,
        align,
        gc_refs,
    })
}

/// An explicit layout may overlap fields freely, except that an object
/// reference must be 8-byte aligned and may only overlap the same reference
/// position of another field.
///
/// The cost is in the number of references, not in bytes: every reference
/// is an aligned 8-byte cell, and a field is checked only against the cells
/// inside it (so a crafted field of a gigabyte costs no more than a small one).
fn check_explicit_refs(fields: &[FieldShape], offsets: &[u64]) -> Result<(), LayoutError> {
    use std::collections::BTreeSet;
    let total = fields
        .iter()
        .zip(offsets)
        .map(|(f, o)| o + u64::from(f.size))
        .max()
        .unwrap_or(0);
    if total > MAX_INSTANCE_SIZE {
        return Err(LayoutError::TooLarge);
    }
    // Every reference, as the index of its 8-byte cell.
    let mut cells = BTreeSet::new();
    for (i, (f, &o)) in fields.iter().zip(offsets).enumerate() {
        for &r in &f.gc_refs {
            let at = o + u64::from(r);
            if at % 8 != 0 {
                return Err(LayoutError::MisalignedReference {
                    index: i,
                    offset: at as u32,
                });
            }
            cells.insert(at / 8);
        }
    }
    for (i, (f, &o)) in fields.iter().zip(offsets).enumerate() {
        if f.size == 0 {
            continue;
        }
        let mut own: Vec<u64> = f.gc_refs.iter().map(|&r| (o + u64::from(r)) / 8).collect();
        own.sort_unstable();
        // Reference cells this field's bytes touch: each must be one of the
        // field's own references (which cover the whole cell).
        let first = o / 8;
        let last = (o + u64::from(f.size) - 1) / 8;
        for &cell in cells.range(first..=last) {
            if own.binary_search(&cell).is_err() {
                return Err(LayoutError::OverlappingReference {
                    index: i,
                    offset: o as u32,
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(kind: LayoutKind, is_value_type: bool, fields: &[FieldShape]) -> LayoutRequest<'_> {
        LayoutRequest {
            kind,
            is_value_type,
            parent_size: 8,
            pack: 0,
            class_size: 0,
            fields,
        }
    }

    #[test]
    fn auto_class_puts_references_first_then_by_alignment() {
        let fields = [
            FieldShape::plain(1),
            FieldShape::plain(4),
            FieldShape::reference(),
            FieldShape::plain(8),
        ];
        let l = layout_fields(&req(LayoutKind::Auto, false, &fields)).unwrap();
        assert_eq!(l.offsets, vec![28, 24, 8, 16]);
        assert_eq!(l.size, 32);
        assert_eq!(l.gc_refs, vec![8]);
    }

    #[test]
    fn string_layout_matches_the_binder_contract() {
        // class String { int _stringLength; char _firstChar; }
        let fields = [FieldShape::plain(4), FieldShape::plain(2)];
        let l = layout_fields(&req(LayoutKind::Auto, false, &fields)).unwrap();
        assert_eq!(l.offsets, vec![8, 12]);
    }

    #[test]
    fn sequential_struct_pads_and_rounds_to_alignment() {
        let fields = [
            FieldShape::plain(1),
            FieldShape::plain(8),
            FieldShape::plain(2),
        ];
        let l = layout_fields(&req(LayoutKind::Sequential, true, &fields)).unwrap();
        assert_eq!(l.offsets, vec![0, 8, 16]);
        assert_eq!((l.size, l.align), (24, 8));
    }

    #[test]
    fn packing_caps_alignment() {
        let fields = [FieldShape::plain(1), FieldShape::plain(8)];
        let mut r = req(LayoutKind::Sequential, true, &fields);
        r.pack = 1;
        let l = layout_fields(&r).unwrap();
        assert_eq!(l.offsets, vec![0, 1]);
        assert_eq!((l.size, l.align), (9, 1));
    }

    #[test]
    fn empty_struct_has_size_one_and_class_size_is_a_minimum() {
        let l = layout_fields(&req(LayoutKind::Sequential, true, &[])).unwrap();
        assert_eq!(l.size, 1);
        let fields = [FieldShape::plain(4)];
        let mut r = req(LayoutKind::Sequential, true, &fields);
        r.class_size = 16;
        assert_eq!(layout_fields(&r).unwrap().size, 16);
    }

    #[test]
    fn subclass_fields_follow_the_parent() {
        let fields = [FieldShape::plain(4)];
        let mut r = req(LayoutKind::Auto, false, &fields);
        r.parent_size = 20;
        let l = layout_fields(&r).unwrap();
        assert_eq!(l.offsets, vec![24]);
        assert_eq!(l.size, 32);
    }

    #[test]
    fn explicit_union_of_plain_fields_is_fine() {
        let mut a = FieldShape::plain(4);
        a.explicit_offset = Some(0);
        let mut b = FieldShape::plain(8);
        b.explicit_offset = Some(0);
        let l = layout_fields(&req(LayoutKind::Explicit, true, &[a, b])).unwrap();
        assert_eq!(l.offsets, vec![0, 0]);
        assert_eq!(l.size, 8);
    }

    #[test]
    fn explicit_reference_overlapping_data_is_rejected() {
        let mut a = FieldShape::reference();
        a.explicit_offset = Some(0);
        let mut b = FieldShape::plain(4);
        b.explicit_offset = Some(4);
        let err = layout_fields(&req(LayoutKind::Explicit, true, &[a, b])).unwrap_err();
        assert_eq!(
            err,
            LayoutError::OverlappingReference {
                index: 1,
                offset: 4
            }
        );
        let mut c = FieldShape::reference();
        c.explicit_offset = Some(4);
        let err = layout_fields(&req(LayoutKind::Explicit, true, &[c])).unwrap_err();
        assert_eq!(
            err,
            LayoutError::MisalignedReference {
                index: 0,
                offset: 4
            }
        );
    }

    #[test]
    fn explicit_without_offset_is_an_error() {
        let err =
            layout_fields(&req(LayoutKind::Explicit, true, &[FieldShape::plain(4)])).unwrap_err();
        assert_eq!(err, LayoutError::MissingOffset { index: 0 });
    }

    #[test]
    fn explicit_references_may_overlap_the_same_reference() {
        // Two structs of references laid over each other, reference on reference.
        let mut a = FieldShape {
            size: 16,
            align: 8,
            gc_refs: vec![0, 8],
            explicit_offset: Some(0),
        };
        let mut b = FieldShape::reference();
        b.explicit_offset = Some(8);
        assert!(layout_fields(&req(LayoutKind::Explicit, true, &[a.clone(), b])).is_ok());
        // A reference straddled by a plain field that also has a reference
        // of its own elsewhere is still rejected.
        a.gc_refs = vec![8];
        let mut c = FieldShape::reference();
        c.explicit_offset = Some(0);
        assert_eq!(
            layout_fields(&req(LayoutKind::Explicit, true, &[a, c])).unwrap_err(),
            LayoutError::OverlappingReference {
                index: 0,
                offset: 0
            }
        );
    }

    #[test]
    fn explicit_layout_cost_does_not_grow_with_field_size() {
        // A crafted field of 0x7000_0000 bytes is past the size limit, and
        // one just under the limit that overlaps a reference is rejected
        // without touching its bytes: both return at once.
        let start = std::time::Instant::now();
        let mut huge = FieldShape::plain(0x7000_0000);
        huge.explicit_offset = Some(0);
        let mut r = FieldShape::reference();
        r.explicit_offset = Some(0x1000_0000);
        assert_eq!(
            layout_fields(&req(LayoutKind::Explicit, true, &[huge, r.clone()])).unwrap_err(),
            LayoutError::TooLarge
        );
        let mut big = FieldShape::plain((MAX_INSTANCE_SIZE - 8) as u32);
        big.explicit_offset = Some(0);
        r.explicit_offset = Some(0x0100_0000);
        assert_eq!(
            layout_fields(&req(LayoutKind::Explicit, true, &[big, r])).unwrap_err(),
            LayoutError::OverlappingReference {
                index: 0,
                offset: 0
            }
        );
        // Not a timing test: a byte map of this size would take seconds
        // and 128 MiB; the cell check takes microseconds.
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn instances_past_the_clr_limit_are_too_large() {
        let mut bytes = FieldShape::plain(MAX_INSTANCE_SIZE as u32);
        bytes.align = 1;
        let at_limit = [bytes];
        assert_eq!(
            layout_fields(&req(LayoutKind::Sequential, true, &at_limit))
                .unwrap()
                .size as u64,
            MAX_INSTANCE_SIZE
        );
        let mut r = req(LayoutKind::Sequential, true, &[]);
        r.class_size = MAX_INSTANCE_SIZE as u32 + 1;
        assert_eq!(layout_fields(&r).unwrap_err(), LayoutError::TooLarge);
        let over = [
            FieldShape::plain(8),
            FieldShape::plain(MAX_INSTANCE_SIZE as u32),
        ];
        assert_eq!(
            layout_fields(&req(LayoutKind::Auto, false, &over)).unwrap_err(),
            LayoutError::TooLarge
        );
    }
}
