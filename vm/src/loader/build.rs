//! Building runtime types from their definitions.
//!
//! [`Loader::load_type`] creates the [`RuntimeType`] of a TypeDef with its
//! type arguments (none for a non-generic type) in two phases:
//!
//! * **identity** ([`Loader::new_type_identity`]): the name, the kind
//!   (class, interface, value type, enum, primitive; decided from the
//!   `extends` token without loading the parent) and the type arguments.
//!   The type is registered at once, still incomplete, so that it can be
//!   named while it is built: as a type argument of its own interfaces
//!   (`struct Point : IEquatable<Point>`) or of its parent
//!   (`class C<T> : B<C<T>>`);
//! * **body** ([`Loader::build_body`]), one step each:
//!   1. the parent, loaded first (so its layout and vtable are known); it
//!      must be complete, which is how a type deriving from itself is found;
//!   2. the instance field layout, through `osprey_metadata::layout` (the
//!      shared implementation); value-type fields contribute their own
//!      layout, computed by [`Loader::value_layout`] without loading them;
//!   3. the static field storage;
//!   4. method descriptors and their precodes;
//!   5. the vtable: the parent's slots, overridden by methods with the same
//!      name and signature (unless `newslot`) and by explicit `.override`s;
//!      new slots for the rest;
//!   6. the interface list (declared and inherited) and the interface map.
//!
//! An incomplete type exposes only its identity; nothing reads its body
//! before [`Loader::finish_type`] writes it.

use std::sync::atomic::{AtomicU8, AtomicUsize};
use std::sync::Arc;

use osprey_jit::StructLayout;
use osprey_metadata::flags::{
    field_attributes as fa, method_attributes as ma, type_attributes as ta,
};
use osprey_metadata::sig::TypeSig;
use osprey_metadata::tables::TypeDefOrRef;
use smallvec::SmallVec;

use super::assembly::{Assembly, AssemblyId};
use super::generics::{instantiation_name, GenericContext, SigIn, MAX_INSTANTIATION_DEPTH};
use super::methods::{MethodDesc, MethodHandle, MethodKind};
use super::types::{
    mt_flags, ClassInit, FieldDesc, InterfaceSlots, MethodTable, Primitive, RuntimeType,
    StaticStorage, TypeDefId, TypeHandle, TypeKey, TypeKind,
};
use super::{attributes, names};
use super::{LoadError, LoadResult, Loader};
use crate::object;

/// A value type's layout, as other types embedding it need it.
#[derive(Clone, Debug)]
pub(crate) struct ValueLayout {
    pub size: u32,
    pub align: u32,
    pub gc_refs: Vec<u32>,
}

/// A method's metadata, read before its descriptor exists.
struct MethodInfo {
    rid: u32,
    name: String,
    sig: osprey_metadata::sig::MethodSig,
    flags: u16,
    impl_flags: u16,
    rva: u32,
}

/// What identifies a type being built, known before anything is loaded.
struct Identity {
    name: String,
    simple_name: String,
    namespace: String,
    kind: TypeKind,
    flags: u32,
    mentions_canon: bool,
}

/// Everything [`Loader::build_body`] computes; [`Loader::finish_type`]
/// writes it into the type.
struct Body {
    parent: Option<TypeHandle>,
    flags: u32,
    base_size: u32,
    component_size: u32,
    instance_fields: Vec<FieldDesc>,
    static_fields: Vec<FieldDesc>,
    value_layout: Option<StructLayout>,
    instance_gc_refs: Vec<u32>,
    statics: StaticStorage,
    methods: Vec<MethodHandle>,
    #[allow(clippy::vec_box)] // boxed for stable addresses: method handles point into them
    method_boxes: Vec<Box<MethodDesc>>,
    vtable_methods: Vec<MethodHandle>,
    vtable: Box<[AtomicUsize]>,
    interfaces: Vec<TypeHandle>,
    interface_map: Vec<InterfaceSlots>,
    cctor: Option<MethodHandle>,
}

impl Loader {
    /// Loads (or returns the already loaded) runtime type of a non-generic
    /// TypeDef; for a generic definition, the open type (`List<>`).
    pub fn load_type_def(&mut self, id: TypeDefId) -> LoadResult<TypeHandle> {
        self.load_type(id, Vec::new())
    }

    /// Loads (or returns the already loaded) runtime type of the TypeDef
    /// `id` instantiated with `args` (empty for a non-generic type; empty
    /// for a generic one gives its open definition).
    pub fn load_type(&mut self, id: TypeDefId, args: Vec<TypeHandle>) -> LoadResult<TypeHandle> {
        let key = TypeKey::Def(id, args);
        if let Some(h) = self.types.get(&key) {
            return Ok(*h);
        }
        let TypeKey::Def(_, args) = key else {
            unreachable!("built as a Def key above")
        };
        let params = self.generic_param_count(id)?;
        if !args.is_empty() && args.len() as u32 != params {
            return Err(LoadError::InvalidType {
                name: self.type_def_name(id),
                reason: format!("it takes {params} type arguments, not {}", args.len()),
            });
        }
        let depth = args.iter().map(|a| a.depth + 1).max().unwrap_or(0);
        if depth > MAX_INSTANTIATION_DEPTH {
            return Err(LoadError::InvalidType {
                name: instantiation_name(&self.type_def_name(id), &args),
                reason: format!(
                    "generic type arguments nest more than {MAX_INSTANTIATION_DEPTH} deep (a recursive generic type?)"
                ),
            });
        }
        if !args.is_empty() {
            let ctx = GenericContext::of_type(args.clone());
            let definition = self.trace_definition_name(id);
            self.check_constraints(
                id.assembly,
                osprey_metadata::tables::TypeOrMethodDef::TypeDef(id.rid),
                &args,
                &ctx,
                &|| definition.clone(),
            )?;
        }
        let key = TypeKey::Def(id, args.clone());
        self.check_load_depth(id)?;
        if !self.in_progress.insert(key.clone()) {
            return Err(LoadError::InvalidType {
                name: self.type_def_name(id),
                reason: "it derives from itself".into(),
            });
        }
        let result = self.build_type(id, args, params, depth);
        self.in_progress.remove(&key);
        result
    }

    /// The full name of a TypeDef (for messages).
    pub(crate) fn type_def_name(&self, id: TypeDefId) -> String {
        let asm = self.assembly(id.assembly);
        asm.image()
            .type_def_full_name(id.rid)
            .unwrap_or_else(|_| format!("<TypeDef 0x{:06x}>", id.rid))
            .replace('/', "+")
    }

    /// Takes ownership of a new type; its address never changes.
    pub(super) fn store_type(&mut self, rt: Box<RuntimeType>) -> TypeHandle {
        let ptr = std::ptr::NonNull::from(Box::leak(rt));
        self.type_store.push(ptr);
        // SAFETY: the loader's type store owns the boxed RuntimeType, never freed while the runtime lives.
        unsafe { TypeHandle::from_raw(ptr) }
    }

    fn build_type(
        &mut self,
        id: TypeDefId,
        args: Vec<TypeHandle>,
        params: u32,
        depth: u32,
    ) -> LoadResult<TypeHandle> {
        let asm = self.assembly(id.assembly);
        let open_definition = params > 0 && args.is_empty();
        let identity = self.new_type_identity(&asm, id, &args, open_definition)?;
        let row = asm
            .image()
            .type_def(id.rid)
            .map_err(|e| self.bad_image(id.assembly, e))?;
        let variance = self.generic_param_variance(id)?;
        let key = TypeKey::Def(id, args.clone());
        let handle = self.store_type(Box::new(RuntimeType {
            mt: MethodTable {
                flags: identity.flags,
                base_size: 0,
                component_size: 0,
                num_vtable_slots: 0,
                parent: std::ptr::null(),
                vtable: std::ptr::null(),
                element_type: std::ptr::null(),
                dictionaries: std::ptr::null(),
            },
            key: key.clone(),
            def: Some(id),
            name: identity.name,
            simple_name: identity.simple_name,
            namespace: identity.namespace,
            kind: identity.kind,
            instantiation: args,
            variance,
            depth,
            mentions_canon: identity.mentions_canon,
            hierarchy_depth: 0,
            dictionary: super::sharing::empty_dictionary(),
            dictionary_cells: Box::new([]),
            element: None,
            instance_fields: Vec::new(),
            static_fields: Vec::new(),
            methods: Vec::new(),
            vtable_methods: Vec::new(),
            vtable: Box::new([]),
            interfaces: Vec::new(),
            interface_map: Vec::new(),
            value_layout: None,
            instance_gc_refs: Vec::new(),
            statics: StaticStorage {
                data: Box::new([]),
                gc_refs: Vec::new(),
            },
            class_init: ClassInit {
                cctor: None,
                before_field_init: row.flags & ta::BEFORE_FIELD_INIT != 0,
                done: AtomicU8::new(1),
                failed: std::sync::atomic::AtomicBool::new(false),
            },
        }));
        if open_definition {
            // `typeof(List<>)`: a name for the definition, nothing to run.
            self.types.insert(key, handle);
            self.registry.register(handle);
            return Ok(handle);
        }
        self.types.insert(key.clone(), handle);
        self.incomplete.insert(handle);
        match self.build_body(&asm, id, handle) {
            Ok(body) => {
                self.finish_type(handle, body);
                self.incomplete.remove(&handle);
                Ok(handle)
            }
            Err(e) => {
                // Types built meanwhile may name this one (as a type
                // argument), so its allocation stays alive, incomplete and
                // unregistered; a later load of the key starts afresh.
                self.types.remove(&key);
                self.incomplete.remove(&handle);
                Err(e)
            }
        }
    }

    /// The identity of `id<args>`: its names, its kind and its flags.
    fn new_type_identity(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
        args: &[TypeHandle],
        open_definition: bool,
    ) -> LoadResult<Identity> {
        let img = asm.image();
        let bad = |e| LoadError::BadImage {
            assembly: asm.name.clone(),
            error: e,
        };
        self.validate_type_def(id)?;
        let row = img.type_def(id.rid).map_err(bad)?;
        let def_name = self.type_def_name(id);
        let namespace = img.string(row.namespace).map_err(bad)?;
        let simple_name = img.string(row.name).map_err(bad)?;
        let mut outermost = id.rid;
        for _ in 0..64 {
            match img.enclosing_class_of(outermost).map_err(bad)? {
                Some(outer) => outermost = outer,
                None => break,
            }
        }
        let outer_namespace = img
            .string(img.type_def(outermost).map_err(bad)?.namespace)
            .map_err(bad)?;
        let is_corelib = id.assembly == AssemblyId::CORELIB;
        let is_interface = row.flags & ta::INTERFACE != 0;
        let parent_name = match row.extends {
            Some(t) if !is_interface => {
                let p = self.extends_def(id.assembly, t)?;
                self.type_def_name(p)
            }
            _ => String::new(),
        };
        let kind = if is_interface {
            TypeKind::Interface
        } else if let Some(p) = Primitive::from_name(namespace, simple_name).filter(|_| is_corelib)
        {
            TypeKind::Primitive(p)
        } else if parent_name == "System.Enum" {
            TypeKind::Enum(self.enum_underlying(asm, id)?)
        } else if parent_name == "System.ValueType" && !(is_corelib && def_name == "System.Enum") {
            TypeKind::ValueType
        } else {
            TypeKind::Class
        };
        let mut flags = 0;
        if matches!(
            kind,
            TypeKind::ValueType | TypeKind::Enum(_) | TypeKind::Primitive(_)
        ) {
            flags |= mt_flags::VALUE_TYPE;
        }
        if matches!(kind, TypeKind::Enum(_)) {
            flags |= mt_flags::ENUM;
        }
        if is_interface {
            flags |= mt_flags::INTERFACE;
        }
        if row.flags & ta::ABSTRACT != 0 {
            flags |= mt_flags::ABSTRACT;
        }
        if open_definition {
            flags |= mt_flags::GENERIC_DEFINITION;
        }
        if is_corelib && def_name == "System.Nullable`1" {
            flags |= mt_flags::NULLABLE;
        }
        Ok(Identity {
            name: instantiation_name(&def_name, args),
            simple_name: simple_name.to_string(),
            namespace: outer_namespace.to_string(),
            kind,
            flags,
            mentions_canon: (is_corelib && def_name == "System.__Canon")
                || args.iter().any(|a| a.mentions_canon),
        })
    }

    /// The definition an `extends` token names (for a generic parent
    /// `Base<T>`, the definition `Base`), without loading it.
    fn extends_def(&mut self, assembly: AssemblyId, t: TypeDefOrRef) -> LoadResult<TypeDefId> {
        if let TypeDefOrRef::TypeSpec(rid) = t {
            let sig = self
                .assembly(assembly)
                .image()
                .type_spec_sig(rid)
                .map_err(|e| self.bad_image(assembly, e))?;
            return match sig {
                TypeSig::GenericInst { generic, .. } => self.resolve_type_def_id(assembly, generic),
                _ => Err(LoadError::InvalidType {
                    name: self.type_def_name(TypeDefId { assembly, rid }),
                    reason: "its base type is not a class".into(),
                }),
            };
        }
        self.resolve_type_def_id(assembly, t)
    }

    /// Steps 1 to 6 (see the module documentation) for the incomplete type
    /// `handle`.
    fn build_body(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
        handle: TypeHandle,
    ) -> LoadResult<Body> {
        let img = asm.image();
        let row = img
            .type_def(id.rid)
            .map_err(|e| self.bad_image(id.assembly, e))?;
        let ctx = handle.generic_context();
        let parent = self.load_parent(id, handle, &ctx)?;
        let (mut instance_fields, mut static_fields) = self.field_descs(asm, id)?;
        let mut body =
            self.lay_out_instances(asm, id, handle, &ctx, parent, &mut instance_fields)?;
        body.statics = self.static_storage(asm, id, &ctx, &mut static_fields)?;
        body.instance_fields = instance_fields;
        body.static_fields = static_fields;
        self.build_methods(asm, id, handle, &ctx, &mut body)?;
        let is_abstract = handle.is_interface() || row.flags & ta::ABSTRACT != 0;
        let explicit =
            self.apply_method_impls(asm, id, &ctx, &body.methods, &mut body.vtable_methods)?;
        let redeclared = self.build_interfaces(id, &ctx, parent, &mut body)?;
        body.interface_map = self.build_interface_map(
            &handle.name,
            is_abstract,
            parent,
            &body.interfaces,
            &redeclared,
            &body.vtable_methods,
            &explicit,
        )?;
        // A finalizer is inherited: a subclass of a type with one (of
        // SafeHandle, say) is finalizable too.
        let inherits_finalizer = parent.is_some_and(|p| p.mt.has(mt_flags::HAS_FINALIZER));
        if inherits_finalizer
            || body
                .methods
                .iter()
                .any(|m| m.name == "Finalize" && m.slot.is_some())
                && !(id.assembly == AssemblyId::CORELIB && handle.name == "System.Object")
        {
            body.flags |= mt_flags::HAS_FINALIZER;
        }
        let mut entries = Vec::with_capacity(body.vtable_methods.len());
        for m in body.vtable_methods.clone() {
            entries.push(AtomicUsize::new(self.vtable_entry(m, handle)?));
        }
        body.vtable = entries.into_boxed_slice();
        Ok(body)
    }

    /// Step 1: the parent, which must be complete (an incomplete parent is
    /// an ancestor of itself).
    fn load_parent(
        &mut self,
        id: TypeDefId,
        handle: TypeHandle,
        ctx: &GenericContext,
    ) -> LoadResult<Option<TypeHandle>> {
        let row = self
            .assembly(id.assembly)
            .image()
            .type_def(id.rid)
            .map_err(|e| self.bad_image(id.assembly, e))?;
        let parent = match row.extends {
            Some(t) if !handle.is_interface() => {
                Some(self.resolve_type_token(id.assembly, t.into(), ctx)?)
            }
            _ => None,
        };
        if let Some(p) = parent {
            self.validate_parent(id, p)?;
            if self.incomplete.contains(&p) {
                return Err(LoadError::InvalidType {
                    name: handle.name.clone(),
                    reason: "it derives from itself".into(),
                });
            }
            if p.is_interface() || p.mt.has(mt_flags::ARRAY) || p.is_generic_definition() {
                return Err(LoadError::InvalidType {
                    name: handle.name.clone(),
                    reason: format!("its base type {} cannot be derived from", p.name),
                });
            }
        }
        Ok(parent)
    }

    /// The type's field descriptors (instance, static), offsets not yet set.
    fn field_descs(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
    ) -> LoadResult<(Vec<FieldDesc>, Vec<FieldDesc>)> {
        let img = asm.image();
        let bad = |e| LoadError::BadImage {
            assembly: asm.name.clone(),
            error: e,
        };
        let mut instance_fields = Vec::new();
        let mut static_fields = Vec::new();
        let field_rids: Vec<u32> = img.field_range(id.rid).map_err(bad)?.collect();
        for frid in field_rids {
            let frow = img.field(frid).map_err(bad)?;
            let desc = FieldDesc {
                name: img.string(frow.name).map_err(bad)?.to_string(),
                assembly: id.assembly,
                rid: frid,
                sig: img.field_sig(frid).map_err(bad)?.ty,
                jit_type: osprey_jit::JitType::Void, // resolved lazily (see resolve::jit_type_of_sig)
                offset: 0,
                address: 0,
                size: 0,
                is_static: frow.flags & fa::STATIC != 0,
                is_literal: frow.flags & fa::LITERAL != 0,
            };
            if desc.is_static {
                static_fields.push(desc);
            } else {
                instance_fields.push(desc);
            }
        }
        Ok((instance_fields, static_fields))
    }

    /// Step 2: the instance layout; starts the [`Body`].
    fn lay_out_instances(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
        handle: TypeHandle,
        ctx: &GenericContext,
        parent: Option<TypeHandle>,
        instance_fields: &mut [FieldDesc],
    ) -> LoadResult<Body> {
        let is_value_type = handle.is_value_type();
        let is_string = id.assembly == AssemblyId::CORELIB && handle.name == "System.String";
        let parent_size = parent.map_or(8, |p| {
            if p.mt.has(mt_flags::STRING) {
                8
            } else {
                p.mt.base_size
            }
        });
        let computed = self.layout_type_def(asm, id, ctx, is_value_type, parent_size)?;
        for (f, off) in instance_fields.iter_mut().zip(&computed.offsets) {
            f.offset = *off;
        }
        let mut flags = handle.mt.flags;
        let (base_size, component_size, value_layout, instance_gc_refs);
        if is_value_type {
            base_size = 8 + computed.size.next_multiple_of(8);
            component_size = 0;
            value_layout = Some(StructLayout {
                size: computed.size,
                align: computed.align,
                gc_refs: computed.gc_refs.iter().copied().collect(),
                gc_byrefs: SmallVec::new(),
            });
            instance_gc_refs = computed.gc_refs.iter().map(|r| r + 8).collect::<Vec<_>>();
            // Statics of the type's own value type find it here.
            self.value_layouts.insert(
                handle.key.clone(),
                ValueLayout {
                    size: computed.size,
                    align: computed.align,
                    gc_refs: computed.gc_refs.clone(),
                },
            );
        } else if is_string {
            // The binder checks String's fields against its mirror at build
            // and load time; the string's size is the runtime's.
            flags |= mt_flags::STRING;
            base_size = object::STRING_BASE_SIZE as u32;
            component_size = 2;
            value_layout = None;
            instance_gc_refs = Vec::new();
        } else {
            base_size = computed.size.max(8);
            component_size = 0;
            value_layout = None;
            let mut refs = parent
                .map(|p| p.instance_gc_refs.clone())
                .unwrap_or_default();
            refs.extend(&computed.gc_refs);
            instance_gc_refs = refs;
        }
        if !instance_gc_refs.is_empty() {
            flags |= mt_flags::CONTAINS_GC_REFS;
        }
        Ok(Body {
            parent,
            flags,
            base_size,
            component_size,
            instance_fields: Vec::new(),
            static_fields: Vec::new(),
            value_layout,
            instance_gc_refs,
            statics: StaticStorage {
                data: Box::new([]),
                gc_refs: Vec::new(),
            },
            methods: Vec::new(),
            method_boxes: Vec::new(),
            vtable_methods: Vec::new(),
            vtable: Box::new([]),
            interfaces: Vec::new(),
            interface_map: Vec::new(),
            cctor: None,
        })
    }

    /// Steps 4 and 5: method descriptors and vtable slots. Inherited slots
    /// come first; overrides reuse them, the rest get new slots at the end.
    /// Only inherited slots can be overridden.
    fn build_methods(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
        handle: TypeHandle,
        ctx: &GenericContext,
        body: &mut Body,
    ) -> LoadResult<()> {
        let img = asm.image();
        let bad = |e| LoadError::BadImage {
            assembly: asm.name.clone(),
            error: e,
        };
        let mut infos = Vec::new();
        let method_rids: Vec<u32> = img.method_range(id.rid).map_err(bad)?.collect();
        for mrid in method_rids {
            let mrow = img.method_def(mrid).map_err(bad)?;
            infos.push(MethodInfo {
                rid: mrid,
                name: img.string(mrow.name).map_err(bad)?.to_string(),
                sig: img.method_def_sig(mrid).map_err(bad)?,
                flags: mrow.flags,
                impl_flags: mrow.impl_flags,
                rva: mrow.rva,
            });
        }
        let inherited: Vec<MethodHandle> = body
            .parent
            .map(|p| p.vtable_methods.clone())
            .unwrap_or_default();
        let sig_in = SigIn {
            assembly: id.assembly,
            ctx,
        };
        let mut new_slot_count = 0u32;
        let mut slots: Vec<Option<u32>> = Vec::with_capacity(infos.len());
        for info in &infos {
            if info.flags & ma::VIRTUAL == 0 {
                slots.push(None);
                continue;
            }
            let overridden = if info.flags & ma::NEW_SLOT != 0 || handle.is_interface() {
                None
            } else {
                self.find_override_slot(&inherited, sig_in, &info.name, &info.sig)
            };
            slots.push(Some(overridden.unwrap_or_else(|| {
                new_slot_count += 1;
                inherited.len() as u32 + new_slot_count - 1
            })));
        }
        let mut vtable_slots: Vec<Option<MethodHandle>> =
            inherited.iter().copied().map(Some).collect();
        vtable_slots.resize(inherited.len() + new_slot_count as usize, None);
        let cctor_index = infos
            .iter()
            .position(|m| m.name == ".cctor" && m.flags & ma::STATIC != 0);
        let def_name = self.type_def_name(id);
        // The descriptors are owned by the body until the type is
        // published: if building the type fails, they are dropped with it
        // and no map ever points at them.
        for (info, slot) in infos.into_iter().zip(slots) {
            let md = self.new_method_desc(asm, handle, &def_name, info, slot)?;
            let h = MethodHandle::new(&md);
            if let Some(s) = slot {
                vtable_slots[s as usize] = Some(h);
            }
            body.methods.push(h);
            body.method_boxes.push(md);
        }
        // Every new slot belongs to one of this type's methods, so all are filled.
        body.vtable_methods = vtable_slots.into_iter().flatten().collect();
        body.cctor = cctor_index.map(|i| body.methods[i]);
        Ok(())
    }

    /// Step 6: the interfaces the type implements (the parent's, then the
    /// declared ones with the interfaces they extend); returns the declared
    /// ones, whose mappings are rebuilt even if the parent had them.
    fn build_interfaces(
        &mut self,
        id: TypeDefId,
        ctx: &GenericContext,
        parent: Option<TypeHandle>,
        body: &mut Body,
    ) -> LoadResult<Vec<TypeHandle>> {
        let asm = self.assembly(id.assembly);
        let img = asm.image();
        let mut interfaces: Vec<TypeHandle> =
            parent.map(|p| p.interfaces.clone()).unwrap_or_default();
        let declared: Vec<_> = img
            .interface_impls_of(id.rid)
            .map(|r| r.map(|(_, r)| r.interface))
            .collect();
        let mut redeclared = Vec::new();
        for iface in declared {
            let iface = iface.map_err(|e| self.bad_image(id.assembly, e))?;
            let h = self.resolve_type_token(id.assembly, iface.into(), ctx)?;
            if !h.is_interface() || self.incomplete.contains(&h) || h.is_generic_definition() {
                return Err(LoadError::InvalidType {
                    name: self.type_def_name(id),
                    reason: format!("{} is not an interface it can implement", h.name),
                });
            }
            redeclared.push(h);
            for i in std::iter::once(h).chain(h.interfaces.iter().copied()) {
                if !interfaces.contains(&i) {
                    interfaces.push(i);
                }
            }
        }
        body.interfaces = interfaces;
        Ok(redeclared)
    }

    /// Writes the body into the incomplete type and publishes it and its
    /// methods.
    fn finish_type(&mut self, handle: TypeHandle, body: Body) {
        let class_init_done = body.cctor.is_none();
        // SAFETY: `handle` points at a type this loader allocated
        // (`store_type`) and is still building: no reference into its body
        // is alive (others have read only its identity, through short-lived
        // borrows), and the loader lock is held, so this is the only access.
        let rt = unsafe { &mut *handle.as_raw() };
        rt.mt.flags = body.flags;
        rt.mt.base_size = body.base_size;
        rt.mt.component_size = body.component_size;
        rt.mt.parent = body.parent.map_or(std::ptr::null(), |p| p.method_table());
        // Dictionary cells: an instantiation gets an array of its own (its
        // ancestors' cells, then its own); other types use their parent's.
        rt.hierarchy_depth = body.parent.map_or(0, |p| p.hierarchy_depth + 1);
        if rt.instantiation.is_empty() {
            rt.mt.dictionaries = body.parent.map_or(std::ptr::null(), |p| p.mt.dictionaries);
        } else {
            let depth = rt.hierarchy_depth as usize;
            let mut cells = vec![std::ptr::null(); depth + 1];
            if let Some(p) = body.parent.filter(|p| !p.mt.dictionaries.is_null()) {
                // SAFETY: a non-null `dictionaries` has `hierarchy_depth + 1`
                // entries (built here), and `p.hierarchy_depth + 1 == depth`.
                let parent_cells = unsafe { std::slice::from_raw_parts(p.mt.dictionaries, depth) };
                cells[..depth].copy_from_slice(parent_cells);
            }
            cells[depth] = &rt.dictionary as *const _;
            rt.dictionary_cells = cells.into_boxed_slice();
            rt.mt.dictionaries = rt.dictionary_cells.as_ptr();
        }
        rt.instance_fields = body.instance_fields;
        rt.static_fields = body.static_fields;
        rt.value_layout = body.value_layout;
        rt.instance_gc_refs = body.instance_gc_refs;
        rt.statics = body.statics;
        rt.methods = body.methods;
        rt.vtable_methods = body.vtable_methods;
        rt.mt.num_vtable_slots = body.vtable.len() as u32;
        rt.mt.vtable = body.vtable.as_ptr();
        rt.vtable = body.vtable;
        rt.interfaces = body.interfaces;
        rt.interface_map = body.interface_map;
        rt.class_init.cctor = body.cctor;
        rt.class_init.done.store(
            u8::from(class_init_done),
            std::sync::atomic::Ordering::Release,
        );
        let generic_owner = !rt.instantiation.is_empty();
        self.registry.register(handle);
        for md in body.method_boxes {
            let h = MethodHandle::new(&md);
            if !generic_owner {
                self.methods_by_def.insert((md.assembly, md.rid), h);
            }
            self.methods_by_precode.insert(md.precode, h);
            self.method_store.push(md);
        }
    }

    /// A method descriptor (with its precode) for `info`, a method of
    /// `owner`, whose definition is named `def_name` (internal calls are
    /// registered under the definition's name).
    fn new_method_desc(
        &mut self,
        asm: &Arc<Assembly>,
        owner: TypeHandle,
        def_name: &str,
        info: MethodInfo,
        slot: Option<u32>,
    ) -> LoadResult<Box<MethodDesc>> {
        use osprey_metadata::flags::method_impl_attributes as mia;
        let img = asm.image();
        let kind = if info.impl_flags & mia::INTERNAL_CALL != 0 {
            let sig_text = names::method_sig_text(img, &info.sig);
            self.bindings
                .internal_call(def_name, &info.name, &sig_text)
                .unwrap_or(MethodKind::Unimplemented)
        } else if info.flags & ma::PINVOKE_IMPL != 0 {
            // pinvokeimpl("lib" as "Entry"): a P/Invoke; pinvokeimpl("QCall"
            // as "Entry") a QCall, bound now to its registered Rust function.
            let suppress_gc_transition = attributes::has_attribute(
                img,
                osprey_metadata::Token::new(osprey_metadata::TableId::MethodDef, info.rid),
                "System.Runtime.InteropServices.SuppressGCTransitionAttribute",
            );
            match img.pinvoke_import_of(info.rid) {
                Ok(Some(p)) if p.module_name == super::QCALL_LIBRARY => {
                    match self.bindings.qcall(p.import_name) {
                        Some(address) => MethodKind::PInvoke {
                            qcall: address,
                            suppress_gc_transition,
                        },
                        None => MethodKind::Unimplemented,
                    }
                }
                Ok(Some(_)) => MethodKind::PInvoke {
                    qcall: 0,
                    suppress_gc_transition,
                },
                _ => MethodKind::Unimplemented,
            }
        } else if info.flags & ma::ABSTRACT != 0 {
            MethodKind::Abstract
        } else if info.rva != 0 && info.impl_flags & mia::CODE_TYPE_MASK == mia::IL {
            MethodKind::Il
        } else {
            MethodKind::Unimplemented
        };
        let mut md = Box::new(MethodDesc {
            owner,
            assembly: asm.id,
            rid: info.rid,
            name: info.name,
            sig: info.sig,
            flags: info.flags,
            impl_flags: info.impl_flags,
            rva: info.rva,
            kind,
            slot,
            instantiation: Vec::new(),
            definition: None,
            dictionary: super::sharing::empty_dictionary(),
            precode: 0,
            code: AtomicUsize::new(0),
            delegate_checked: AtomicUsize::new(0),
        });
        let handle = MethodHandle::new(&md);
        md.precode = self
            .code_heap
            .alloc_precode(handle.as_ptr() as usize, self.prestub)
            .map_err(|e| LoadError::NotSupported(format!("code heap: {e}")))?;
        Ok(md)
    }
}

/// The primitive a signature type denotes, if it is one.
pub(crate) fn primitive_of_sig(sig: &TypeSig) -> Option<Primitive> {
    match sig.strip_modifiers() {
        TypeSig::Prim(p) => Some(*p),
        _ => None,
    }
}
