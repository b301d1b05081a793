//! Building runtime types from their definitions.
//!
//! [`Loader::load_type_def`] creates the [`RuntimeType`] of a TypeDef:
//!
//! 1. the parent, loaded first (so its layout and vtable are known);
//! 2. the kind (class, interface, value type, enum, primitive, string);
//! 3. the instance field layout, through `osprey_metadata::layout` (the
//!    shared implementation); value-type fields contribute their own layout,
//!    computed by [`Loader::value_layout`] without loading the whole type so
//!    that statics referring back to the type being built do not form cycles;
//! 4. the static field storage;
//! 5. method descriptors and their precodes;
//! 6. the vtable: the parent's slots, overridden by methods with the same name
//!    and signature (unless `newslot`) and by explicit `.override`s; new slots
//!    for the rest;
//! 7. the interface list (declared and inherited).

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;

use osprey_jit::StructLayout;
use osprey_metadata::flags::{
    field_attributes as fa, method_attributes as ma, type_attributes as ta,
};
use osprey_metadata::layout::{self, FieldShape};
use osprey_metadata::sig::TypeSig;
use osprey_metadata::tables::{CodedIndex, MethodDefOrRef};
use smallvec::SmallVec;

use super::assembly::{Assembly, AssemblyId};
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

impl Loader {
    /// Loads (or returns the already loaded) runtime type of a TypeDef.
    pub fn load_type_def(&mut self, id: TypeDefId) -> LoadResult<TypeHandle> {
        let key = TypeKey::Def(id, Vec::new());
        if let Some(h) = self.types.get(&key) {
            return Ok(*h);
        }
        self.check_load_depth(id)?;
        if !self.in_progress.insert(id) {
            return Err(LoadError::InvalidType {
                name: self.type_def_name(id),
                reason: "it derives from itself".into(),
            });
        }
        let result = self.build_type_def(id);
        self.in_progress.remove(&id);
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

    fn build_type_def(&mut self, id: TypeDefId) -> LoadResult<TypeHandle> {
        let asm = self.assembly(id.assembly);
        let img = asm.image();
        let bad = |e| LoadError::BadImage {
            assembly: asm.name.clone(),
            error: e,
        };
        self.validate_type_def(id)?;
        let row = img.type_def(id.rid).map_err(bad)?;
        let name = self.type_def_name(id);
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

        // 1. Parent.
        let parent = match row.extends {
            Some(t) if !is_interface => Some(self.resolve_type_token(id.assembly, t.into())?),
            _ => None,
        };
        if let Some(p) = parent {
            self.validate_parent(id, p)?;
            if p.is_interface() || p.mt.has(mt_flags::ARRAY) {
                return Err(LoadError::InvalidType {
                    name,
                    reason: format!("its base type {} cannot be derived from", p.name),
                });
            }
        }

        // 2. Kind.
        let parent_name = parent.map(|p| p.name.clone()).unwrap_or_default();
        let kind = if is_interface {
            TypeKind::Interface
        } else if let Some(p) = Primitive::from_name(namespace, simple_name).filter(|_| is_corelib)
        {
            TypeKind::Primitive(p)
        } else if parent_name == "System.Enum" {
            TypeKind::Enum(self.enum_underlying(&asm, id)?)
        } else if parent_name == "System.ValueType" && !(is_corelib && name == "System.Enum") {
            TypeKind::ValueType
        } else {
            TypeKind::Class
        };
        let is_value_type = matches!(
            kind,
            TypeKind::ValueType | TypeKind::Enum(_) | TypeKind::Primitive(_)
        );
        let is_string = is_corelib && name == "System.String";

        // 3. Fields and instance layout (the shared layout code).
        let parent_size = parent.map_or(8, |p| {
            if p.mt.has(mt_flags::STRING) {
                8
            } else {
                p.mt.base_size
            }
        });
        let computed = self.layout_type_def(&asm, id, is_value_type, parent_size)?;
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
        for (f, off) in instance_fields.iter_mut().zip(&computed.offsets) {
            f.offset = *off;
        }

        let mut flags = 0;
        let (base_size, component_size, value_layout, instance_gc_refs);
        if is_value_type {
            flags |= mt_flags::VALUE_TYPE;
            if matches!(kind, TypeKind::Enum(_)) {
                flags |= mt_flags::ENUM;
            }
            base_size = 8 + computed.size.next_multiple_of(8);
            component_size = 0;
            value_layout = Some(StructLayout {
                size: computed.size,
                align: computed.align,
                gc_refs: computed.gc_refs.iter().copied().collect(),
                gc_byrefs: SmallVec::new(),
            });
            instance_gc_refs = computed.gc_refs.iter().map(|r| r + 8).collect::<Vec<_>>();
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
        if is_interface {
            flags |= mt_flags::INTERFACE;
        }
        if row.flags & ta::ABSTRACT != 0 {
            flags |= mt_flags::ABSTRACT;
        }

        // 4. Static storage.
        let statics = self.static_storage(&asm, id, &mut static_fields, value_layout.as_ref())?;

        // 5. Methods (metadata first; descriptors once the type exists).
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

        // 6. Vtable slots: inherited ones first; overrides reuse them, the
        // rest get new slots at the end. Only inherited slots can be overridden.
        let inherited: Vec<MethodHandle> =
            parent.map(|p| p.vtable_methods.clone()).unwrap_or_default();
        let mut new_slot_count = 0u32;
        let mut slots: Vec<Option<u32>> = Vec::with_capacity(infos.len());
        for info in &infos {
            if info.flags & ma::VIRTUAL == 0 {
                slots.push(None);
                continue;
            }
            let overridden = if info.flags & ma::NEW_SLOT != 0 || is_interface {
                None
            } else {
                self.find_override_slot(&inherited, id.assembly, &info.name, &info.sig)
            };
            slots.push(Some(overridden.unwrap_or_else(|| {
                new_slot_count += 1;
                inherited.len() as u32 + new_slot_count - 1
            })));
        }
        let mut vtable_slots: Vec<Option<MethodHandle>> =
            inherited.iter().copied().map(Some).collect();
        vtable_slots.resize(inherited.len() + new_slot_count as usize, None);

        // 7. Interfaces.
        let mut interfaces: Vec<TypeHandle> =
            parent.map(|p| p.interfaces.clone()).unwrap_or_default();
        let declared: Vec<_> = img
            .interface_impls_of(id.rid)
            .map(|r| r.map(|(_, r)| r.interface))
            .collect();
        let mut redeclared_interfaces = Vec::new();
        for iface in declared {
            let iface = iface.map_err(bad)?;
            let h = self.resolve_type_token(id.assembly, iface.into())?;
            redeclared_interfaces.push(h);
            for i in std::iter::once(h).chain(h.interfaces.iter().copied()) {
                if !interfaces.contains(&i) {
                    interfaces.push(i);
                }
            }
        }

        let cctor_index = infos
            .iter()
            .position(|m| m.name == ".cctor" && m.flags & ma::STATIC != 0);
        let mut rt = Box::new(RuntimeType {
            mt: MethodTable {
                flags,
                base_size,
                component_size,
                num_vtable_slots: 0,
                parent: parent.map_or(std::ptr::null(), |p| p.method_table()),
                vtable: std::ptr::null(),
                element_type: std::ptr::null(),
            },
            key: TypeKey::Def(id, Vec::new()),
            def: Some(id),
            name,
            simple_name: simple_name.to_string(),
            namespace: outer_namespace.to_string(),
            kind,
            element: None,
            instance_fields,
            static_fields,
            methods: Vec::new(),
            vtable_methods: Vec::new(),
            vtable: Box::new([]),
            interfaces,
            interface_map: Vec::new(),
            value_layout,
            instance_gc_refs,
            statics,
            class_init: ClassInit {
                cctor: None,
                before_field_init: row.flags & ta::BEFORE_FIELD_INIT != 0,
                done: AtomicU8::new(u8::from(cctor_index.is_none())),
                failure: std::sync::OnceLock::new(),
            },
        });
        let handle = TypeHandle::new(&rt);

        // The descriptors are owned here until the type is published: if
        // building the type fails below, they are dropped with it and no map
        // ever points at them.
        let mut method_boxes = Vec::with_capacity(infos.len());
        let mut methods = Vec::with_capacity(infos.len());
        for (info, slot) in infos.into_iter().zip(slots) {
            let md = self.new_method_desc(&asm, handle, info, slot)?;
            let h = MethodHandle::new(&md);
            if let Some(s) = slot {
                vtable_slots[s as usize] = Some(h);
            }
            methods.push(h);
            method_boxes.push(md);
        }
        // Every new slot belongs to one of this type's methods, so all are filled.
        let mut vtable_methods: Vec<MethodHandle> = vtable_slots.into_iter().flatten().collect();
        let explicit = self.apply_method_impls(&asm, id, &methods, &mut vtable_methods)?;
        let redeclared: Vec<TypeHandle> = redeclared_interfaces.clone();
        rt.interface_map = self.build_interface_map(
            &rt.name,
            is_interface || row.flags & ta::ABSTRACT != 0,
            parent,
            &rt.interfaces,
            &redeclared,
            &vtable_methods,
            &explicit,
        )?;
        if let Some(i) = cctor_index {
            rt.class_init.cctor = Some(methods[i]);
        }
        if methods
            .iter()
            .any(|m| m.name == "Finalize" && m.slot.is_some())
            && !(is_corelib && rt.name == "System.Object")
        {
            rt.mt.flags |= mt_flags::HAS_FINALIZER;
        }
        let mut entries = Vec::with_capacity(vtable_methods.len());
        for m in &vtable_methods {
            entries.push(AtomicUsize::new(self.vtable_entry(*m, handle)?));
        }
        let vtable: Box<[AtomicUsize]> = entries.into_boxed_slice();
        rt.mt.num_vtable_slots = vtable.len() as u32;
        rt.mt.vtable = vtable.as_ptr();
        rt.vtable = vtable;
        rt.vtable_methods = vtable_methods;
        rt.methods = methods;

        self.types.insert(rt.key.clone(), handle);
        self.registry.register(handle);
        self.type_store.push(rt);
        for md in method_boxes {
            self.methods_by_def
                .insert((md.assembly, md.rid), MethodHandle::new(&md));
            self.methods_by_precode
                .insert(md.precode, MethodHandle::new(&md));
            self.method_store.push(md);
        }
        Ok(handle)
    }

    /// What a vtable slot of `owner` holds for `m`: the method's entry, or,
    /// for a method of a value type, an unboxing stub in front of it (virtual
    /// and interface calls pass the boxed object, the method wants a pointer
    /// to the value inside it).
    fn vtable_entry(&mut self, m: MethodHandle, owner: TypeHandle) -> LoadResult<usize> {
        if !(m.owner == owner && owner.is_value_type() && !m.is_static()) {
            return Ok(m.entry_point());
        }
        self.unboxing_stub(m)
    }

    /// An entry for instance method `m` of a value type that takes a boxed
    /// receiver (what vtables, interface dispatch and delegates call): a
    /// stub that steps over the box's method-table word, then enters `m`.
    /// One per method.
    pub(crate) fn unboxing_stub(&mut self, m: MethodHandle) -> LoadResult<usize> {
        if let Some(stub) = self.unboxing_stubs.get(&m) {
            return Ok(*stub);
        }
        // With a hidden return buffer, `this` is the second argument (RDX).
        let this_in_rdx = match m.sig.ret.strip_modifiers() {
            TypeSig::ValueType(t) => {
                let def = self.resolve_type_def_id(m.assembly, *t)?;
                primitive_of_sig(&m.sig.ret).is_none() && self.value_layout(def)?.size > 8
            }
            _ => false,
        };
        let stub = self
            .code_heap
            .alloc_unboxing_stub(m.precode, this_in_rdx)
            .map_err(|e| LoadError::NotSupported(format!("code heap: {e}")))?;
        self.unboxing_stubs.insert(m, stub);
        Ok(stub)
    }

    /// The slot of an inherited virtual method that `name`/`sig` overrides.
    fn find_override_slot(
        &mut self,
        vtable: &[MethodHandle],
        assembly: AssemblyId,
        name: &str,
        sig: &osprey_metadata::sig::MethodSig,
    ) -> Option<u32> {
        for (i, m) in vtable.iter().enumerate().rev() {
            if m.name == name && self.method_sigs_equal(assembly, sig, m.assembly, &m.sig) {
                return Some(i as u32);
            }
        }
        None
    }

    /// Applies `.override` directives (MethodImpl rows) that override
    /// inherited class slots, and returns the overrides of interface methods
    /// (explicit implementations), which `build_interface_map` applies.
    fn apply_method_impls(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
        methods: &[MethodHandle],
        vtable: &mut [MethodHandle],
    ) -> LoadResult<Vec<(MethodHandle, MethodHandle)>> {
        let mut interface_overrides = Vec::new();
        let img = asm.image();
        let rows: Vec<_> = img.method_impls_of(id.rid).collect();
        for row in rows {
            let (_, row) = row.map_err(|e| self.bad_image(id.assembly, e))?;
            let body = match row.method_body {
                MethodDefOrRef::MethodDef(rid) => methods.iter().find(|m| m.rid == rid).copied(),
                MethodDefOrRef::MemberRef(_) => None,
            };
            let Some(body) = body else { continue };
            let decl = self.resolve_method_token(id.assembly, row.method_declaration.token())?;
            if decl.owner.is_interface() {
                interface_overrides.push((decl, body));
                continue;
            }
            if let Some(slot) = decl.slot {
                if let Some(entry) = vtable.get_mut(slot as usize) {
                    *entry = body;
                }
            }
        }
        Ok(interface_overrides)
    }

    /// For each interface `t` implements, the vtable slot implementing each
    /// interface method: an explicit `.override` of this type first, then the
    /// most derived public virtual method with the same name and signature,
    /// then the parent's mapping. Slots, not methods: a subclass that
    /// overrides the implementing method is then called through the
    /// interface too.
    #[allow(clippy::too_many_arguments)]
    fn build_interface_map(
        &mut self,
        name: &str,
        is_abstract_or_interface: bool,
        parent: Option<TypeHandle>,
        interfaces: &[TypeHandle],
        redeclared: &[TypeHandle],
        vtable: &[MethodHandle],
        explicit: &[(MethodHandle, MethodHandle)],
    ) -> LoadResult<Vec<InterfaceSlots>> {
        let mut map = Vec::with_capacity(interfaces.len());
        for &iface in interfaces {
            let inherited: Option<Vec<u32>> = parent.and_then(|p| {
                p.interface_map
                    .iter()
                    .find(|e| e.interface == iface)
                    .map(|e| e.slots.clone())
            });
            if let (Some(slots), false) = (&inherited, redeclared.contains(&iface)) {
                map.push(InterfaceSlots {
                    interface: iface,
                    slots: slots.clone(),
                });
                continue;
            }
            let mut slots = Vec::with_capacity(iface.vtable_methods.len());
            for (i, im) in iface.vtable_methods.iter().enumerate() {
                let by_override = explicit
                    .iter()
                    .find(|(d, _)| d == im)
                    .and_then(|(_, b)| b.slot);
                let slot = match by_override {
                    Some(s) => Some(s),
                    None => {
                        let mut found = None;
                        for (slot, m) in vtable.iter().enumerate().rev() {
                            let public = m.flags & ma::MEMBER_ACCESS_MASK == ma::PUBLIC;
                            if m.name == im.name
                                && public
                                && self.method_sigs_equal(m.assembly, &m.sig, im.assembly, &im.sig)
                            {
                                found = Some(slot as u32);
                                break;
                            }
                        }
                        found.or_else(|| inherited.as_ref().and_then(|e| e.get(i).copied()))
                    }
                };
                match slot {
                    Some(s) => slots.push(s),
                    None if is_abstract_or_interface => slots.push(u32::MAX),
                    None => {
                        return Err(LoadError::InvalidType {
                            name: name.to_string(),
                            reason: format!(
                                "method '{}' of interface '{}' does not have an implementation",
                                im.name, iface.name
                            ),
                        })
                    }
                }
            }
            map.push(InterfaceSlots {
                interface: iface,
                slots,
            });
        }
        Ok(map)
    }

    fn new_method_desc(
        &mut self,
        asm: &Arc<Assembly>,
        owner: TypeHandle,
        info: MethodInfo,
        slot: Option<u32>,
    ) -> LoadResult<Box<MethodDesc>> {
        use osprey_metadata::flags::method_impl_attributes as mia;
        let img = asm.image();
        let kind = if info.impl_flags & mia::INTERNAL_CALL != 0 {
            let sig_text = names::method_sig_text(img, &info.sig);
            match crate::fcall::lookup(&owner.name, &info.name, &sig_text) {
                Some(f) => MethodKind::FCall {
                    address: f.address,
                    pass_thread: f.pass_thread,
                    may_throw: f.may_throw,
                    helper_frame: f.helper_frame,
                },
                None => MethodKind::Unimplemented,
            }
        } else if info.flags & ma::PINVOKE_IMPL != 0 {
            // QCalls: pinvokeimpl("QCall" as "Entry"). Other P/Invokes are not supported.
            match img.pinvoke_import_of(info.rid) {
                Ok(Some(p)) if p.module_name == "QCall" => {
                    match osprey_qcall::lookup(p.import_name) {
                        Some(address) => MethodKind::QCall {
                            address,
                            suppress_gc_transition: attributes::has_attribute(
                                img,
                                osprey_metadata::Token::new(
                                    osprey_metadata::TableId::MethodDef,
                                    info.rid,
                                ),
                                "System.Runtime.InteropServices.SuppressGCTransitionAttribute",
                            ),
                        },
                        None => MethodKind::Unimplemented,
                    }
                }
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

    /// Lays out static fields in fresh storage.
    fn static_storage(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
        fields: &mut [FieldDesc],
        own_layout: Option<&StructLayout>,
    ) -> LoadResult<StaticStorage> {
        let mut offset = 0u32;
        let mut gc_refs = Vec::new();
        let mut rva_data = Vec::new();
        for f in fields.iter_mut() {
            if f.is_literal {
                continue;
            }
            let shape = match (&f.sig, own_layout) {
                // A static field of the type's own value type (`static Point Origin`).
                (TypeSig::ValueType(t), Some(own))
                    if self.resolve_type_def_id(id.assembly, *t).ok() == Some(id) =>
                {
                    FieldShape {
                        size: own.size,
                        align: own.align,
                        gc_refs: own.gc_refs.to_vec(),
                        explicit_offset: None,
                    }
                }
                _ => self.field_shape(id.assembly, &f.sig)?,
            };
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
            offset += shape.size.next_multiple_of(8);
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

    /// The shape of a field of type `sig` declared in `assembly`.
    pub(crate) fn field_shape(
        &mut self,
        assembly: AssemblyId,
        sig: &TypeSig,
    ) -> LoadResult<FieldShape> {
        self.check_sig_kind_unloaded(assembly, sig)?;
        if let Some(s) = layout::primitive_shape(sig) {
            return Ok(s);
        }
        match sig.strip_modifiers() {
            TypeSig::ValueType(t) => {
                let def = self.resolve_type_def_id(assembly, *t)?;
                let l = self.value_layout(def)?;
                Ok(FieldShape {
                    size: l.size,
                    align: l.align,
                    gc_refs: l.gc_refs,
                    explicit_offset: None,
                })
            }
            TypeSig::ByRef(_) => Ok(FieldShape::plain(8)),
            other => Err(LoadError::NotSupported(format!(
                "fields of type {}",
                names::type_sig_text(self.assembly(assembly).image(), other)
            ))),
        }
    }

    /// The layout of a value type, computed from its instance fields only
    /// (without loading the type, so static fields cannot create cycles).
    pub(crate) fn value_layout(&mut self, id: TypeDefId) -> LoadResult<ValueLayout> {
        if let Some(t) = self.types.get(&TypeKey::Def(id, Vec::new())) {
            if let Some(l) = &t.value_layout {
                return Ok(ValueLayout {
                    size: l.size,
                    align: l.align,
                    gc_refs: l.gc_refs.to_vec(),
                });
            }
        }
        if let Some(l) = self.value_layouts.get(&id) {
            return Ok(l.clone());
        }
        self.check_value_type_def(id)?;
        self.check_load_depth(id)?;
        if !self.layout_in_progress.insert(id) {
            return Err(LoadError::InvalidType {
                name: self.type_def_name(id),
                reason: "a value type cannot contain itself".into(),
            });
        }
        let result = self.compute_value_layout(id);
        self.layout_in_progress.remove(&id);
        let l = result?;
        self.value_layouts.insert(id, l.clone());
        Ok(l)
    }

    fn compute_value_layout(&mut self, id: TypeDefId) -> LoadResult<ValueLayout> {
        let asm = self.assembly(id.assembly);
        let l = self.layout_type_def(&asm, id, true, 0)?;
        Ok(ValueLayout {
            size: l.size,
            align: l.align,
            gc_refs: l.gc_refs,
        })
    }

    /// Lays out a TypeDef's instance fields with `osprey_metadata::layout`,
    /// resolving value-type fields through [`Loader::field_shape`].
    fn layout_type_def(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
        is_value_type: bool,
        parent_size: u32,
    ) -> LoadResult<layout::Layout> {
        let result = layout::layout_type_def(
            asm.image(),
            id.rid,
            is_value_type,
            parent_size,
            &mut |sig| self.field_shape(id.assembly, sig),
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
    fn enum_underlying(&mut self, asm: &Arc<Assembly>, id: TypeDefId) -> LoadResult<Primitive> {
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

    /// The runtime type of a single-dimensional, zero-based array of `element`.
    pub fn load_sz_array(&mut self, element: TypeHandle) -> LoadResult<TypeHandle> {
        self.load_array(element, None)
    }

    /// The runtime type of an array of `element`: single-dimensional and
    /// zero-based (`rank` None: `T[]`) or multi-dimensional (`T[,]`, also
    /// rank 1 with bounds, `T[*]`). Arrays derive from System.Array and share
    /// its vtable and interfaces; their layout is the runtime's (the binder's
    /// `ArrayObject`/`MdArrayObject`).
    pub fn load_array(&mut self, element: TypeHandle, rank: Option<u32>) -> LoadResult<TypeHandle> {
        let key = match rank {
            None => TypeKey::SzArray(element),
            Some(r) => TypeKey::MdArray(element, r),
        };
        if let Some(h) = self.types.get(&key) {
            return Ok(*h);
        }
        if rank.is_some_and(|r| r == 0 || r > 32) {
            return Err(LoadError::InvalidType {
                name: format!("{}[]", element.name),
                reason: "array rank must be between 1 and 32".into(),
            });
        }
        let array = self.corelib_type("System", "Array")?;
        let (component_size, gc) = match &element.value_layout {
            Some(l) => (l.size, !l.gc_refs.is_empty()),
            None => (8, true),
        };
        let mut flags = mt_flags::ARRAY;
        if gc {
            flags |= mt_flags::CONTAINS_GC_REFS;
        }
        let (base_size, suffix, kind) = match rank {
            None => (
                osprey_binder::ARRAY_DATA_OFFSET,
                "[]".to_string(),
                TypeKind::SzArray,
            ),
            Some(r) => (
                osprey_binder::md_array_data_offset(r as usize),
                if r == 1 {
                    "[*]".to_string()
                } else {
                    format!("[{}]", ",".repeat(r as usize - 1))
                },
                TypeKind::MdArray(r),
            ),
        };
        let vtable: Box<[AtomicUsize]> = array
            .vtable
            .iter()
            .map(|e| AtomicUsize::new(e.load(Ordering::Acquire)))
            .collect();
        let mut rt = Box::new(RuntimeType {
            mt: MethodTable {
                flags,
                base_size: base_size as u32,
                component_size,
                num_vtable_slots: vtable.len() as u32,
                parent: array.method_table(),
                vtable: std::ptr::null(),
                element_type: element.method_table(),
            },
            key: key.clone(),
            def: None,
            name: format!("{}{suffix}", element.name),
            simple_name: format!("{}{suffix}", element.simple_name),
            namespace: element.namespace.clone(),
            kind,
            element: Some(element),
            instance_fields: Vec::new(),
            static_fields: Vec::new(),
            methods: Vec::new(),
            vtable_methods: array.vtable_methods.clone(),
            vtable,
            interfaces: array.interfaces.clone(),
            interface_map: array.interface_map.clone(),
            value_layout: None,
            instance_gc_refs: Vec::new(),
            statics: StaticStorage {
                data: Box::new([]),
                gc_refs: Vec::new(),
            },
            class_init: ClassInit {
                cctor: None,
                before_field_init: true,
                done: AtomicU8::new(1),
                failure: std::sync::OnceLock::new(),
            },
        });
        rt.mt.vtable = rt.vtable.as_ptr();
        let handle = TypeHandle::new(&rt);
        self.types.insert(key, handle);
        self.registry.register(handle);
        self.type_store.push(rt);
        Ok(handle)
    }
}

/// The primitive a signature type denotes, if it is one.
pub(crate) fn primitive_of_sig(sig: &TypeSig) -> Option<Primitive> {
    Some(match sig.strip_modifiers() {
        TypeSig::Boolean => Primitive::Boolean,
        TypeSig::Char => Primitive::Char,
        TypeSig::I1 => Primitive::I1,
        TypeSig::U1 => Primitive::U1,
        TypeSig::I2 => Primitive::I2,
        TypeSig::U2 => Primitive::U2,
        TypeSig::I4 => Primitive::I4,
        TypeSig::U4 => Primitive::U4,
        TypeSig::I8 => Primitive::I8,
        TypeSig::U8 => Primitive::U8,
        TypeSig::R4 => Primitive::R4,
        TypeSig::R8 => Primitive::R8,
        TypeSig::I => Primitive::I,
        TypeSig::U => Primitive::U,
        _ => return None,
    })
}

/// The bytes of a `u64` slice.
fn bytemuck_bytes(words: &mut [u64]) -> &mut [u8] {
    // SAFETY: u8 has no alignment or validity requirements; the byte view
    // covers exactly the words' memory and borrows it mutably.
    unsafe { std::slice::from_raw_parts_mut(words.as_mut_ptr() as *mut u8, words.len() * 8) }
}
