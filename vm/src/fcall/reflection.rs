//! Reflection FCalls: what `System.Type` (RuntimeType) asks about a type,
//! `Type.GetType(string)`, `Activator.CreateInstance(Type)` and
//! `Array.CreateInstance`.
//!
//! Type handles are method-table pointers of this runtime (what
//! `RuntimeType.m_handle` and `ldtoken` hold); corelib passes only those.

use osprey_metadata::flags::{method_attributes as ma, type_attributes as ta};

use crate::frames::HelperFrame;
use crate::loader::{MethodHandle, TypeHandle, TypeKind};
use crate::rooted::Unrooted;
use crate::runtime::{guard, Arg, CallSite, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

fn handle_of(t: TypeHandle) -> usize {
    t.method_table() as usize
}

// The bits of `RuntimeType.GetAttributes` (corelib/src/cs/System/RuntimeType.cs).
const ATTR_VALUE_TYPE: i32 = 1;
const ATTR_INTERFACE: i32 = 2;
const ATTR_ENUM: i32 = 4;
const ATTR_ARRAY: i32 = 8;
const ATTR_SZARRAY: i32 = 16;
const ATTR_PRIMITIVE: i32 = 32;
const ATTR_ABSTRACT: i32 = 64;
const ATTR_SEALED: i32 = 128;
const ATTR_PUBLIC: i32 = 256;
const ATTR_NESTED: i32 = 512;
const RANK_SHIFT: i32 = 16;

/// `static int RuntimeType.GetAttributes(IntPtr handle)`: what kind of type
/// it is (the `ATTR_*` bits) and an array's rank in bits 16 and up.
pub(super) extern "C" fn get_attributes(thread: &mut Thread, handle: usize) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let t = unsafe { TypeHandle::from_address(handle) };
        let mut bits = 0;
        if t.is_value_type() {
            bits |= ATTR_VALUE_TYPE | ATTR_SEALED;
        }
        match t.kind {
            TypeKind::Interface => bits |= ATTR_INTERFACE | ATTR_ABSTRACT,
            TypeKind::Enum(_) => bits |= ATTR_ENUM,
            TypeKind::Primitive(_) => bits |= ATTR_PRIMITIVE,
            TypeKind::SzArray => {
                bits |= ATTR_ARRAY | ATTR_SZARRAY | ATTR_SEALED | (1 << RANK_SHIFT)
            }
            TypeKind::MdArray(rank) => {
                bits |= ATTR_ARRAY | ATTR_SEALED | ((rank as i32) << RANK_SHIFT)
            }
            TypeKind::Class | TypeKind::ValueType => {}
        }
        match t.def {
            Some(def) => {
                let asm = thread.runtime().loader().assembly(def.assembly);
                if let Ok(row) = asm.image().type_def(def.rid) {
                    let visibility = row.flags & ta::VISIBILITY_MASK;
                    if visibility == ta::PUBLIC || visibility == ta::NESTED_PUBLIC {
                        bits |= ATTR_PUBLIC;
                    }
                    if visibility > ta::PUBLIC {
                        bits |= ATTR_NESTED;
                    }
                    if row.flags & ta::ABSTRACT != 0 {
                        bits |= ATTR_ABSTRACT;
                    }
                    if row.flags & ta::SEALED != 0 {
                        bits |= ATTR_SEALED;
                    }
                }
            }
            // Arrays are public when their element type is.
            None => {
                if let Some(e) = t.element {
                    bits |= get_attributes(thread, handle_of(e)) & ATTR_PUBLIC;
                }
            }
        }
        bits
    })
}

/// `static IntPtr RuntimeType.GetBaseTypeHandle(IntPtr handle)`: the base
/// type (0 for `System.Object` and interfaces).
pub(super) extern "C" fn get_base_type(thread: &mut Thread, handle: usize) -> usize {
    guard(thread, 0, |_| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let t = unsafe { TypeHandle::from_address(handle) };
        if t.is_interface() {
            return 0;
        }
        t.parent().map_or(0, handle_of)
    })
}

/// `static IntPtr RuntimeType.GetElementTypeHandle(IntPtr handle)`: an
/// array type's element type (0 for other types).
pub(super) extern "C" fn get_element_type(thread: &mut Thread, handle: usize) -> usize {
    guard(thread, 0, |_| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a
        // method table of this runtime.
        unsafe { TypeHandle::from_address(handle) }
            .element
            .map_or(0, handle_of)
    })
}

/// `static bool RuntimeType.IsAssignable(IntPtr to, IntPtr from)`.
pub(super) extern "C" fn is_assignable(thread: &mut Thread, to: usize, from: usize) -> bool {
    guard(thread, false, |_| {
        // SAFETY: `from` and `to` are RuntimeTypeHandle values corelib
        // passed: method tables of this runtime.
        let (from, to) = unsafe { (TypeHandle::from_address(from), TypeHandle::from_address(to)) };
        crate::runtime::is_assignable(from, to)
    })
}

/// `static IntPtr RuntimeType.MakeArrayTypeHandle(IntPtr element, int rank)`:
/// the array type (`T[]` for rank 0, else `T[,...]` of that rank), loaded.
pub(super) extern "C" fn make_array_type(thread: &mut Thread, handle: usize, rank: i32) -> usize {
    guard(thread, 0, |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let element = unsafe { TypeHandle::from_address(handle) };
        if !(0..=32).contains(&rank) {
            thread.raise(RuntimeError::managed(
                ExceptionKind::TypeLoad,
                Some(format!("Array rank {rank} is not supported.")),
            ));
            return 0;
        }
        if element.name == "System.Void" {
            thread.raise(RuntimeError::managed(
                ExceptionKind::TypeLoad,
                Some("Arrays of System.Void are not supported.".into()),
            ));
            return 0;
        }
        let loaded = thread
            .runtime()
            .loader()
            .load_array(element, (rank > 0).then_some(rank as u32));
        match loaded {
            Ok(t) => handle_of(t),
            Err(e) => {
                thread.raise(e.into());
                0
            }
        }
    })
}

/// `static IntPtr RuntimeType.FindTypeHandle(string fullName, bool ignoreCase)`:
/// the type of that full name ("Ns.Type", "Ns.Outer+Inner") in an assembly
/// the runtime has loaded, loaded now if it was not yet; 0 if none.
pub(super) extern "C" fn find_type(thread: &mut Thread, name: *mut u8, ignore_case: bool) -> usize {
    guard(thread, 0, |thread| {
        // SAFETY: `name` is null or an object reference managed code passed in.
        let Some(s) = (unsafe { Unrooted::from_raw(thread, name) }) else {
            return 0;
        };
        // SAFETY: `name` is a string (the managed signature says so).
        let wanted = unsafe { s.string_to_rust() };
        let same = |a: &str| {
            if ignore_case {
                a.eq_ignore_ascii_case(&wanted)
            } else {
                a == wanted
            }
        };
        let rt = thread.runtime();
        let mut loader = rt.loader();
        // The assemblies the runtime has loaded, corelib first.
        let mut assemblies: Vec<_> = loader
            .all_types()
            .filter_map(|t| t.def.map(|d| d.assembly))
            .collect();
        assemblies.sort();
        assemblies.dedup();
        // A top-level type, by namespace and name.
        let outer = wanted.split('+').next().unwrap_or("");
        let (namespace, simple) = outer.rsplit_once('.').unwrap_or(("", outer));
        if !ignore_case {
            for asm in &assemblies {
                if let Ok(Some(rid)) = loader.find_type(*asm, namespace, simple) {
                    let def = crate::loader::TypeDefId {
                        assembly: *asm,
                        rid,
                    };
                    if loader.load_type_def(def).is_err() {
                        return 0;
                    }
                    break;
                }
            }
        }
        // Then the loaded types (nested ones are loaded with their
        // enclosing type's members as they are used).
        let found = loader
            .all_types()
            .find(|t| t.def.is_some() && same(&t.name))
            .map_or(0, handle_of);
        found
    })
}

/// `static IntPtr Activator.FindDefaultConstructor(IntPtr type, bool nonPublic)`:
/// the instance constructor without parameters (public unless `nonPublic`),
/// or 0.
pub(super) extern "C" fn find_default_constructor(
    thread: &mut Thread,
    handle: usize,
    non_public: bool,
) -> usize {
    guard(thread, 0, |_| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let t = unsafe { TypeHandle::from_address(handle) };
        t.methods
            .iter()
            .find(|m| {
                m.name == ".ctor"
                    && !m.is_static()
                    && m.sig.params.is_empty()
                    && (non_public || m.flags & ma::MEMBER_ACCESS_MASK == ma::PUBLIC)
            })
            .map_or(0, |m| m.as_ptr() as usize)
    })
}

/// `static object Activator.CreateValue(IntPtr type, IntPtr ctor)`: runs the
/// type's class constructor, allocates an instance (a zeroed box for a value
/// type) and calls `ctor` on it unless it is 0. An exception in the class
/// constructor or the constructor is raised to the caller (corelib wraps it
/// in a TargetInvocationException). Allocates and calls managed code under a
/// helper frame.
pub(super) extern "C" fn create_value(thread: &mut Thread, handle: usize, ctor: usize) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let t = unsafe { TypeHandle::from_address(handle) };
        HelperFrame::run(thread, |thread| {
            if let Err(e) = crate::runtime::run_class_constructor(thread, t) {
                thread.raise(e);
                return std::ptr::null_mut();
            }
            // Rooted while its constructor runs (it may allocate and
            // collect).
            let obj = match thread.runtime().new_object(thread, &t.mt, 0) {
                Ok(o) => o,
                Err(e) => {
                    thread.raise(e);
                    return std::ptr::null_mut();
                }
            };
            if ctor != 0 {
                // SAFETY: `ctor` came from `find_default_constructor`: a
                // method descriptor of this runtime.
                let method = unsafe { MethodHandle::from_ptr(ctor as *const _) };
                let call = CallSite::new(thread.runtime(), method)
                    .and_then(|site| site.call(thread, &[Arg::from(&obj)]));
                if let Err(e) = call {
                    thread.raise(e);
                    return std::ptr::null_mut();
                }
            }
            obj.get(thread).as_ptr()
        })
    })
}

/// `static Array Array.InternalCreate(IntPtr arrayType, int[] lengths, int[] lowerBounds)`:
/// a new array of `arrayType` (single-dimensional, or multi-dimensional of
/// `lengths.Length` dimensions) with those lengths and lower bounds (null:
/// all 0). corelib checked the arguments. Allocates under a helper frame.
pub(super) extern "C" fn create_array(
    thread: &mut Thread,
    handle: usize,
    lengths: *mut u8,
    lower_bounds: *mut u8,
) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let t = unsafe { TypeHandle::from_address(handle) };
        // Read both arrays before anything can move them.
        let read = |o: *mut u8| -> Vec<i64> {
            // SAFETY: `o` is null or an object reference managed code passed in.
            unsafe { Unrooted::from_raw(thread, o) }.map_or(Vec::new(), |a| {
                // SAFETY: corelib passes int[] arrays (or null).
                unsafe {
                    std::slice::from_raw_parts(a.array_data() as *const i32, a.length())
                        .iter()
                        .map(|&v| i64::from(v))
                        .collect()
                }
            })
        };
        let lengths = read(lengths);
        let lower = read(lower_bounds);
        HelperFrame::run(thread, |thread| {
            let made = match t.kind {
                TypeKind::SzArray => {
                    let length = lengths.first().copied().unwrap_or(0);
                    thread
                        .runtime()
                        .heaps
                        .alloc(thread, &t.mt, length.max(0) as usize)
                        .map_err(RuntimeError::from)
                        .map(|o| o.as_ptr())
                }
                TypeKind::MdArray(_) => {
                    let lower = if lower.is_empty() {
                        vec![0; lengths.len()]
                    } else {
                        lower.clone()
                    };
                    crate::runtime::alloc_md_array(thread, &t.mt, &lengths, &lower)
                        .map(|o| o.as_ptr())
                }
                _ => Err(RuntimeError::Internal(format!(
                    "Array.InternalCreate: {} is not an array type",
                    t.name
                ))),
            };
            match made {
                Ok(o) => o,
                Err(e) => {
                    thread.raise(e);
                    std::ptr::null_mut()
                }
            }
        })
    })
}
