//! Code sharing between generic instantiations (docs/generics.md).
//!
//! Instantiations over reference types share one body: `List<string>`
//! and `List<object>` run the code compiled for `List<__Canon>`, where
//! `System.__Canon` stands for "some reference type". Value-type
//! arguments stay as they are (`Dictionary<int, __Canon>`), and methods of
//! generic value types are never shared. Shared code finds what depends on
//! the exact instantiation (a method table to allocate, a static field's
//! address, a callee's entry) in a *generic dictionary*: one per exact
//! class instantiation (reached from `this`'s method table, or from the
//! method table an instantiating stub passes to a static method) and one
//! per exact generic-method instantiation (passed by its instantiating
//! stub). Each shared owner (a canonical class or method) has a
//! dictionary *layout*: the list of [`LookupDesc`]s its code asked for,
//! whose indices are the slots; a slot is filled on first use by
//! `runtime::generic_lookup`.

use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

use osprey_metadata::Token;

use super::assembly::AssemblyId;
use super::methods::{MethodHandle, MethodKind};
use super::types::TypeHandle;
use super::{LoadResult, Loader};

/// The dictionary every cell starts with: capacity 0, so the first lookup
/// takes the slow path, which allocates a real one.
static EMPTY_DICTIONARY: [usize; 1] = [0];

/// A cell's initial value.
pub(crate) fn empty_dictionary() -> AtomicPtr<usize> {
    AtomicPtr::new(EMPTY_DICTIONARY.as_ptr() as *mut usize)
}

/// Whose dictionary a shared method uses.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum DictionaryOwner {
    /// The canonical class (`List<__Canon>`): instance and static methods
    /// of its instantiations use the exact class's dictionary.
    Type(TypeHandle),
    /// The canonical generic method (`M<__Canon>`): its instantiations use
    /// their own.
    Method(MethodHandle),
}

/// What a dictionary slot holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum LookupKind {
    /// The method table of the type a type token names.
    Type,
    /// The method table of single-dimensional arrays of the token's type.
    ArrayOf,
    /// The entry point of the method a method token names.
    MethodEntry,
    /// The function pointer (precode) of the method a method token names.
    MethodPointer,
    /// The descriptor of the method a method token names.
    MethodDesc,
    /// The method table of the type declaring the method a token names.
    MethodOwner,
    /// The address of the static field a field token names (its class is
    /// initialized first).
    StaticAddress,
    /// The entry of the method a `constrained. T callvirt M` calls
    /// directly: `token` names `M`, `constrained` names `T`.
    ConstrainedEntry,
    /// The class's own static constructor has run (the value is 1): the
    /// precise-initialization check of shared static methods and
    /// constructors. No token.
    ClassInit,
}

/// One slot of a shared owner's dictionary layout: what to compute and
/// from which token of which assembly, in the exact instantiation's
/// generic context.
#[derive(Debug)]
pub struct LookupDesc {
    /// The owner whose layout this is.
    pub owner: DictionaryOwner,
    /// The slot.
    pub slot: u32,
    /// What the slot holds.
    pub kind: LookupKind,
    /// The assembly the tokens belong to.
    pub assembly: AssemblyId,
    /// The token the value is computed from.
    pub token: Token,
    /// For [`LookupKind::ConstrainedEntry`]: the constrained type's token.
    pub constrained: Option<Token>,
}

impl Loader {
    /// `System.__Canon`, the placeholder for reference-type arguments in
    /// shared code.
    pub fn canon_type(&mut self) -> LoadResult<TypeHandle> {
        self.corelib_type("System", "__Canon")
    }

    /// The canonical form of a type argument: `__Canon` for a reference
    /// type, the type itself for a value type.
    fn canonical_arg(&mut self, t: TypeHandle) -> LoadResult<TypeHandle> {
        if t.is_value_type() {
            Ok(t)
        } else {
            self.canon_type()
        }
    }

    /// The method whose code `m` runs if its code is shared: its canonical
    /// form (`List<__Canon>.Add` for `List<string>.Add`; possibly `m`
    /// itself), or `None` when `m` gets code of its own (no reference-type
    /// arguments; a method of a value type; not IL).
    pub fn shared_form(&mut self, m: MethodHandle) -> LoadResult<Option<MethodHandle>> {
        let owner = m.owner;
        let generic = !owner.instantiation.is_empty() || !m.instantiation.is_empty();
        if !generic
            || m.kind != MethodKind::Il
            || owner.is_value_type()
            || owner.is_interface()
            || m.is_generic_definition()
        {
            return Ok(None);
        }
        let refs = |args: &[TypeHandle]| args.iter().any(|a| !a.is_value_type());
        if !refs(&owner.instantiation) && !refs(&m.instantiation) {
            return Ok(None);
        }
        let mut type_args = Vec::with_capacity(owner.instantiation.len());
        for a in owner.instantiation.clone() {
            type_args.push(self.canonical_arg(a)?);
        }
        let canon_owner = match owner.def {
            Some(def) if !type_args.is_empty() => self.load_type(def, type_args)?,
            _ => owner,
        };
        let same_method = |c: &MethodHandle| c.assembly == m.assembly && c.rid == m.rid;
        let Some(in_owner) = canon_owner.methods.iter().copied().find(same_method) else {
            return Ok(None);
        };
        if m.instantiation.is_empty() {
            return Ok(Some(in_owner));
        }
        let mut method_args = Vec::with_capacity(m.instantiation.len());
        for a in m.instantiation.clone() {
            method_args.push(self.canonical_arg(a)?);
        }
        self.instantiate_method(in_owner, method_args).map(Some)
    }

    /// The dictionary slot of `kind`/`token` in `owner`'s layout (added on
    /// first use), and the descriptor the slow path of a lookup passes to
    /// the runtime.
    pub(crate) fn dictionary_slot(
        &mut self,
        owner: DictionaryOwner,
        kind: LookupKind,
        assembly: AssemblyId,
        token: Token,
        constrained: Option<Token>,
    ) -> (u32, usize) {
        let layout = self.dictionary_layouts.entry(owner).or_default();
        if let Some(d) = layout.iter().find(|d| {
            d.kind == kind
                && d.assembly == assembly
                && d.token == token
                && d.constrained == constrained
        }) {
            return (d.slot, &**d as *const LookupDesc as usize);
        }
        let slot = layout.len() as u32;
        let desc = Box::new(LookupDesc {
            owner,
            slot,
            kind,
            assembly,
            token,
            constrained,
        });
        let ptr = &*desc as *const LookupDesc as usize;
        layout.push(desc);
        (slot, ptr)
    }

    /// Whether shared code could not express `canonical` (its
    /// instantiations get code of their own).
    pub(crate) fn is_unshareable(&self, canonical: MethodHandle) -> bool {
        self.unshareable.contains(&canonical)
    }

    /// Records that shared code cannot express `canonical`.
    pub(crate) fn mark_unshareable(&mut self, canonical: MethodHandle) {
        self.unshareable.insert(canonical);
    }

    /// The number of slots of `owner`'s layout so far.
    pub(crate) fn dictionary_len(&self, owner: DictionaryOwner) -> usize {
        self.dictionary_layouts.get(&owner).map_or(0, Vec::len)
    }

    /// Stores `value` in `slot` of the dictionary in `cell`, growing it
    /// first if it is too small (room for `layout_len` slots at least,
    /// doubling). The old dictionary stays allocated: other threads may
    /// still be reading it.
    pub(crate) fn store_in_dictionary(
        &mut self,
        cell: &AtomicPtr<usize>,
        slot: u32,
        layout_len: usize,
        value: usize,
    ) {
        let slot = slot as usize;
        let dict = cell.load(Ordering::Acquire);
        // SAFETY: a cell always points at a dictionary: the static empty
        // one or one allocated below (never freed while the loader lives),
        // whose first word is its capacity.
        let capacity = unsafe { *dict };
        let dict = if slot < capacity {
            dict
        } else {
            let new_capacity = (slot + 1).max(layout_len).max(capacity * 2).max(4);
            let mut words: Box<[AtomicUsize]> =
                (0..=new_capacity).map(|_| AtomicUsize::new(0)).collect();
            words[0] = AtomicUsize::new(new_capacity);
            for i in 1..=capacity {
                // SAFETY: the old dictionary has `capacity` slots after its
                // capacity word.
                let old = unsafe { &*(dict.add(i) as *const AtomicUsize) };
                words[i] = AtomicUsize::new(old.load(Ordering::Acquire));
            }
            let ptr = words.as_ptr() as *mut usize;
            self.dictionaries.push(words);
            cell.store(ptr, Ordering::Release);
            ptr
        };
        // SAFETY: `slot < capacity` of `dict` now; slots are only ever
        // written here, under the loader lock, and read by generated code
        // with plain loads of aligned words.
        unsafe { (*(dict.add(1 + slot) as *const AtomicUsize)).store(value, Ordering::Release) };
    }
}
