//! Array types: single-dimensional zero-based arrays (`T[]`) and
//! multi-dimensional ones (`T[,]`, `T[*]`), made on first use from their
//! element type. Their layout is the runtime's (the binder's `ArrayObject`
//! and `MdArrayObject`); they derive from `System.Array` and share its
//! vtable.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

use super::generics::MAX_INSTANTIATION_DEPTH;
use super::types::{
    mt_flags, ClassInit, MethodTable, RuntimeType, StaticStorage, TypeHandle, TypeKey, TypeKind,
};
use super::{LoadError, LoadResult, Loader};

impl Loader {
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
        if element.depth >= MAX_INSTANTIATION_DEPTH {
            return Err(LoadError::InvalidType {
                name: format!("{}[]", element.name),
                reason: "the array's element type is nested too deeply".into(),
            });
        }
        if rank.is_some_and(|r| r == 0 || r > 32) {
            return Err(LoadError::InvalidType {
                name: format!("{}[]", element.name),
                reason: "array rank must be between 1 and 32".into(),
            });
        }
        let array = self.corelib_type("System", "Array")?;
        // (The element may still be being built: its shape comes from its
        // definition then.)
        let shape = self.shape_of_type(element)?;
        let (component_size, gc) = (shape.size, !shape.gc_refs.is_empty());
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
        let mut entries: Vec<usize> = array
            .vtable
            .iter()
            .map(|e| e.load(Ordering::Acquire))
            .collect();
        let mut vtable_methods = array.vtable_methods.clone();
        let mut interfaces = array.interfaces.clone();
        let mut interface_map = array.interface_map.clone();
        if rank.is_none() {
            self.add_collection_interfaces(
                element,
                &mut entries,
                &mut vtable_methods,
                &mut interfaces,
                &mut interface_map,
            )?;
        }
        let vtable: Box<[AtomicUsize]> = entries.into_iter().map(AtomicUsize::new).collect();
        let mut rt = Box::new(RuntimeType {
            mt: MethodTable {
                flags,
                base_size: base_size as u32,
                component_size,
                num_vtable_slots: vtable.len() as u32,
                parent: array.method_table(),
                vtable: std::ptr::null(),
                element_type: element.method_table(),
                dictionaries: std::ptr::null(),
            },
            key: key.clone(),
            def: None,
            name: format!("{}{suffix}", element.name),
            simple_name: format!("{}{suffix}", element.simple_name),
            namespace: element.namespace.clone(),
            kind,
            instantiation: Vec::new(),
            variance: Vec::new(),
            depth: element.depth + 1,
            mentions_canon: element.mentions_canon,
            hierarchy_depth: array.hierarchy_depth + 1,
            dictionary: super::sharing::empty_dictionary(),
            dictionary_cells: Box::new([]),
            element: Some(element),
            instance_fields: Vec::new(),
            static_fields: Vec::new(),
            methods: Vec::new(),
            vtable_methods,
            vtable,
            interfaces,
            interface_map,
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
                failed: std::sync::atomic::AtomicBool::new(false),
            },
        });
        rt.mt.vtable = rt.vtable.as_ptr();
        let handle = self.store_type(rt);
        self.types.insert(key, handle);
        self.registry.register(handle);
        Ok(handle)
    }

    /// `T[]` implements `IList<T>`, `ICollection<T>`, `IEnumerable<T>`,
    /// `IReadOnlyList<T>` and `IReadOnlyCollection<T>` through corelib's
    /// `SZArrayHelper<T>`, as in CoreCLR: its static methods take the array
    /// where the interface methods take `this` (the same register in
    /// fastcall64), so each gets a vtable slot of the array type and the
    /// interface map points there. (Covariance, `string[]` as
    /// `IList<object>`, is the casting rule's: see
    /// `runtime::helpers::is_assignable`.)
    fn add_collection_interfaces(
        &mut self,
        element: TypeHandle,
        entries: &mut Vec<usize>,
        vtable_methods: &mut Vec<super::methods::MethodHandle>,
        interfaces: &mut Vec<TypeHandle>,
        interface_map: &mut Vec<super::types::InterfaceSlots>,
    ) -> LoadResult<()> {
        const NAMESPACE: &str = "System.Collections.Generic";
        const INTERFACES: [&str; 5] = [
            "IEnumerable`1",
            "ICollection`1",
            "IList`1",
            "IReadOnlyCollection`1",
            "IReadOnlyList`1",
        ];
        let corelib = super::AssemblyId::CORELIB;
        let Some(helper_rid) = self.find_type(corelib, "System", "SZArrayHelper`1")? else {
            return Ok(());
        };
        let helper = self.load_type(
            super::TypeDefId {
                assembly: corelib,
                rid: helper_rid,
            },
            vec![element],
        )?;
        for name in INTERFACES {
            let Some(rid) = self.find_type(corelib, NAMESPACE, name)? else {
                continue;
            };
            let iface = self.load_type(
                super::TypeDefId {
                    assembly: corelib,
                    rid,
                },
                vec![element],
            )?;
            if interfaces.contains(&iface) {
                continue;
            }
            let mut slots = Vec::with_capacity(iface.vtable_methods.len());
            for im in &iface.vtable_methods {
                let implementation = helper
                    .methods
                    .iter()
                    .copied()
                    .find(|h| h.name == im.name && h.sig.params.len() == im.sig.params.len() + 1)
                    .ok_or_else(|| LoadError::InvalidType {
                        name: helper.name.clone(),
                        reason: format!("it lacks {} for {}", im.name, iface.name),
                    })?;
                slots.push(entries.len() as u32);
                entries.push(implementation.entry_point());
                vtable_methods.push(implementation);
            }
            interfaces.push(iface);
            interface_map.push(super::types::InterfaceSlots {
                interface: iface,
                slots,
            });
        }
        Ok(())
    }
}
