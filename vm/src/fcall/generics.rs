//! The runtime side of corelib's generic library (`GenericHooks`,
//! `Activator.CreateInstance<T>`): what C# cannot express without
//! reflection: whether one type is assignable to another, instantiating a
//! generic definition over a type known only at run time, and creating an
//! instance with the parameterless constructor.

use osprey_binder::RuntimeTypeObject;

use crate::frames::HelperFrame;
use crate::loader::{types::mt_flags, TypeHandle};
use crate::object::ObjectRef;
use crate::runtime::{guard, Arg, CallSite, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// The runtime type a `System.RuntimeType` object stands for.
fn handle_of(type_object: *mut u8) -> Result<TypeHandle, RuntimeError> {
    // SAFETY: `type_object` is null or an object reference managed code passed in.
    let Some(o) = (unsafe { ObjectRef::from_raw(type_object) }) else {
        return Err(RuntimeError::managed(
            ExceptionKind::ArgumentNull,
            Some("Value cannot be null.\nParameter name: type".into()),
        ));
    };
    // SAFETY: corelib passes `Type` objects, which are all RuntimeType
    // objects the runtime made (`Runtime::type_object`), laid out as the
    // binder's mirror; their handle is a live method table.
    let mt = unsafe { (*(o.as_ptr() as *const RuntimeTypeObject)).handle };
    // SAFETY: as above.
    Ok(unsafe { TypeHandle::from_address(mt as usize) })
}

/// `static bool GenericHooks.IsAssignableTo(Type from, Type to)`: whether a
/// value of `from` may be stored where `to` is expected (for a value type,
/// whether it implements the interface `to`), variance included.
pub(super) extern "C" fn is_assignable_to(thread: &mut Thread, from: *mut u8, to: *mut u8) -> bool {
    guard(thread, false, |thread| {
        match (handle_of(from), handle_of(to)) {
            (Ok(f), Ok(t)) => crate::runtime::is_assignable(f, t),
            (Err(e), _) | (_, Err(e)) => {
                thread.raise(e);
                false
            }
        }
    })
}

/// `static Type GenericHooks.Instantiate(Type definition, Type argument)`:
/// the instantiation of `definition`'s generic type definition (an open
/// type, or any instantiation of it) over `argument`.
pub(super) extern "C" fn instantiate(
    thread: &mut Thread,
    definition: *mut u8,
    argument: *mut u8,
) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        let result = (|| {
            let (d, a) = (handle_of(definition)?, handle_of(argument)?);
            let def = d.def.ok_or_else(|| {
                RuntimeError::managed(
                    ExceptionKind::Argument,
                    Some(format!("{} is not a generic type", d.name)),
                )
            })?;
            let rt = thread.runtime();
            let t = rt.loader().load_type(def, vec![a])?;
            rt.type_object(t)
        })();
        match result {
            Ok(o) => o.as_ptr(),
            Err(e) => {
                thread.raise(e);
                std::ptr::null_mut()
            }
        }
    })
}

/// `static Type GenericHooks.NullableUnderlying(Type type)`: `U` for
/// `Nullable<U>`, else null.
pub(super) extern "C" fn nullable_underlying(thread: &mut Thread, type_object: *mut u8) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        let result = handle_of(type_object).and_then(|t| match t.instantiation.first() {
            Some(&u) if t.is_nullable() => thread.runtime().type_object(u).map(|o| o.as_ptr()),
            _ => Ok(std::ptr::null_mut()),
        });
        match result {
            Ok(p) => p,
            Err(e) => {
                thread.raise(e);
                std::ptr::null_mut()
            }
        }
    })
}

/// `static object GenericHooks.CreateInstance(Type type)`: a new instance
/// made by the type's public parameterless constructor (`new T()`,
/// `Activator.CreateInstance`); for a value type, a boxed default value.
pub(super) extern "C" fn create_instance(thread: &mut Thread, type_object: *mut u8) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // The frame covers every allocation: without it a collection
        // could not walk past this FCall to its managed callers.
        HelperFrame::run(thread, |thread| match create(thread, type_object) {
            Ok(p) => p,
            Err(e) => {
                thread.raise(e);
                std::ptr::null_mut()
            }
        })
    })
}

fn create(thread: &mut Thread, type_object: *mut u8) -> Result<*mut u8, RuntimeError> {
    use osprey_metadata::flags::method_attributes as ma;
    let t = handle_of(type_object)?;
    let rt = thread.runtime();
    if t.is_value_type() {
        return Ok(rt.heaps.alloc(thread, &t.mt, 0)?.as_ptr());
    }
    if t.mt.has(mt_flags::ABSTRACT | mt_flags::INTERFACE) || t.is_generic_definition() {
        return Err(RuntimeError::managed(
            ExceptionKind::MissingMethod,
            Some(format!("Cannot create an abstract class '{}'.", t.name)),
        ));
    }
    let ctor = t
        .methods
        .iter()
        .copied()
        .find(|m| {
            m.name == ".ctor"
                && !m.is_static()
                && m.sig.params.is_empty()
                && m.flags & ma::MEMBER_ACCESS_MASK == ma::PUBLIC
        })
        .ok_or_else(|| {
            RuntimeError::managed(
                ExceptionKind::MissingMethod,
                Some(format!("Default constructor not found for type {}", t.name)),
            )
        })?;
    let site = CallSite::new(rt, ctor)?;
    // Rooted while its constructor runs (it may allocate and collect).
    let obj = rt.new_object(thread, &t.mt, 0)?;
    site.call(thread, &[Arg::from(&obj)])?;
    Ok(obj.get(thread).as_ptr())
}
