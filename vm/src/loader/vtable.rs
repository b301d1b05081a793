//! Virtual dispatch tables: vtable slots and their overrides, explicit
//! `.override`s, interface maps, and the unboxing stubs value types put in
//! their vtables.

use std::sync::Arc;

use osprey_metadata::flags::method_attributes as ma;
use osprey_metadata::tables::{CodedIndex, MethodDefOrRef};

use super::assembly::Assembly;
use super::generics::{GenericContext, SigIn};
use super::methods::MethodHandle;
use super::types::{InterfaceSlots, TypeDefId, TypeHandle};
use super::{LoadError, LoadResult, Loader};

impl Loader {
    /// What a vtable slot of `owner` holds for `m`: the method's entry, or,
    /// for a method of a value type, an unboxing stub in front of it (virtual
    /// and interface calls pass the boxed object, the method wants a pointer
    /// to the value inside it).
    pub(super) fn vtable_entry(&mut self, m: MethodHandle, owner: TypeHandle) -> LoadResult<usize> {
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
        let this_in_rdx = self.returned_by_buffer(m.assembly, &m.sig.ret, &m.generic_context())?;
        let stub = self
            .code_heap
            .alloc_unboxing_stub(m.precode, this_in_rdx)
            .map_err(|e| LoadError::NotSupported(format!("code heap: {e}")))?;
        self.unboxing_stubs.insert(m, stub);
        Ok(stub)
    }

    /// The slot of an inherited virtual method that `name`/`sig` (read in
    /// `sig_in`, the new type's assembly and type arguments) overrides. Each
    /// inherited method's signature is read in its own owner's
    /// instantiation: `Derived : Base<int>` overrides `Base<T>.M(T)` with
    /// `M(int)`.
    pub(super) fn find_override_slot(
        &mut self,
        vtable: &[MethodHandle],
        sig_in: SigIn<'_>,
        name: &str,
        sig: &osprey_metadata::sig::MethodSig,
    ) -> Option<u32> {
        for (i, m) in vtable.iter().enumerate().rev() {
            if m.name != name {
                continue;
            }
            let ctx = m.owner.generic_context();
            let m_in = SigIn {
                assembly: m.assembly,
                ctx: &ctx,
            };
            if self.method_sigs_match(sig_in, sig, m_in, &m.sig) {
                return Some(i as u32);
            }
        }
        None
    }

    /// Applies `.override` directives (MethodImpl rows) that override
    /// inherited class slots, and returns the overrides of interface methods
    /// (explicit implementations), which `build_interface_map` applies.
    pub(super) fn apply_method_impls(
        &mut self,
        asm: &Arc<Assembly>,
        id: TypeDefId,
        ctx: &GenericContext,
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
            let decl =
                self.resolve_method_token(id.assembly, row.method_declaration.token(), ctx)?;
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
    pub(super) fn build_interface_map(
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
                        let im_ctx = iface.generic_context();
                        let im_in = SigIn {
                            assembly: im.assembly,
                            ctx: &im_ctx,
                        };
                        for (slot, m) in vtable.iter().enumerate().rev() {
                            let public = m.flags & ma::MEMBER_ACCESS_MASK == ma::PUBLIC;
                            if m.name != im.name || !public {
                                continue;
                            }
                            let m_ctx = m.owner.generic_context();
                            let m_in = SigIn {
                                assembly: m.assembly,
                                ctx: &m_ctx,
                            };
                            if self.method_sigs_match(m_in, &m.sig, im_in, &im.sig) {
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
}
