//! Strings and other runtime-created objects: literals, new strings and
//! objects (rooted, see `crate::rooted`), `string[]` for Main,
//! `System.RuntimeType` objects, exception descriptions.

use osprey_metadata::Token;

use super::{Runtime, RuntimeError};
use crate::loader::{AssemblyId, Loader, MethodTable, TypeHandle};
use crate::object::{self, ObjectRef};
use crate::rooted::{Rooted, Unrooted};
use crate::thread::Thread;
use osprey_binder::{BoundMethod, RuntimeTypeObject};

use super::{Arg, CallSite, Value};
use crate::loader::MethodHandle;

impl Runtime {
    /// The interned string object for a `ldstr` token: one per distinct
    /// text per runtime, on the frozen heap (never moves, never freed).
    pub(crate) fn intern_literal(
        &self,
        loader: &mut Loader,
        assembly: AssemblyId,
        token: Token,
    ) -> Result<ObjectRef, RuntimeError> {
        let asm = loader.assembly(assembly);
        let us = asm
            .image()
            .ldstr(token)
            .map_err(|e| loader.bad_image(assembly, e))?;
        let units: Vec<u16> = us
            .as_bytes()
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        self.intern_units(units)
    }

    /// The interned string object for `text` (shared with literals).
    pub(crate) fn intern_text(&self, text: &str) -> Result<ObjectRef, RuntimeError> {
        let units: Vec<u16> = text.encode_utf16().collect();
        self.intern_units(units)
    }

    /// The interned string object for UTF-16 `units`.
    fn intern_units(&self, units: Vec<u16>) -> Result<ObjectRef, RuntimeError> {
        let mut literals = self.literals.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(s) = literals.get(&units) {
            return Ok(*s);
        }
        let mt = &self.well_known().string.mt;
        let s = self.heaps.alloc_frozen(mt, units.len())?;
        // SAFETY: the new string has room for `units.len()` characters at STRING_DATA_OFFSET.
        unsafe { write_chars(s, &units) };
        literals.insert(units, s);
        Ok(s)
    }

    /// A zeroed string of `length` characters on the GC heap, to fill in
    /// and hand over before anything else runs (it borrows the thread).
    pub(crate) fn alloc_string<'t>(
        &self,
        thread: &'t mut Thread,
        length: usize,
    ) -> Result<Unrooted<'t>, RuntimeError> {
        Ok(self
            .heaps
            .alloc(thread, &self.well_known().string.mt, length)?)
    }

    /// A new object of type `mt` (`length` elements for arrays), zeroed
    /// and rooted.
    pub fn new_object(
        &self,
        thread: &mut Thread,
        mt: &MethodTable,
        length: usize,
    ) -> Result<Rooted, RuntimeError> {
        Ok(self.heaps.alloc_rooted(thread, mt, length)?)
    }

    /// A zeroed string of `length` characters, rooted.
    pub fn new_zeroed_string(
        &self,
        thread: &mut Thread,
        length: usize,
    ) -> Result<Rooted, RuntimeError> {
        self.new_object(thread, &self.well_known().string.mt, length)
    }

    /// A new string holding `text`, rooted.
    pub fn new_string(&self, thread: &mut Thread, text: &str) -> Result<Rooted, RuntimeError> {
        let units: Vec<u16> = text.encode_utf16().collect();
        let table = thread.root_table();
        let s = self.alloc_string(thread, units.len())?;
        // SAFETY: `s` was just allocated with room for `units.len()` characters.
        unsafe { write_chars(s.raw(), &units) };
        Ok(table.root(s))
    }

    /// A `string[]` holding `items` (Main's arguments), rooted.
    pub(crate) fn new_string_array(
        &self,
        thread: &mut Thread,
        items: &[String],
    ) -> Result<Rooted, RuntimeError> {
        let array_type = {
            let mut loader = self.loader();
            loader.load_sz_array(self.well_known().string)?
        };
        let array = self.new_object(thread, &array_type.mt, items.len())?;
        for (i, item) in items.iter().enumerate() {
            let s = self.new_string(thread, item)?;
            // SAFETY: `array` is a string[] of length items.len() > i.
            unsafe {
                array.get(thread).write_ref(
                    object::ARRAY_DATA_OFFSET + 8 * i,
                    Some(s.get(thread)),
                    &self.heaps.gc,
                )
            };
        }
        Ok(array)
    }

    /// The `System.RuntimeType` object of `t` (one per type, frozen).
    pub(crate) fn type_object(&self, t: TypeHandle) -> Result<ObjectRef, RuntimeError> {
        let mut objects = self.type_objects.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(o) = objects.get(&t) {
            return Ok(*o);
        }
        let o = self
            .heaps
            .alloc_frozen(&self.well_known().runtime_type.mt, 0)?;
        // SAFETY: `o` is a fresh RuntimeType, whose layout the binder checked.
        unsafe { (*(o.as_ptr() as *mut RuntimeTypeObject)).handle = t.method_table() as *const _ };
        objects.insert(t, o);
        Ok(o)
    }

    /// Fills in how an unhandled exception prints: the exception's own
    /// virtual `ToString()`, called through the call-site API as CoreCLR and
    /// mono do (a native-to-managed callback into corelib's
    /// `Exception.ToString`, or an override). Errors without an exception
    /// object, or whose `ToString()` fails, keep `Type: message`.
    pub(crate) fn describe_unhandled(
        &self,
        thread: &mut Thread,
        error: RuntimeError,
    ) -> RuntimeError {
        let RuntimeError::Exception {
            type_name,
            message,
            object: Some(object),
            ..
        } = error
        else {
            return error;
        };
        let exception = thread.root(object.get(thread));
        let t = exception.get(thread).type_handle();
        let is_exception =
            t == self.well_known().exception || t.is_subclass_of(self.well_known().exception);
        let mut description = None;
        if is_exception {
            let to_string =
                self.virtual_target(self.bound_method(BoundMethod::ExceptionToString), t);
            let described = CallSite::new(self, to_string)
                .and_then(|site| site.call(thread, &[Arg::from(&exception)]));
            if let Ok(Value::Ref(Some(text))) = described {
                // SAFETY: ToString returns a string.
                description = Some(unsafe { text.get(thread).string_to_rust() });
            }
        }
        RuntimeError::Exception {
            type_name,
            message,
            description,
            object: Some(object),
        }
    }

    /// The method a virtual call of `method` on an instance of `receiver`
    /// runs: the override in the receiver's vtable slot, or `method` itself
    /// when it is not virtual.
    pub fn virtual_target(&self, method: MethodHandle, receiver: TypeHandle) -> MethodHandle {
        match method.slot {
            Some(slot) if method.is_virtual() => receiver
                .vtable_methods
                .get(slot as usize)
                .copied()
                .unwrap_or(method),
            _ => method,
        }
    }
}

/// Copies UTF-16 units into a string's character area.
///
/// # Safety
/// `s` must be a string with room for `units.len()` characters.
unsafe fn write_chars(s: ObjectRef, units: &[u16]) {
    // SAFETY: caller's contract.
    unsafe {
        std::ptr::copy_nonoverlapping(
            units.as_ptr(),
            s.as_ptr().add(object::STRING_DATA_OFFSET) as *mut u16,
            units.len(),
        )
    };
}
