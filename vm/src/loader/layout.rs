//! Field layout as the loader uses it: the shape of a field's type, the
//! layout of value types (computed without loading them, so that types
//! referring back to themselves through statics or type arguments do not
//! form cycles), and static field storage. The layout rules themselves live
//! in `osprey_metadata::layout`, shared with the binder's build script.

use std::sync::Arc;

use osprey_metadata::flags::field_attributes as fa;
use osprey_metadata::layout::{self, FieldShape};
use osprey_metadata::sig::TypeSig;

use super::assembly::{Assembly, AssemblyId};
use super::build::{primitive_of_sig, ValueLayout};
use super::generics::GenericContext;
use super::names;
use super::types::{FieldDesc, Primitive, StaticStorage, TypeDefId, TypeHandle, TypeKey};
use super::{LoadError, LoadResult, Loader};

impl Loader {
    /// Lays out static fields in fresh storage. `ctx` is the owner's
    /// instantiation: each instantiation of a generic type has its own
    /// statics.
    pub(super) fn static_storage(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
        ctx: &GenericContext,
        fields: &mut [FieldDesc],
    ) -> LoadResult<StaticStorage> {
        let mut offset = 0u32;
        let mut gc_refs = Vec::new();
        let mut rva_data = Vec::new();
        for f in fields.iter_mut() {
            if f.is_literal {
                continue;
            }
            // A static field of the type's own value type (`static Point
            // Origin`) finds the layout computed for the instance fields.
            let shape = self.field_shape(id.assembly, &f.sig, ctx)?;
            f.offset = offset;
            f.size = shape.size;
            gc_refs.extend(shape.gc_refs.iter().map(|r| offset + r));
            let img = asm.image();
            if let Some(data) = img
                .field_data_of(f.rid, shape.size as usize)
                .map_err(|e| self.bad_image(id.assembly, e))?
            {
                rva_data.push((offset, data.to_vec()));
            }
            offset = self.next_static_offset(id, offset, shape.size)?;
        }
        let mut data = vec![0u64; (offset as usize).div_ceil(8)].into_boxed_slice();
        for (off, bytes) in rva_data {
            // Copy field RVA data (static readonly arrays' backing data, `.data` fields).
            let dst = &mut bytemuck_bytes(&mut data)[off as usize..off as usize + bytes.len()];
            dst.copy_from_slice(&bytes);
        }
        for f in fields.iter_mut().filter(|f| !f.is_literal) {
            f.address = data.as_ptr() as usize + f.offset as usize;
        }
        Ok(StaticStorage { data, gc_refs })
    }

    /// The shape of a field of type `sig` declared in `assembly`, with the
    /// type arguments of `ctx`.
    pub(crate) fn field_shape(
        &mut self,
        assembly: AssemblyId,
        sig: &TypeSig,
        ctx: &GenericContext,
    ) -> LoadResult<FieldShape> {
        self.check_sig_kind_unloaded(assembly, sig)?;
        if let Some(s) = layout::primitive_shape(sig) {
            return Ok(s);
        }
        let value = |l: ValueLayout| FieldShape {
            size: l.size,
            align: l.align,
            gc_refs: l.gc_refs,
            explicit_offset: None,
        };
        match sig.strip_modifiers() {
            TypeSig::ValueType(t) => {
                let def = self.resolve_type_def_id(assembly, *t)?;
                Ok(value(self.value_layout(def, &[])?))
            }
            TypeSig::GenericInst {
                is_value_type: true,
                generic,
                args,
            } => {
                let def = self.resolve_type_def_id(assembly, *generic)?;
                let mut handles = Vec::with_capacity(args.len());
                for a in args {
                    handles.push(self.type_of_sig(assembly, a, ctx)?);
                }
                Ok(value(self.value_layout(def, &handles)?))
            }
            TypeSig::Var(n) | TypeSig::MVar(n) => {
                let method = matches!(sig.strip_modifiers(), TypeSig::MVar(_));
                let t = ctx
                    .arg(*n, method)
                    .ok_or_else(|| self.type_param_out_of_range(assembly, sig))?;
                self.shape_of_type(t)
            }
            TypeSig::ByRef(_) => Ok(FieldShape::plain(8)),
            other => Err(LoadError::NotSupported(format!(
                "fields of type {}",
                names::type_sig_text(self.assembly(assembly).image(), other)
            ))),
        }
    }

    /// The shape of a field whose type is the loaded (or loading) type `t`.
    pub(crate) fn shape_of_type(&mut self, t: TypeHandle) -> LoadResult<FieldShape> {
        if !t.is_value_type() {
            return Ok(FieldShape {
                size: 8,
                align: 8,
                gc_refs: vec![0],
                explicit_offset: None,
            });
        }
        let l = match &t.value_layout {
            Some(l) => ValueLayout {
                size: l.size,
                align: l.align,
                gc_refs: l.gc_refs.to_vec(),
            },
            None => {
                let def = t.def.ok_or_else(|| LoadError::InvalidType {
                    name: t.name.clone(),
                    reason: "a value type without a definition".into(),
                })?;
                let args = t.instantiation.clone();
                self.value_layout(def, &args)?
            }
        };
        Ok(FieldShape {
            size: l.size,
            align: l.align,
            gc_refs: l.gc_refs,
            explicit_offset: None,
        })
    }

    /// Whether a value of type `sig` is returned through a hidden buffer
    /// (a value type over 8 bytes: docs/design.md §2).
    pub(crate) fn returned_by_buffer(
        &mut self,
        assembly: AssemblyId,
        sig: &TypeSig,
        ctx: &GenericContext,
    ) -> LoadResult<bool> {
        let s = sig.strip_modifiers();
        if primitive_of_sig(s).is_some() || s.is_reference() || !self.is_value_sig(s, ctx) {
            return Ok(false);
        }
        Ok(self.field_shape(assembly, s, ctx)?.size > 8)
    }

    /// Whether `sig` names a value type, without loading it.
    fn is_value_sig(&self, sig: &TypeSig, ctx: &GenericContext) -> bool {
        match sig {
            TypeSig::ValueType(_)
            | TypeSig::GenericInst {
                is_value_type: true,
                ..
            } => true,
            TypeSig::Var(n) => ctx.arg(*n, false).is_some_and(|t| t.is_value_type()),
            TypeSig::MVar(n) => ctx.arg(*n, true).is_some_and(|t| t.is_value_type()),
            _ => false,
        }
    }

    /// The error for `!n`/`!!n` with no such type argument in scope.
    pub(crate) fn type_param_out_of_range(&self, assembly: AssemblyId, sig: &TypeSig) -> LoadError {
        LoadError::InvalidType {
            name: names::type_sig_text(self.assembly(assembly).image(), sig),
            reason: "the signature refers to a type parameter that has no argument here".into(),
        }
    }

    /// The layout of the value type `id<args>`, computed from its instance
    /// fields only (without loading the type, so static fields and type
    /// arguments referring back to it cannot create cycles).
    pub(crate) fn value_layout(
        &mut self,
        id: TypeDefId,
        args: &[TypeHandle],
    ) -> LoadResult<ValueLayout> {
        let key = TypeKey::Def(id, args.to_vec());
        if let Some(t) = self.types.get(&key) {
            if let Some(l) = &t.value_layout {
                return Ok(ValueLayout {
                    size: l.size,
                    align: l.align,
                    gc_refs: l.gc_refs.to_vec(),
                });
            }
        }
        if let Some(l) = self.value_layouts.get(&key) {
            return Ok(l.clone());
        }
        self.check_value_type_def(id)?;
        self.check_load_depth(id)?;
        if !self.layout_in_progress.insert(key.clone()) {
            return Err(LoadError::InvalidType {
                name: self.type_def_name(id),
                reason: "a value type cannot contain itself".into(),
            });
        }
        let asm = self.assembly(id.assembly);
        let ctx = GenericContext::of_type(args.to_vec());
        let result = self.layout_type_def(&asm, id, &ctx, true, 0);
        self.layout_in_progress.remove(&key);
        let l = result?;
        let l = ValueLayout {
            size: l.size,
            align: l.align,
            gc_refs: l.gc_refs,
        };
        self.value_layouts.insert(key, l.clone());
        Ok(l)
    }

    /// Lays out a TypeDef's instance fields with `osprey_metadata::layout`,
    /// resolving value-type fields through [`Loader::field_shape`].
    pub(super) fn layout_type_def(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
        ctx: &GenericContext,
        is_value_type: bool,
        parent_size: u32,
    ) -> LoadResult<layout::Layout> {
        let result = layout::layout_type_def(
            asm.image(),
            id.rid,
            is_value_type,
            parent_size,
            &mut |sig| self.field_shape(id.assembly, sig, ctx),
        );
        match result {
            Ok(l) => Ok(l.layout),
            Err(layout::TypeDefLayoutError::Metadata(e)) => Err(self.bad_image(id.assembly, e)),
            Err(layout::TypeDefLayoutError::Shape(e)) => Err(e),
            Err(layout::TypeDefLayoutError::Layout(e)) => Err(LoadError::InvalidType {
                name: self.type_def_name(id),
                reason: e.to_string(),
            }),
        }
    }

    /// The underlying primitive of an enum: the type of its `value__` field.
    pub(super) fn enum_underlying(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
    ) -> LoadResult<Primitive> {
        let img = asm.image();
        let bad = |e| LoadError::BadImage {
            assembly: asm.name.clone(),
            error: e,
        };
        for frid in img.field_range(id.rid).map_err(bad)? {
            let frow = img.field(frid).map_err(bad)?;
            if frow.flags & fa::STATIC == 0 {
                let sig = img.field_sig(frid).map_err(bad)?.ty;
                return primitive_of_sig(&sig).ok_or_else(|| LoadError::InvalidType {
                    name: self.type_def_name(id),
                    reason: "an enum's underlying type must be an integer type".into(),
                });
            }
        }
        Err(LoadError::InvalidType {
            name: self.type_def_name(id),
            reason: "an enum needs an instance field (value__)".into(),
        })
    }
}

/// The bytes of a `u64` slice.
fn bytemuck_bytes(words: &mut [u64]) -> &mut [u8] {
    // SAFETY: u8 has no alignment or validity requirements; the byte view
    // covers exactly the words' memory and borrows it mutably.
    unsafe { std::slice::from_raw_parts_mut(words.as_mut_ptr() as *mut u8, words.len() * 8) }
}
