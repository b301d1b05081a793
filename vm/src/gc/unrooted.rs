//! [`Unrooted`]: an object reference valid for a borrow of the thread.
//!
//! The type belongs to the collector's layer because the collector hands
//! them out (`Gc::alloc`, `Gc::next_to_finalize`, the object handles); the
//! rules for using them, and [`Rooted`](crate::rooted::Rooted), are in
//! `crate::rooted`.

use std::marker::PhantomData;

use super::Gc;
use crate::object::ObjectRef;
use crate::typesystem::{MethodTable, TypeHandle};

/// An object reference that is not rooted, borrowed from the thread (see
/// the module documentation): valid until the thread next allocates,
/// collects or runs managed code, which the borrow checker enforces.
#[derive(Copy, Clone, PartialEq, Eq)]
pub struct Unrooted<'t> {
    obj: ObjectRef,
    /// The borrow it is valid for (of the thread, or its [`Mutator`](super::Mutator)).
    _borrow: PhantomData<&'t ()>,
}

impl std::fmt::Debug for Unrooted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Unrooted({:p})", self.obj.as_ptr())
    }
}

impl<'t> Unrooted<'t> {
    /// Wraps a reference the caller knows is valid for `'t` (the
    /// collector's and the runtime's own code: a reference just allocated,
    /// read from a slot the collector reports, or kept by a handle).
    pub(crate) fn assume(obj: ObjectRef) -> Unrooted<'t> {
        Unrooted {
            obj,
            _borrow: PhantomData,
        }
    }

    /// The raw pointer (to the method-table word), for handing the
    /// reference to managed code or reading and writing the object.
    pub fn as_ptr(self) -> *mut u8 {
        self.obj.as_ptr()
    }

    /// The bare reference, for storing it into a location the collector
    /// reports (a frame slot, the thread's pending exception) or comparing
    /// identities. Not for keeping in Rust across a collection.
    pub fn raw(self) -> ObjectRef {
        self.obj
    }

    /// The object's method table.
    pub fn method_table(self) -> &'static MethodTable {
        self.obj.method_table()
    }

    /// The object's exact type.
    pub fn type_handle(self) -> TypeHandle {
        TypeHandle::from_method_table(self.obj.method_table())
    }

    /// The length of a string or array.
    ///
    /// # Safety
    /// The object must be a string or an array.
    pub unsafe fn length(self) -> usize {
        // SAFETY: forwarded contract.
        unsafe { self.obj.length() }
    }

    /// A string's characters, valid while the reference is.
    ///
    /// # Safety
    /// The object must be a `System.String`.
    pub unsafe fn string_chars(self) -> &'t [u16] {
        // SAFETY: forwarded contract; the slice lives no longer than `'t`,
        // during which the string cannot move.
        unsafe { self.obj.string_chars() }
    }

    /// A string's text, converted to UTF-8.
    ///
    /// # Safety
    /// The object must be a `System.String`.
    pub unsafe fn string_to_rust(self) -> String {
        // SAFETY: forwarded contract.
        unsafe { self.obj.string_to_rust() }
    }

    /// Element 0 of a single-dimensional array.
    ///
    /// # Safety
    /// The object must be a single-dimensional array.
    pub unsafe fn array_data(self) -> *mut u8 {
        // SAFETY: forwarded contract.
        unsafe { self.obj.array_data() }
    }

    /// The reference stored in the field at byte `offset`.
    ///
    /// # Safety
    /// The object must have a reference field at `offset`.
    pub unsafe fn read_ref(self, offset: usize) -> Option<Unrooted<'t>> {
        // SAFETY: caller's contract: an aligned reference slot.
        let p = unsafe { *(self.obj.as_ptr().add(offset) as *const *mut u8) };
        // SAFETY: the caller's contract: the field holds null or a live object.
        unsafe { ObjectRef::from_raw(p) }.map(Unrooted::assume)
    }

    /// Stores `value` into the reference field at byte `offset`, with the
    /// write barrier.
    ///
    /// # Safety
    /// The object must have a reference field at `offset` whose type
    /// `value` is compatible with.
    pub unsafe fn write_ref(self, offset: usize, value: Option<Unrooted<'_>>, gc: &Gc) {
        let slot = self.obj.as_ptr().wrapping_add(offset) as *mut *mut u8;
        // SAFETY: caller's contract: an aligned reference slot in the object.
        unsafe { *slot = value.map_or(std::ptr::null_mut(), |v| v.as_ptr()) };
        gc.write_barrier(slot as usize);
    }
}
